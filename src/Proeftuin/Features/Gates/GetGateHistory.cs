using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Projects;
using Proeftuin.Web;

namespace Proeftuin.Features.Gates;

/// <summary>One evaluator's advice; Recommendation is null while it is still pending.</summary>
public sealed record AdviceView(string? EvaluatorId, string? Evaluator, GateVerdict? Recommendation, string? Text, DateTime? GivenAt)
{
    public bool IsGiven => Recommendation is not null;
}

/// <summary>One gate on the timeline: the verdict, why, and the advice the facilitator had (members only).</summary>
public sealed record GateView(int Id, GateVerdict Verdict, Phase From, Phase? To, string Reasons, string? WhatChanges, string? By, DateTime At,
    int? PhaseTransitionId, IReadOnlyList<AdviceView> Advice)
{
    /// <summary>Review advice (Features/Review) this decision took, oldest first; as <see cref="Advice"/>, for members only.</summary>
    public IReadOnlyList<Review.GivenReview> Review { get; init; } = [];
}

/// <summary>One gate as stored, before a reader's permissions filter it (<see cref="GetGateHistory.For"/>).</summary>
public sealed record GateRecord(int Id, GateVerdict Verdict, Phase From, Phase? To, string Reasons, string? WhatChanges, string? By, DateTime At,
    int? PhaseTransitionId, IReadOnlyList<GivenAdvice> Advice)
{
    /// <summary>Review advice (Features/Review) attached to this decision, oldest first.</summary>
    public IReadOnlyList<Review.GivenReview> Review { get; init; } = [];
}

/// <summary>Advice given before a gate, oldest first.</summary>
public sealed record GivenAdvice(string? Evaluator, GateVerdict? Recommendation, string? Text, DateTime? GivenAt);

/// <summary>
/// The gate history of a project, newest first (project page and API, through GetProjectOverview). Advice shows to the
/// project's members (and admins) only; names only to who may see member names.
/// </summary>
public static class GetGateHistory
{
    /// <summary>The same for every reader: the project page keeps it with the project's shared part (three queries).</summary>
    public static async Task<List<GateRecord>> ReadAsync(AppDbContext db, int projectId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var gates = await db.Set<GateDecision>().AsNoTracking().Where(d => d.ProjectId == projectId)
            .OrderByDescending(d => d.At).ThenByDescending(d => d.Id)
            .Select(d => new { d.Id, d.Verdict, d.FromPhase, d.ToPhase, d.Reasons, d.WhatChanges, By = d.ByUser == null ? null : d.ByUser.DisplayName, d.At, d.PhaseTransitionId })
            .ToListAsync(ct);
        if (gates.Count == 0) return [];
        var ids = gates.Select(g => g.Id).ToList();
        var advice = await db.Set<GateAdviceRequest>().AsNoTracking()
            .Where(r => r.ProjectId == projectId && r.GateDecisionId != null && ids.Contains(r.GateDecisionId.Value))
            .SelectMany(r => r.Advice.Where(a => a.Recommendation != null), (r, a) => new
            {
                DecisionId = r.GateDecisionId!.Value,
                Name = a.Evaluator == null ? null : a.Evaluator.DisplayName,
                a.Recommendation,
                a.Text,
                a.GivenAt,
            })
            .ToListAsync(ct);
        var review = await Review.ReviewHistory.ReadAttachedAsync(db, projectId, ids, ct);
        return gates.Select(g => new GateRecord(g.Id, g.Verdict, g.FromPhase, g.ToPhase, g.Reasons, g.WhatChanges, g.By, g.At, g.PhaseTransitionId,
            advice.Where(a => a.DecisionId == g.Id).OrderBy(a => a.GivenAt).Select(a => new GivenAdvice(a.Name, a.Recommendation, a.Text, a.GivenAt)).ToList())
        {
            Review = [.. review[g.Id]],
        }).ToList();
    }

    /// <summary>What this reader is shown of the history.</summary>
    public static IReadOnlyList<GateView> For(IEnumerable<GateRecord> gates, ProjectPermissions permissions)
    {
        ArgumentNullException.ThrowIfNull(permissions);
        var names = permissions.CanSeeMemberNames;
        var advice = permissions.IsMember || permissions.IsAdmin;
        return gates.Select(g => new GateView(g.Id, g.Verdict, g.From, g.To, g.Reasons, g.WhatChanges, names ? g.By : null, g.At, g.PhaseTransitionId,
            advice ? g.Advice.Select(a => new AdviceView(null, names ? a.Evaluator : null, a.Recommendation, a.Text, a.GivenAt)).ToList() : [])
        {
            Review = advice ? [.. g.Review.Select(r => names ? r : r with { Author = null })] : [],
        }).ToList();
    }
}

/// <summary>An advice request as its page shows it.</summary>
public sealed record AdviceRequestView(int Id, int ProjectId, string ProjectTitle, GateVerdict ProposedVerdict, Phase FromPhase, Phase? ProposedPhase,
    string Question, string? AskedBy, DateTime AskedAt, bool IsOpen, IReadOnlyList<AdviceView> Advice, bool CanSee, bool CanAdvise, bool CanManage)
{
    /// <summary>The advice of whoever is reading, when they were asked.</summary>
    public AdviceView? Mine(string? userId) => userId is null ? null : Advice.FirstOrDefault(a => a.EvaluatorId == userId);
}

/// <summary>
/// One advice request: null when it does not exist or its project may not be read (404). Its members read it (observers
/// too); only the evaluators asked may advise (<see cref="AdviceRequestView.CanAdvise"/>).
/// </summary>
public sealed class GetAdviceRequest(AppDbContext db, ProjectAccess access)
{
    public async Task<AdviceRequestView?> RunAsync(int requestId, CancellationToken ct = default)
    {
        var projectId = await db.Set<GateAdviceRequest>().AsNoTracking().Where(x => x.Id == requestId).Select(x => (int?)x.ProjectId).FirstOrDefaultAsync(ct);
        return projectId is { } found ? await ViewAsync(found, requestId, ct) : null;
    }

    /// <summary>The open request of a project, for the decision form; null when there is none.</summary>
    public async Task<AdviceRequestView?> OpenForProjectAsync(int projectId, CancellationToken ct = default)
    {
        var id = await db.Set<GateAdviceRequest>().AsNoTracking().Where(x => x.ProjectId == projectId && x.ClosedAt == null)
            .OrderByDescending(x => x.Id).Select(x => (int?)x.Id).FirstOrDefaultAsync(ct);
        return id is { } found ? await ViewAsync(projectId, found, ct) : null;
    }

    private async Task<AdviceRequestView?> ViewAsync(int projectId, int requestId, CancellationToken ct)
    {
        var permissions = await access.ForProjectAsync(projectId, ct);
        if (permissions is null) return null;
        var r = await db.Set<GateAdviceRequest>().AsNoTracking().Where(x => x.Id == requestId)
            .Select(x => new
            {
                x.Id,
                x.ProjectId,
                ProjectTitle = db.Projects.Where(p => p.Id == x.ProjectId).Select(p => p.Title).First(),
                x.ProposedVerdict,
                x.FromPhase,
                x.ProposedPhase,
                x.Question,
                AskedBy = x.AskedBy == null ? null : x.AskedBy.DisplayName,
                x.AskedAt,
                x.ClosedAt,
                Advice = x.Advice.OrderBy(a => a.Id).Select(a => new AdviceView(a.EvaluatorId, a.Evaluator == null ? null : a.Evaluator.DisplayName, a.Recommendation, a.Text, a.GivenAt)).ToList(),
            })
            .FirstAsync(ct);
        var asked = permissions.UserId is { } me && r.Advice.Any(a => a.EvaluatorId == me);
        return new AdviceRequestView(r.Id, r.ProjectId, r.ProjectTitle, r.ProposedVerdict, r.FromPhase, r.ProposedPhase, r.Question, r.AskedBy, r.AskedAt,
            r.ClosedAt is null, r.Advice, CanSee: permissions.IsMember || permissions.IsAdmin, CanAdvise: asked && permissions.Role == Members.ProjectRole.Evaluator, CanManage: permissions.CanManage);
    }
}
