using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;

namespace Proeftuin.Features.Thread;

/// <summary>
/// The one place that says which end of a link came first. A link is stored as "From [type] To" and read that way
/// in the UI ("dit inzicht onderbouwt die vraag"), but what came first depends on the type: a story that onderbouwt an
/// insight, and a need that leidt tot a question, came before it; an idea that beantwoordt a question came out of
/// that question. The trace, "Wat is er met mijn verhaal gebeurd?", the notifications and the API all ask here.
/// </summary>
public static class LinkFlow
{
    /// <summary>True when the To end came first ("idee beantwoordt vraag": the question is the origin).</summary>
    public static bool RunsBackwards(this LinkType type) => type == LinkType.Answers;

    /// <summary>The end that came first: where the other end comes from.</summary>
    public static int OriginId(LinkType type, int fromId, int toId) => type.RunsBackwards() ? toId : fromId;

    /// <summary>The end that came out of the other.</summary>
    public static int OutcomeId(LinkType type, int fromId, int toId) => type.RunsBackwards() ? fromId : toId;

    public static int OriginId(this Link link) => OriginId(link.Type, link.FromId, link.ToId);

    public static int OutcomeId(this Link link) => OutcomeId(link.Type, link.FromId, link.ToId);

    /// <summary>The two ends of a link in the order origin, outcome.</summary>
    public static (T Origin, T Outcome) Ends<T>(LinkType type, T from, T to) => type.RunsBackwards() ? (to, from) : (from, to);
}

/// <summary>One link as an arrow from what came first to what came of it.</summary>
public sealed record FlowEdge(int OriginId, int OutcomeId, LinkType Type, string? CreatedById, DateTime CreatedAt)
{
    public static FlowEdge Of(int fromId, int toId, LinkType type, string? createdById, DateTime createdAt) =>
        new(LinkFlow.OriginId(type, fromId, toId), LinkFlow.OutcomeId(type, fromId, toId), type, createdById, createdAt);
}

/// <summary>A step of a walk: the item reached, how far away, and the edge and item it was reached through.</summary>
public sealed record FlowStep(int Id, int Depth, FlowEdge Via, int ViaId);

/// <summary>Walking the links of a project along the flow (forward: to what came of it) or against it.</summary>
public static class ThreadGraph
{
    /// <summary>Deep enough for story → insight → need → question → idea → prototype → experiment → lesson, and then some.</summary>
    public const int MaxDepth = 30;

    /// <summary>
    /// Walks from each root along the flow (or against it), level by level, reading only the links that touch the
    /// current level: a trace costs the links near its items, not all of the project's (36,000 at 100,000 stories).
    /// All roots share one query per level. Breadth first, so each item shows at its shortest distance; a visited set
    /// per root stops loops. Links never cross projects, so the walk stays inside the root's project.
    /// </summary>
    public static async Task<Dictionary<int, List<FlowStep>>> WalkAsync(AppDbContext db, IReadOnlyCollection<int> rootIds, bool forward, CancellationToken ct)
    {
        var walks = rootIds.Distinct().ToDictionary(id => id, id => new RootWalk(id));
        for (var depth = 1; depth <= MaxDepth; depth++)
        {
            var frontier = walks.Values.SelectMany(w => w.Frontier).Distinct().ToList();
            if (frontier.Count == 0) break;
            var next = (await LinksFromAsync(db, frontier, forward, ct)).ToLookup(e => forward ? e.OriginId : e.OutcomeId);
            foreach (var walk in walks.Values) walk.Step(next, depth, forward);
        }
        return walks.ToDictionary(w => w.Key, w => w.Value.Found);
    }

    public static async Task<List<FlowStep>> WalkAsync(AppDbContext db, int rootId, bool forward, CancellationToken ct) =>
        (await WalkAsync(db, [rootId], forward, ct))[rootId];

    /// <summary>Every item the root can be reached from (against the flow), the root itself included.</summary>
    public static async Task<HashSet<int>> UpstreamAsync(AppDbContext db, int rootId, CancellationToken ct) =>
        [rootId, .. (await WalkAsync(db, rootId, forward: false, ct)).Select(s => s.Id)];

    /// <summary>The links that leave the given items along the flow (forward) or arrive at them (backward), oldest first.</summary>
    private static async Task<List<FlowEdge>> LinksFromAsync(AppDbContext db, List<int> ids, bool forward, CancellationToken ct)
    {
        // The origin of a link is its From end, except for the one type that runs backwards (LinkFlow.RunsBackwards).
        var links = db.Links.AsNoTracking();
        links = forward
            ? links.Where(l => (l.Type != LinkType.Answers && ids.Contains(l.FromId)) || (l.Type == LinkType.Answers && ids.Contains(l.ToId)))
            : links.Where(l => (l.Type != LinkType.Answers && ids.Contains(l.ToId)) || (l.Type == LinkType.Answers && ids.Contains(l.FromId)));
        var rows = await links.OrderBy(l => l.CreatedAt).ThenBy(l => l.Id)
            .Select(l => new { l.FromId, l.ToId, l.Type, l.CreatedById, l.CreatedAt }).ToListAsync(ct);
        return rows.Select(l => FlowEdge.Of(l.FromId, l.ToId, l.Type, l.CreatedById, l.CreatedAt)).ToList();
    }

    private sealed class RootWalk(int rootId)
    {
        private readonly HashSet<int> seen = [rootId];
        public List<int> Frontier { get; private set; } = [rootId];
        public List<FlowStep> Found { get; } = [];

        public void Step(ILookup<int, FlowEdge> next, int depth, bool forward)
        {
            var newer = new List<int>();
            foreach (var at in Frontier)
            {
                foreach (var edge in next[at])
                {
                    var other = forward ? edge.OutcomeId : edge.OriginId;
                    if (!seen.Add(other)) continue;
                    Found.Add(new FlowStep(other, depth, edge, at));
                    newer.Add(other);
                }
            }
            Frontier = newer;
        }
    }
}
