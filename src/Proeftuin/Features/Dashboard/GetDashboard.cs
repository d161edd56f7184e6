using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Experiments;
using Proeftuin.Features.Members;
using Proeftuin.Features.Projects;
using Proeftuin.Features.Stories;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Features.Dashboard;

/// <summary>One kind in a phase: how many there are and the latest few the reader may see.</summary>
public sealed record KindSummary(ThreadKind Kind, int Count, IReadOnlyList<ItemRef> Latest);

/// <summary>What exists in one phase (by the kinds' own phase) and the knowledge balance of what was added in it.</summary>
public sealed record PhaseSummary(Phase Phase, bool Current, IReadOnlyList<KindSummary> Kinds, PhaseBalance Balance)
{
    public int Total => Kinds.Sum(k => k.Count);
}

/// <summary>
/// A proef that is not over: still running or being prepared (days left, and regelruimte that lapses within 14 days or
/// has lapsed), or ended without a decision yet (the team still has to decide).
/// </summary>
public sealed record OpenExperiment(int Id, string Title, ExperimentStatus Status, DateOnly StartsOn, DateOnly EndsOn, int DaysLeft, int LapsingRules, DateOnly? FirstLapse)
{
    public bool AwaitsDecision => Status == ExperimentStatus.Ended;
    public bool Lapsing => !AwaitsDecision && LapsingRules > 0;
}

public sealed record RecentDecision(int Id, int ExperimentId, string ExperimentTitle, DecisionChoice Choice, Phase? BackToPhase, bool BrilliantFailure, DateTime At);

/// <summary>The project dashboard (/projecten/{id}/overzicht and GET /api/v1/projects/{id}/dashboard).</summary>
public sealed record DashboardView(
    int ProjectId, string ProjectTitle, Phase CurrentPhase, IReadOnlyList<PhaseSummary> Phases,
    IReadOnlyList<OpenExperiment> OpenExperiments, IReadOnlyList<RecentDecision> Decisions, IReadOnlyList<GateView> Gates,
    ProjectPermissions Permissions)
{
    public IReadOnlyList<OpenExperiment> LapsingExperiments => [.. OpenExperiments.Where(e => e.Lapsing)];
}

/// <summary>
/// Everything the dashboard shows, for whoever may read the project (null otherwise: 404). A fixed number of queries
/// however many items, experiments or decisions the project has: counts are grouped in the database, the latest items
/// per kind come from one windowed query, experiments from FindExperiments (three queries), a live session's post-its
/// and stippen from the balance contributors (two grouped queries).
/// </summary>
public sealed class GetDashboard(AppDbContext db, ProjectAccess access, ThreadAccess thread, FindExperiments experiments, RecentGates gates, BalanceContributors contributors)
{
    /// <summary>The latest items shown per kind.</summary>
    public const int Latest = 3;

    /// <summary>Recent decisions shown.</summary>
    public const int RecentDecisions = 5;

    private sealed record Counted(Phase Phase, ItemKind Kind, Perspective Source, int Count);

    public async Task<DashboardView?> RunAsync(int projectId, CancellationToken ct = default)
    {
        var p = await access.ForProjectAsync(projectId, ct);
        if (p is null) return null;
        var project = await db.Projects.AsNoTracking().Where(x => x.Id == projectId).Select(x => new { x.Title, x.Phase }).FirstAsync(ct);

        // A withdrawn story is gone from everything the team sees: not counted, not listed.
        var items = db.Items.AsNoTracking().Where(i => i.ProjectId == projectId && (!(i is Story) || ((Story)i).WithdrawnAt == null));
        var counted = (await items.GroupBy(i => new { i.Phase, i.Kind, i.KnowledgeSource })
                .Select(g => new { g.Key.Phase, g.Key.Kind, g.Key.KnowledgeSource, Count = g.Count() }).ToListAsync(ct))
            .Select(c => new Counted(c.Phase, c.Kind, c.KnowledgeSource, c.Count)).ToList();
        var comments = await db.Comments.AsNoTracking().Where(c => c.ProjectId == projectId)
            .GroupBy(c => new { c.Phase, c.KnowledgeSource })
            .Select(g => new { g.Key.Phase, g.Key.KnowledgeSource, Count = g.Count() }).ToListAsync(ct);
        var others = await contributors.CountAsync(projectId, ct);
        var people = KnowledgeBalance.FromPeople(await db.Memberships.AsNoTracking().Where(m => m.ProjectId == projectId).Select(m => m.Perspective).ToListAsync(ct));

        // The latest few of each kind the project has: one small query per kind, newest first on the (ProjectId, Kind,
        // CreatedAt, Id) index, so the number of queries depends on the kinds, never on the data. One query with a window
        // per kind sorted every item of the project instead (0.4 s at 100,000 stories, docs/benchmarks.md).
        var latest = new List<(int Id, ItemKind Kind, DateTime CreatedAt)>();
        foreach (var kind in counted.Select(c => c.Kind).Distinct().Order())
            latest.AddRange((await items.Where(i => i.Kind == kind).OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id).Take(Latest)
                .Select(i => new { i.Id, i.Kind, i.CreatedAt }).ToListAsync(ct)).Select(x => (x.Id, x.Kind, x.CreatedAt)));
        var refs = await thread.RefsAsync([.. latest.Select(l => l.Id)], p, ct);
        var latestByKind = latest.OrderByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id)
            .ToLookup(l => l.Kind, l => refs.TryGetValue(l.Id, out var r) && r.State == ItemState.Visible ? r : null);

        var rows = (IReadOnlyList<BalanceRow>)[.. ThreadKinds.Registry.BalanceRows, BalanceRows.Comments, .. contributors.Rows];
        var countByKind = counted.GroupBy(c => c.Kind).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        var phases = Enum.GetValues<Phase>().Select(phase =>
        {
            var kinds = ThreadKinds.All.Where(k => k.Phase == phase).OrderBy(k => (int)k.Kind)
                .Select(k => new KindSummary(k, countByKind.GetValueOrDefault(k.Kind), [.. latestByKind[k.Kind].OfType<ItemRef>()]))
                .ToList();
            var contributions = counted.Where(c => c.Phase == phase)
                .Select(c => (Rule: ThreadKinds.For(c.Kind).Balance, c.Source, c.Count))
                .Where(c => c.Rule.Counts)
                .Select(c => (c.Rule.Row!, c.Rule.SourceOf(c.Source), c.Count))
                .Concat(comments.Where(c => c.Phase == phase).Select(c => (BalanceRows.Comments, c.KnowledgeSource, c.Count)))
                .Concat(others.Where(o => o.Phase == phase).Select(o => (contributors.Row(o.Row), o.Source, o.Count)));
            return new PhaseSummary(phase, phase == project.Phase, kinds, PhaseBalance.From(phase, people, rows, contributions));
        }).ToList();

        var list = await experiments.RunAsync(projectId, ct);
        var open = (list?.Rows ?? []).Where(r => r.Status != ExperimentStatus.Ended || r.Decision is null)
            .OrderBy(r => r.FirstLapse ?? DateOnly.MaxValue).ThenBy(r => r.EndsOn).ThenBy(r => r.Id)
            .Select(r => new OpenExperiment(r.Id, r.Title, r.Status, r.StartsOn, r.EndsOn, r.DaysLeft, r.LapsingRules, r.FirstLapse))
            .ToList();

        var decisions = await db.Items.OfType<Decision>().AsNoTracking().Where(d => d.ProjectId == projectId)
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Take(RecentDecisions)
            .Select(d => new RecentDecision(d.Id, d.ExperimentId,
                db.Items.Where(e => e.Id == d.ExperimentId).Select(e => e.Title).FirstOrDefault() ?? "",
                d.Choice, d.BackToPhase, d.BrilliantFailure, d.CreatedAt))
            .ToListAsync(ct);

        var recentGates = await gates.RunAsync(projectId, p.CanSeeMemberNames, ct);
        return new DashboardView(projectId, project.Title, project.Phase, phases, open, decisions, recentGates, p);
    }
}
