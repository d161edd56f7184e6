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

    public async Task<Outcome<Project>> RunAsync(int projectId, ProjectInput input, CancellationToken ct = default)
    {
        var loaded = await LoadAsync(projectId, ct);
        if (!loaded.IsOk) return loaded;
        var project = loaded.Value!;
        var v = await input.ApplyToAsync(project, db, ct);
        if (!v.IsValid) return v;
        return await db.SaveOrConflictAsync(project, ct);
    }
}
