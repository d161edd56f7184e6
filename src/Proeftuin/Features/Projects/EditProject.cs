using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Projects;

public sealed class EditProject(AppDbContext db, ProjectAccess access)
{
    public async Task<Outcome<Project>> LoadAsync(int projectId, CancellationToken ct = default)
    {
        var permissions = await access.ForProjectAsync(projectId, ct);
        if (permissions is null) return Outcome<Project>.NotFound();
        if (!permissions.CanManage) return Outcome<Project>.Forbidden();
        var project = await db.Projects.Include(p => p.Themes).FirstAsync(p => p.Id == projectId, ct);
        return Outcome<Project>.Ok(project);
    }

    /// <summary>For a project the caller already loaded (and so was allowed to edit) through <see cref="LoadAsync"/>.</summary>
    public async Task<Outcome<Project>> RunAsync(Project loaded, ProjectInput input, CancellationToken ct = default)
    {
        var v = await input.ApplyToAsync(loaded, db, ct);
        if (!v.IsValid) return v;
        return await db.SaveOrConflictAsync(loaded, ct);
    }
}
