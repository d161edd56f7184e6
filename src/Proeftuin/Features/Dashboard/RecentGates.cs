using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Projects;

namespace Proeftuin.Features.Dashboard;

/// <summary>One gate the project went through: from which phase to which, why, by whom (null for readers who may not see names), when.</summary>
public sealed record GateView(Phase? From, Phase To, string Reason, string? By, DateTime At)
{
    public bool IsBack => From is { } f && To < f;
}

/// <summary>
/// The project's latest gates, in one query. Today a gate is a recorded phase move (PhaseTransition); when gate
/// decisions (go / back / stop, with advice) get their own table, this is the one class that reads them.
/// </summary>
public sealed class RecentGates(AppDbContext db)
{
    public const int Shown = 5;

    public async Task<IReadOnlyList<GateView>> RunAsync(int projectId, bool withNames, CancellationToken ct = default)
    {
        var gates = await db.PhaseTransitions.AsNoTracking().Where(t => t.ProjectId == projectId)
            .OrderByDescending(t => t.At).ThenByDescending(t => t.Id).Take(Shown)
            .Select(t => new GateView(t.FromPhase, t.ToPhase, t.Reason, t.ByUser == null ? null : t.ByUser.DisplayName, t.At))
            .ToListAsync(ct);
        return withNames ? gates : [.. gates.Select(g => g with { By = null })];
    }
}
