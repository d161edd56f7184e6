using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Members;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Features.Ideas;

/// <summary>
/// "Ik steun dit idee" and taking it back. Anyone with an account who may read the project may support an idea, once:
/// support is a voice, not content, so observers and residents outside the team count too. A member's support counts
/// under their perspective in the project; anyone else says which knowledge they bring.
/// </summary>
public sealed class SupportIdea(AppDbContext db, ProjectAccess access, Caller user, TimeProvider clock)
{
    public const string Already = "Je steunt dit idee al.";
    public const string NotSupported = "Je steunt dit idee niet. Er is niets om in te trekken.";
    public const string ChoosePerspective = "Kies welke kennis je vooral inbrengt.";

    public async Task<Outcome<IdeaSupport>> SupportAsync(int ideaId, Perspective? chosen, CancellationToken ct = default)
    {
        var found = await FindAsync(ideaId, ct);
        if (!found.IsOk) return found.Status == OutcomeStatus.NotFound ? Outcome<IdeaSupport>.NotFound() : Outcome<IdeaSupport>.Forbidden();
        var (projectId, p) = found.Value!;
        // A member counts as what they are in this project; the form's choice is only for who is not.
        var perspective = p.Perspective ?? chosen;
        if (perspective is not { } counted || !Enum.IsDefined(counted)) return Outcome<IdeaSupport>.Invalid("Perspective", ChoosePerspective);
        if (await db.Set<IdeaSupport>().AnyAsync(s => s.IdeaId == ideaId && s.UserId == user.Id, ct))
            return Outcome<IdeaSupport>.Invalid("Support", Already);
        var support = new IdeaSupport { IdeaId = ideaId, ProjectId = projectId, UserId = user.Id, Perspective = counted, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.Add(support);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same person pressed twice at once: the unique index kept one.
            db.ChangeTracker.Clear();
            return Outcome<IdeaSupport>.Invalid("Support", Already);
        }
        return Outcome<IdeaSupport>.Ok(support);
    }

    public async Task<Outcome<bool>> WithdrawAsync(int ideaId, CancellationToken ct = default)
    {
        var found = await FindAsync(ideaId, ct);
        if (!found.IsOk) return found.Status == OutcomeStatus.NotFound ? Outcome<bool>.NotFound() : Outcome<bool>.Forbidden();
        var userId = user.Id;
        var removed = await db.Set<IdeaSupport>().Where(s => s.IdeaId == ideaId && s.UserId == userId).ExecuteDeleteAsync(ct);
        return removed == 0 ? Outcome<bool>.Invalid("Support", NotSupported) : Outcome<bool>.Ok(true);
    }

    /// <summary>The idea's project and the caller's permissions there; signed-out callers are refused (a sign-in first).</summary>
    private async Task<Outcome<(int ProjectId, ProjectPermissions P)>> FindAsync(int ideaId, CancellationToken ct)
    {
        var projectId = await db.Items.Where(i => i.Id == ideaId && i.Kind == ItemKind.Idea).Select(i => (int?)i.ProjectId).FirstOrDefaultAsync(ct);
        if (projectId is not { } id) return Outcome<(int, ProjectPermissions)>.NotFound();
        var p = await access.ForProjectAsync(id, ct);
        if (p is null) return Outcome<(int, ProjectPermissions)>.NotFound();
        if (!user.IsSignedIn) return Outcome<(int, ProjectPermissions)>.Forbidden();
        return Outcome<(int, ProjectPermissions)>.Ok((id, p));
    }
}
