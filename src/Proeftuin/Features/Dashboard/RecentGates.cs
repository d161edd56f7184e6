using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Gates;
using Proeftuin.Features.Projects;

namespace Proeftuin.Features.Dashboard;

/// <summary>
/// One gate the project went through: the verdict (null for a phase move recorded before gate decisions existed), from
/// which phase to which (To null when the project stopped), why, by whom (null for readers who may not see names), when.
/// </summary>
public sealed record GateView(GateVerdict? Verdict, Phase? From, Phase? To, string Reason, string? By, DateTime At)
{
    public bool IsBack => From is { } f && To is { } t && t < f;
}

/// <summary>
/// The project's latest gates, as the project timeline shows them (ADR 0028): every phase move with the gate decision
/// that made it, and the stops, which move nothing. Two queries of at most <see cref="Shown"/> rows each.
/// </summary>
public sealed class RecentGates(AppDbContext db)
{
    public const int Shown = 5;

    public async Task<IReadOnlyList<GateView>> RunAsync(int projectId, bool withNames, CancellationToken ct = default)
    {
        var decisions = db.Set<GateDecision>().AsNoTracking();
        var moves = await db.PhaseTransitions.AsNoTracking().Where(t => t.ProjectId == projectId)
            .OrderByDescending(t => t.At).ThenByDescending(t => t.Id).Take(Shown)
            .Select(t => new
            {
                Verdict = decisions.Where(d => d.PhaseTransitionId == t.Id).Select(d => (GateVerdict?)d.Verdict).FirstOrDefault(),
                t.FromPhase,
                t.ToPhase,
                t.Reason,
                By = t.ByUser == null ? null : t.ByUser.DisplayName,
                t.At,
                t.Id,
            })
            .ToListAsync(ct);
        var stops = await decisions.Where(d => d.ProjectId == projectId && d.PhaseTransitionId == null)
            .OrderByDescending(d => d.At).ThenByDescending(d => d.Id).Take(Shown)
            .Select(d => new { d.Verdict, d.FromPhase, d.Reasons, By = d.ByUser == null ? null : d.ByUser.DisplayName, d.At, d.Id })
            .ToListAsync(ct);
        return moves.Select(m => (Gate: new GateView(m.Verdict, m.FromPhase, m.ToPhase, m.Reason, m.By, m.At), m.Id))
            .Concat(stops.Select(s => (Gate: new GateView(s.Verdict, s.FromPhase, null, s.Reasons, s.By, s.At), s.Id)))
            .OrderByDescending(g => g.Gate.At).ThenByDescending(g => g.Id).Take(Shown)
            .Select(g => withNames ? g.Gate : g.Gate with { By = null })
            .ToList();
    }
}
