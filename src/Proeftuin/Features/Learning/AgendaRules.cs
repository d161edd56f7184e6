using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Members;
using Proeftuin.Web;

namespace Proeftuin.Features.Learning;

/// <summary>A team member who can look after an agenda item: what the owner field offers.</summary>
public sealed record OwnerChoice(string UserId, string Name);

/// <summary>The rules the learning agenda's use cases share: who works on it, and who may own an item.</summary>
public static class AgendaRules
{
    /// <summary>The team (members, evaluators, facilitators; not observers) and admins keep the agenda: it is everyone's learning.</summary>
    public static bool MayWork(ProjectPermissions p) => p.CanContribute || p.CanFacilitate;

    /// <summary>The project's team, by name: observers watch, they do not own a learning question.</summary>
    public static Task<List<OwnerChoice>> OwnersAsync(AppDbContext db, int projectId, CancellationToken ct) =>
        db.Memberships.AsNoTracking().Where(m => m.ProjectId == projectId && m.Role >= ProjectRole.Member)
            .OrderBy(m => m.User.DisplayName).ThenBy(m => m.UserId)
            .Select(m => new OwnerChoice(m.UserId, m.User.DisplayName)).ToListAsync(ct);
}
