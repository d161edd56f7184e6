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

    /// <summary>The saved links of a project as arrows from what came first to what came of it.</summary>
    public static async Task<List<FlowEdge>> EdgesAsync(AppDbContext db, int projectId, CancellationToken ct)
    {
        var links = await db.Links.AsNoTracking().Where(l => l.ProjectId == projectId).OrderBy(l => l.CreatedAt).ThenBy(l => l.Id)
            .Select(l => new { l.FromId, l.ToId, l.Type, l.CreatedById, l.CreatedAt }).ToListAsync(ct);
        return links.Select(l => FlowEdge.Of(l.FromId, l.ToId, l.Type, l.CreatedById, l.CreatedAt)).ToList();
    }

    /// <summary>Breadth first, so each item shows at its shortest distance; a visited set stops loops.</summary>
    public static List<FlowStep> Walk(IReadOnlyCollection<FlowEdge> edges, int rootId, bool forward)
    {
        var next = edges.ToLookup(e => forward ? e.OriginId : e.OutcomeId);
        var seen = new HashSet<int> { rootId };
        var found = new List<FlowStep>();
        var frontier = new List<int> { rootId };
        for (var depth = 1; depth <= MaxDepth && frontier.Count > 0; depth++)
        {
            var newer = new List<int>();
            foreach (var at in frontier)
            {
                foreach (var edge in next[at])
                {
                    var other = forward ? edge.OutcomeId : edge.OriginId;
                    if (!seen.Add(other)) continue;
                    found.Add(new FlowStep(other, depth, edge, at));
                    newer.Add(other);
                }
            }
            frontier = newer;
        }
        return found;
    }

    /// <summary>Every item the root can be reached from (against the flow), the root itself included.</summary>
    public static HashSet<int> Upstream(IReadOnlyCollection<FlowEdge> edges, int rootId) =>
        [rootId, .. Walk(edges, rootId, forward: false).Select(s => s.Id)];
}
