using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Members;

public sealed record InvitationView(int ProjectId, string ProjectTitle, ProjectRole Role, bool AlreadyMember);

/// <summary>The invited person, signed in, accepts: they join with the invitation's role and their own perspective.</summary>
public sealed class AcceptInvitation(AppDbContext db, Caller user, ProjectAccess access, TimeProvider clock)
{
    public const string Unusable = "Deze uitnodiging is al gebruikt of verlopen. Vraag de procesbegeleider om een nieuwe.";
    public const string Revoked = "Deze uitnodiging is ingetrokken door de procesbegeleider. Wil je toch meedoen? Vraag dan om een nieuwe uitnodiging.";

    public async Task<Outcome<InvitationView>> ViewAsync(string? token, CancellationToken ct = default)
    {
        var invitation = await FindUsableAsync(token, ct);
        if (invitation is null) return Outcome<InvitationView>.Invalid("", await WhyUnusableAsync(token, ct));
        var already = user.Id is { } uid && await db.Memberships.AnyAsync(m => m.ProjectId == invitation.ProjectId && m.UserId == uid, ct);
        return Outcome<InvitationView>.Ok(new InvitationView(invitation.ProjectId, invitation.Project.Title, invitation.Role, already));
    }

    public async Task<Outcome<Membership>> RunAsync(string? token, Perspective perspective, CancellationToken ct = default)
    {
        if (user.Id is null) return Outcome<Membership>.Forbidden();
        var v = new Validation();
        v.Enum("Perspective", perspective, "Kies een kennisbron.");
        if (!v.IsValid) return v;
        var invitation = await FindUsableAsync(token, ct);
        if (invitation is null) return Outcome<Membership>.Invalid("", await WhyUnusableAsync(token, ct));
        return await JoinAsync(invitation, perspective, ct);
    }

    /// <summary>
    /// From "Mijn Proeftuin": an invitation mailed to the signed-in person's own (confirmed) address, accepted
    /// without the mailed link. Anyone else's invitation answers 404.
    /// </summary>
    public async Task<Outcome<Membership>> RunForMeAsync(int invitationId, Perspective perspective, CancellationToken ct = default)
    {
        if (user.Id is not { } userId) return Outcome<Membership>.Forbidden();
        var v = new Validation();
        v.Enum("Perspective", perspective, "Kies een kennisbron.");
        if (!v.IsValid) return v;
        var email = await db.Users.Where(u => u.Id == userId && u.EmailConfirmed).Select(u => u.Email).FirstOrDefaultAsync(ct);
        if (email is null) return Outcome<Membership>.NotFound();
        var invitation = await db.Invitations.AsNoTracking().FirstOrDefaultAsync(i => i.Id == invitationId && i.Email == email, ct);
        if (invitation is null) return Outcome<Membership>.NotFound();
        if (invitation.RevokedAt is not null) return Outcome<Membership>.Invalid("", Revoked);
        if (invitation.AcceptedAt is not null || invitation.ExpiresAt <= clock.GetUtcNow().UtcDateTime) return Outcome<Membership>.Invalid("", Unusable);
        return await JoinAsync(invitation, perspective, ct);
    }

    private async Task<Outcome<Membership>> JoinAsync(Invitation invitation, Perspective perspective, CancellationToken ct)
    {
        var userId = user.Id!;
        if (await db.Memberships.AnyAsync(m => m.ProjectId == invitation.ProjectId && m.UserId == userId, ct))
            return Outcome<Membership>.Invalid("", "Je bent al lid van dit project.");

        var now = clock.GetUtcNow().UtcDateTime;
        // Claim and join in one transaction: the invitation is never used up without a membership.
        Membership membership = null!;
        var outcome = await db.InTransactionAsync(async (transaction, ct) =>
        {
            // A guarded update: two people cannot both use one link.
            var claimed = await db.Invitations.Where(i => i.Id == invitation.Id && i.AcceptedAt == null && i.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedAt, now).SetProperty(i => i.AcceptedById, userId), ct);
            if (claimed == 0) return Joining.Unusable;

            membership = new Membership { ProjectId = invitation.ProjectId, UserId = userId, Role = invitation.Role, Perspective = perspective, JoinedAt = now };
            db.Memberships.Add(membership);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (!DatabaseOutage.IsUnavailable(e))
            {
                // Most likely the unique (project, user) index: the same person accepted another invitation
                // at this moment. The transaction is not committed, so the invitation stays unused.
                db.ChangeTracker.Clear();
                return Joining.Clashed;
            }
            await transaction.CommitAsync(ct);
            return Joining.Joined;
        }, ct);
        if (outcome == Joining.Unusable) return Outcome<Membership>.Invalid("", Unusable);
        if (outcome == Joining.Clashed)
            return await db.Memberships.AnyAsync(m => m.ProjectId == invitation.ProjectId && m.UserId == userId, ct)
                ? Outcome<Membership>.Invalid("", "Je bent al lid van dit project.")
                : Outcome<Membership>.Invalid("", Unusable);
        access.Forget(invitation.ProjectId);
        return Outcome<Membership>.Ok(membership);
    }

    private enum Joining { Joined, Unusable, Clashed }

    private async Task<Invitation?> FindUsableAsync(string? token, CancellationToken ct)
    {
        if (!Tokens.LooksValid(token)) return null;
        var hash = Tokens.Hash(token!);
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Invitations.AsNoTracking().Include(i => i.Project)
            .FirstOrDefaultAsync(i => i.TokenHash == hash && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now, ct);
    }

    /// <summary>A revoked invitation says so; used, expired and unknown ones share one answer.</summary>
    private async Task<string> WhyUnusableAsync(string? token, CancellationToken ct)
    {
        if (!Tokens.LooksValid(token)) return Unusable;
        var hash = Tokens.Hash(token!);
        var revoked = await db.Invitations.AnyAsync(i => i.TokenHash == hash && i.AcceptedAt == null && i.RevokedAt != null, ct);
        return revoked ? Revoked : Unusable;
    }
}
