using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Members;

public sealed record InvitationView(int ProjectId, string ProjectTitle, ProjectRole Role, bool AlreadyMember);

/// <summary>The invited person, signed in, accepts: they join with the invitation's role and their own perspective.</summary>
public sealed class AcceptInvitation(AppDbContext db, CurrentUser user, ProjectAccess access, TimeProvider clock)
{
    public const string Unusable = "Deze uitnodiging is al gebruikt of verlopen. Vraag de procesbegeleider om een nieuwe.";

    public async Task<Outcome<InvitationView>> ViewAsync(string? token, CancellationToken ct = default)
    {
        var invitation = await FindUsableAsync(token, ct);
        if (invitation is null) return Outcome<InvitationView>.Invalid("", Unusable);
        var already = user.Id is { } uid && await db.Memberships.AnyAsync(m => m.ProjectId == invitation.ProjectId && m.UserId == uid, ct);
        return Outcome<InvitationView>.Ok(new InvitationView(invitation.ProjectId, invitation.Project.Title, invitation.Role, already));
    }

    public async Task<Outcome<Membership>> RunAsync(string? token, Perspective perspective, CancellationToken ct = default)
    {
        if (user.Id is not { } userId) return Outcome<Membership>.Forbidden();
        var v = new Validation();
        v.Enum("Perspective", perspective, "Kies een kennisbron.");
        if (!v.IsValid) return v;
        var invitation = await FindUsableAsync(token, ct);
        if (invitation is null) return Outcome<Membership>.Invalid("", Unusable);
        if (await db.Memberships.AnyAsync(m => m.ProjectId == invitation.ProjectId && m.UserId == userId, ct))
            return Outcome<Membership>.Invalid("", "Je bent al lid van dit project.");

        var now = clock.GetUtcNow().UtcDateTime;
        // Claim and join in one transaction: the invitation is never used up without a membership.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // A guarded update: two people cannot both use one link.
        var claimed = await db.Invitations.Where(i => i.Id == invitation.Id && i.AcceptedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedAt, now).SetProperty(i => i.AcceptedById, userId), ct);
        if (claimed == 0) return Outcome<Membership>.Invalid("", Unusable);

        var membership = new Membership { ProjectId = invitation.ProjectId, UserId = userId, Role = invitation.Role, Perspective = perspective, JoinedAt = now };
        db.Memberships.Add(membership);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Most likely the unique (project, user) index: the same person accepted another invitation
            // at this moment. The transaction is not committed, so the invitation stays unused.
            db.ChangeTracker.Clear();
            await transaction.RollbackAsync(ct);
            return await db.Memberships.AnyAsync(m => m.ProjectId == invitation.ProjectId && m.UserId == userId, ct)
                ? Outcome<Membership>.Invalid("", "Je bent al lid van dit project.")
                : Outcome<Membership>.Invalid("", Unusable);
        }
        await transaction.CommitAsync(ct);
        access.Forget(invitation.ProjectId);
        return Outcome<Membership>.Ok(membership);
    }

    private async Task<Invitation?> FindUsableAsync(string? token, CancellationToken ct)
    {
        if (!Tokens.LooksValid(token)) return null;
        var hash = Tokens.Hash(token!);
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Invitations.AsNoTracking().Include(i => i.Project)
            .FirstOrDefaultAsync(i => i.TokenHash == hash && i.AcceptedAt == null && i.ExpiresAt > now, ct);
    }
}
