using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Members;
using Proeftuin.Features.Sessions;
using Proeftuin.Features.Thread;

namespace Proeftuin.Features.Ideas;

/// <summary>One idea's support: raw, balanced (0–1) and per perspective, exactly as a session's stippen are counted.</summary>
public sealed record SupportCount(int Raw, double Balanced, IReadOnlyDictionary<Perspective, int> RawByPerspective, IReadOnlyDictionary<Perspective, double> ShareByPerspective)
{
    public static readonly SupportCount None = new(0, 0, new Dictionary<Perspective, int>(), new Dictionary<Perspective, double>());
}

/// <summary>
/// The support of a whole project's ideas, balanced over all of them (a filter or a page does not change a score).
/// Rule, Weights and NothingSetApart as in <see cref="Tally"/>: per perspective that supported, its supporters, whether they
/// are fewer than the threshold and the weight it got.
/// </summary>
public sealed record ProjectSupport(IReadOnlyList<int> Order, IReadOnlyDictionary<int, SupportCount> ByIdea,
    IReadOnlyDictionary<Perspective, int> SupportsByPerspective, IReadOnlyDictionary<Perspective, int> SupportersByPerspective)
{
    public SupportCount For(int ideaId) => ByIdea.GetValueOrDefault(ideaId) ?? SupportCount.None;

    public int Supporters => SupportersByPerspective.Values.Sum();

    public TallyRule Rule { get; init; } = TallyRule.Default;
    public IReadOnlyList<PerspectiveWeight> Weights { get; init; } = [];
    public bool NothingSetApart { get; init; }
}

/// <summary>
/// Counts support with <see cref="BalancedTally"/>: the ideas of a project are the options, each support a ballot of its
/// stored perspective. Two grouped queries, whatever the number of ideas and supporters.
/// </summary>
public sealed class IdeaSupportTally(AppDbContext db)
{
    /// <summary>
    /// Idea support has no session and no facilitator moment "before the vote": support keeps coming in. So every project
    /// uses the default rule (small groups count fully, threshold 3) and the pages name the small groups plainly.
    /// </summary>
    public static readonly TallyRule Rule = TallyRule.Default;

    public async Task<ProjectSupport> ForProjectAsync(int projectId, IReadOnlyCollection<int> ideaIds, CancellationToken ct = default)
    {
        var supports = db.Set<IdeaSupport>().AsNoTracking().Where(s => s.ProjectId == projectId);
        var grouped = await supports.GroupBy(s => new { s.IdeaId, s.Perspective })
            .Select(g => new { g.Key.IdeaId, g.Key.Perspective, Count = g.Count() }).ToListAsync(ct);
        // Supporters per perspective: people, not supports; an erased supporter (no account any more) counts once per support.
        var people = await supports.Where(s => s.UserId != null).Select(s => new { s.UserId, s.Perspective }).Distinct()
            .GroupBy(s => s.Perspective).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var formers = await supports.Where(s => s.UserId == null).GroupBy(s => s.Perspective)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var supporters = new Dictionary<Perspective, int>();
        foreach (var p in people.Concat(formers)) supporters[p.Key] = supporters.GetValueOrDefault(p.Key) + p.Count;
        var tally = BalancedTally.Count(ideaIds, grouped.Select(g => new Ballot(g.IdeaId, g.Perspective, g.Count)), supporters, Rule);
        return new ProjectSupport(tally.Rows.Select(r => r.OptionId).ToList(),
            tally.Rows.ToDictionary(r => r.OptionId, r => new SupportCount(r.Raw, r.Balanced, r.RawByPerspective, r.ShareByPerspective)),
            tally.VotesByPerspective, tally.VotersByPerspective)
        {
            Rule = tally.Rule,
            Weights = tally.Weights,
            NothingSetApart = tally.NothingSetApart,
        };
    }

    /// <summary>The ids of every idea of the project: the options of the tally.</summary>
    public Task<List<int>> IdeaIdsAsync(int projectId, CancellationToken ct = default) =>
        db.Items.Where(i => i.ProjectId == projectId && i.Kind == ItemKind.Idea).Select(i => i.Id).ToListAsync(ct);

    /// <summary>The questions these ideas answer (idea beantwoordt vraag), per idea, oldest link first.</summary>
    public async Task<Dictionary<int, List<QuestionRef>>> QuestionsAsync(IReadOnlyCollection<int> ideaIds, CancellationToken ct = default)
    {
        if (ideaIds.Count == 0) return [];
        var rows = await db.Links.AsNoTracking()
            .Where(l => l.Type == LinkType.Answers && ideaIds.Contains(l.FromId) && l.To.Kind == ItemKind.Question)
            .OrderBy(l => l.CreatedAt).ThenBy(l => l.Id)
            .Select(l => new { l.FromId, l.ToId, l.To.Title }).ToListAsync(ct);
        return rows.GroupBy(r => r.FromId).ToDictionary(g => g.Key, g => g.Select(r => new QuestionRef(r.ToId, r.Title)).ToList());
    }
}

public sealed record QuestionRef(int Id, string Title);
