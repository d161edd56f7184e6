using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Audit;
using Proeftuin.Web;

namespace Proeftuin.Features.Members;

/// <summary>An invitation not yet used, as the facilitator sees it. Email is null for an invitation link.</summary>
public sealed record PendingInvitation(int Id, string? Email, ProjectRole Role, string? CreatedBy, DateTime CreatedAt, DateTime ExpiresAt);

/// <summary>
/// Facilitators see the invitations and invitation links that still work, and take them back: a revoked
/// invitation no longer works, and its page says so.
/// </summary>
public sealed class ManageInvitations(AppDbContext db, ProjectAccess access, TimeProvider clock, AuditLog audit)
{
    public async Task<Outcome<IReadOnlyList<PendingInvitation>>> ListAsync(int projectId, CancellationToken ct = default)
    {
        var permissions = await access.ForProjectAsync(projectId, ct);
        if (permissions is null) return Outcome<IReadOnlyList<PendingInvitation>>.NotFound();
        if (!permissions.CanManage) return Outcome<IReadOnlyList<PendingInvitation>>.Forbidden();
        var now = clock.GetUtcNow().UtcDateTime;
        var pending = await db.Invitations.AsNoTracking()
            .Where(i => i.ProjectId == projectId && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Select(i => new PendingInvitation(i.Id, i.Email, i.Role,
                db.Users.Where(u => u.Id == i.CreatedById).Select(u => u.DisplayName).FirstOrDefault(), i.CreatedAt, i.ExpiresAt))
            .ToListAsync(ct);
        return Outcome<IReadOnlyList<PendingInvitation>>.Ok(pending);
    }

    public async Task<Outcome<bool>> RevokeAsync(int projectId, int invitationId, CancellationToken ct = default)
    {
        var permissions = await access.ForProjectAsync(projectId, ct);
        if (permissions is null) return Outcome<bool>.NotFound();
        if (!permissions.CanManage) return Outcome<bool>.Forbidden();
        var invitation = await db.Invitations.AsNoTracking().FirstOrDefaultAsync(i => i.Id == invitationId && i.ProjectId == projectId, ct);
        if (invitation is null) return Outcome<bool>.NotFound();
        if (invitation.RevokedAt is not null) return Outcome<bool>.Ok(true);
        var now = clock.GetUtcNow().UtcDateTime;
        // Guarded: an invitation accepted at this very moment stays accepted.
        var revoked = await db.Invitations.Where(i => i.Id == invitationId && i.AcceptedAt == null && i.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.RevokedAt, now), ct);
        if (revoked == 1) await audit.RecordAsync(AuditAction.InvitationRevoked, projectId, AuditSubjects.Invitation, invitationId.ToString(), detail: $"Rol: {invitation.Role.Label()}", ct: ct);
        return revoked == 1
            ? Outcome<bool>.Ok(true)
            : Outcome<bool>.Invalid("", "Deze uitnodiging is al aangenomen. Wil je deze persoon niet in het project? Verwijder hem of haar dan uit de ledenlijst.");
    }
}
