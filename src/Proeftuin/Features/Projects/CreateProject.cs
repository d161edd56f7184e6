using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Members;
using Proeftuin.Web;

namespace Proeftuin.Features.Projects;

/// <summary>
/// Anyone signed in starts a project in a programme and becomes its first facilitator;
/// a sub-project is started by a facilitator of the parent project.
/// </summary>
public sealed class CreateProject(AppDbContext db, Caller user, ProjectAccess access, TimeProvider clock)
{
    /// <summary>The programme's title for the form, or null when it does not exist.</summary>
    public Task<string?> ProgrammeTitleAsync(int programmeId, CancellationToken ct = default) =>
        db.Programmes.Where(p => p.Id == programmeId).Select(p => p.Title).FirstOrDefaultAsync(ct);

    public async Task<Outcome<Project>> RunAsync(int programmeId, int? parentProjectId, ProjectInput input, CancellationToken ct = default)
    {
        if (user.Id is not { } userId) return Outcome<Project>.Forbidden();
        if (!await db.Programmes.AnyAsync(p => p.Id == programmeId, ct)) return Outcome<Project>.NotFound();
        if (parentProjectId is { } parentId)
        {
            var parent = await access.ForProjectAsync(parentId, ct);
            if (parent is null || parent.ProgrammeId != programmeId) return Outcome<Project>.NotFound();
            if (!parent.CanManage) return Outcome<Project>.Forbidden();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var project = new Project { ProgrammeId = programmeId, ParentProjectId = parentProjectId, Phase = Phase.Empathize, CreatedAt = now };
        var v = await input.ApplyToAsync(project, db, ct);
        if (!v.IsValid) return v;

        var perspective = await db.Users.Where(u => u.Id == userId).Select(u => u.DefaultPerspective).FirstAsync(ct);
        project.Members.Add(new Membership { UserId = userId, Role = ProjectRole.Facilitator, Perspective = perspective, JoinedAt = now });
        project.PhaseHistory.Add(new PhaseTransition { FromPhase = null, ToPhase = Phase.Empathize, Reason = "", ByUserId = userId, At = now }); // the timeline says "Gestart in …" in the reader's language
        db.Projects.Add(project);
        await db.SaveChangesAsync(ct);
        return Outcome<Project>.Ok(project);
    }
}
