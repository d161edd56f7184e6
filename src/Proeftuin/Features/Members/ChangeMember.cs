using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Audit;
using Proeftuin.Web;

namespace Proeftuin.Features.Members;

/// <summary>
/// Facilitators change roles and remove members; every member changes their own perspective.
/// A project always keeps at least one facilitator.
/// </summary>
public sealed class ChangeMember(AppDbContext db, ProjectAccess access, Caller user, AuditLog audit)
{
    public const string LastFacilitator = "Een project heeft altijd minstens één procesbegeleider. Maak eerst iemand anders procesbegeleider.";

    /// <summary>Reviewer: make an observer an external reviewer (ADR 0035); ignored for other roles.</summary>
    public async Task<Outcome<Membership>> ChangeRoleAsync(int projectId, int membershipId, ProjectRole role, bool reviewer = false, CancellationToken ct = default)
    {
        var (outcome, membership) = await LoadManagedAsync(projectId, membershipId, ct);
        if (membership is null) return outcome;
        var v = new Validation();
        v.Enum("Role", role, "Kies een rol.");
        if (!v.IsValid) return v;
        if (membership.Role == ProjectRole.Facilitator && role != ProjectRole.Facilitator && await IsLastFacilitatorAsync(membership, ct))
            return Outcome<Membership>.Invalid("Role", LastFacilitator);
        reviewer = reviewer && role == ProjectRole.Observer;
        if (membership.Role != role || membership.Reviewer != reviewer)
            audit.Add(AuditAction.RoleChanged, projectId, AuditSubjects.Membership, membership.Id.ToString(), membership.UserId,
                $"Rol: {membership.Role.Label(membership.Reviewer)} → {role.Label(reviewer)}");
        membership.Role = role;
        membership.Reviewer = reviewer;
        if (role == ProjectRole.Observer) await LeaveSessionsAsync(membership, ct);
        return await SaveAsync(membership, ct);
    }

    public async Task<Outcome<Membership>> RemoveAsync(int projectId, int membershipId, CancellationToken ct = default)
    {
        var (outcome, membership) = await LoadManagedAsync(projectId, membershipId, ct);
        if (membership is null) return outcome;
        if (membership.Role == ProjectRole.Facilitator && await IsLastFacilitatorAsync(membership, ct))
            return Outcome<Membership>.Invalid("", LastFacilitator);
        db.Memberships.Remove(membership);
        audit.Add(AuditAction.MemberRemoved, projectId, AuditSubjects.Membership, membership.Id.ToString(), membership.UserId, $"Rol was: {membership.Role.Label()}");
        await LeaveSessionsAsync(membership, ct);
        return await SaveAsync(membership, ct);
    }

    public async Task<Outcome<Membership>> ChangeOwnPerspectiveAsync(int projectId, Perspective perspective, CancellationToken ct = default)
    {
        var permissions = await access.ForProjectAsync(projectId, ct);
        if (permissions is null) return Outcome<Membership>.NotFound();
        if (!permissions.IsMember) return Outcome<Membership>.Forbidden();
        var v = new Validation();
        v.Enum("Perspective", perspective, "Kies een kennisbron.");
        if (!v.IsValid) return v;
        var membership = await db.Memberships.FirstAsync(m => m.ProjectId == projectId && m.UserId == user.Id, ct);
        membership.Perspective = perspective;
        await db.SaveChangesAsync(ct);
        return Outcome<Membership>.Ok(membership);
    }

    private async Task<(Outcome<Membership> Outcome, Membership? Membership)> LoadManagedAsync(int projectId, int membershipId, CancellationToken ct)
    {
        var permissions = await access.ForProjectAsync(projectId, ct);
        if (permissions is null) return (Outcome<Membership>.NotFound(), null);
        if (!permissions.CanManage) return (Outcome<Membership>.Forbidden(), null);
        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.Id == membershipId && m.ProjectId == projectId, ct);
        if (membership is null) return (Outcome<Membership>.NotFound(), null);
        // Read the project's version before the facilitator check reads other rows: a change that lands
        // in between moves the version, and this save then fails instead of leaving no facilitator.
        (await db.Projects.FirstAsync(p => p.Id == projectId, ct)).MarkChanged();
        return (Outcome<Membership>.Ok(membership), membership);
    }

    private async Task<Outcome<Membership>> SaveAsync(Membership membership, CancellationToken ct)
    {
        var saved = await db.SaveOrConflictAsync(membership, ct);
        access.Forget(membership.ProjectId);
        return saved;
    }

    /// <summary>
    /// Leaving the team (or becoming an observer) also ends taking part in the project's live sessions: the post-its
    /// stay under the name they were written with, but the account no longer opens the session. Saved with the change.
    /// </summary>
    private async Task LeaveSessionsAsync(Membership membership, CancellationToken ct)
    {
        var seats = await db.Participants
            .Where(p => p.UserId == membership.UserId && db.Sessions.Any(s => s.Id == p.SessionId && s.ProjectId == membership.ProjectId))
            .ToListAsync(ct);
        foreach (var seat in seats) seat.UserId = null;
    }

    private Task<bool> IsLastFacilitatorAsync(Membership membership, CancellationToken ct) =>
        db.Memberships.AllAsync(m => m.ProjectId != membership.ProjectId || m.Role != ProjectRole.Facilitator || m.Id == membership.Id, ct);
}
