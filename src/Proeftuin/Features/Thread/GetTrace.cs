using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Thread;

/// <summary>One item reached on the walk, with the link that reached it.</summary>
public sealed record TraceEntry(ItemRef Item, LinkType Type, int ViaId, string? LinkedBy, DateTime LinkedAt);

public sealed record TraceLevel(int Depth, IReadOnlyList<TraceEntry> Items);

public sealed record TraceView(ItemRef Root, int ProjectId, string ProjectTitle, IReadOnlyList<TraceLevel> Backward, IReadOnlyList<TraceLevel> Forward);

/// <summary>
/// The trace view (spoor): from one item backwards to what motivated it and forwards to what came of it,
/// transitively, each item once, grouped by how many links away it is. Stories keep their place but show only
/// as the reader may see them.
/// </summary>
public sealed class GetTrace(AppDbContext db, ThreadAccess thread)
{
    public const int MaxDepth = ThreadGraph.MaxDepth;

    /// <summary>Null when the item may not be read (unreadable and withdrawn stories included).</summary>
    public async Task<TraceView?> RunAsync(int id, CancellationToken ct = default)
    {
        var readable = await thread.ReadableAsync(id, ct);
        if (readable is not var (item, p)) return null;
        var root = (await thread.RefsAsync([id], p, ct))[id];
        var projectTitle = await db.Projects.Where(x => x.Id == item.ProjectId).Select(x => x.Title).FirstAsync(ct);
        var links = await EdgesAsync(item.ProjectId, ct);
        var backward = await LevelsAsync(ThreadGraph.Walk(links, id, forward: false), p, p.CanSeeMemberNames, ct);
        var forward = await LevelsAsync(ThreadGraph.Walk(links, id, forward: true), p, p.CanSeeMemberNames, ct);
        return new TraceView(root, item.ProjectId, projectTitle, backward, forward);
    }

    /// <summary>What came of an item, for the storyteller's view: <paramref name="p"/> null when they may not read the project.</summary>
    public async Task<IReadOnlyList<TraceLevel>> ForwardAsync(int projectId, int rootId, ProjectPermissions? p, CancellationToken ct = default) =>
        await LevelsAsync(ThreadGraph.Walk(await EdgesAsync(projectId, ct), rootId, forward: true), p, withNames: p?.CanSeeMemberNames == true, ct);

    private Task<List<FlowEdge>> EdgesAsync(int projectId, CancellationToken ct) => ThreadGraph.EdgesAsync(db, projectId, ct);

    /// <summary>
    /// For "Mijn Proeftuin": how many items each root fed (the same forward walk), with the links of all their
    /// projects read in one query.
    /// </summary>
    public async Task<Dictionary<int, int>> CountForwardAsync(IReadOnlyCollection<(int ProjectId, int RootId)> roots, CancellationToken ct = default)
    {
        if (roots.Count == 0) return [];
        var projectIds = roots.Select(r => r.ProjectId).Distinct().ToList();
        // Links never cross projects, so one list serves every root.
        var edges = (await db.Links.AsNoTracking().Where(l => projectIds.Contains(l.ProjectId)).OrderBy(l => l.CreatedAt).ThenBy(l => l.Id)
                .Select(l => new { l.FromId, l.ToId, l.Type, l.CreatedById, l.CreatedAt }).ToListAsync(ct))
            .Select(l => FlowEdge.Of(l.FromId, l.ToId, l.Type, l.CreatedById, l.CreatedAt)).ToList();
        return roots.ToDictionary(r => r.RootId, r => ThreadGraph.Walk(edges, r.RootId, forward: true).Count);
    }

    private async Task<IReadOnlyList<TraceLevel>> LevelsAsync(List<FlowStep> steps, ProjectPermissions? p, bool withNames, CancellationToken ct)
    {
        var refs = await thread.RefsAsync(steps.Select(s => s.Id).ToList(), p, ct);
        var userIds = steps.Select(s => s.Via.CreatedById).OfType<string>().Distinct().ToList();
        var names = withNames && userIds.Count > 0
            ? await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct)
            : [];
        return steps.Where(s => refs.ContainsKey(s.Id))
            .GroupBy(s => s.Depth)
            .Select(g => new TraceLevel(g.Key, g.Select(s => new TraceEntry(refs[s.Id], s.Via.Type, s.ViaId,
                s.Via.CreatedById is { } by && names.TryGetValue(by, out var name) ? name : null, s.Via.CreatedAt)).ToList()))
            .ToList();
    }
}
