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
        var backward = await LevelsAsync(await ThreadGraph.WalkAsync(db, id, forward: false, ct), p, p.CanSeeMemberNames, ct);
        var forward = await LevelsAsync(await ThreadGraph.WalkAsync(db, id, forward: true, ct), p, p.CanSeeMemberNames, ct);
        return new TraceView(root, item.ProjectId, projectTitle, backward, forward);
    }

    /// <summary>What came of an item, for the storyteller's view: <paramref name="p"/> null when they may not read the project.</summary>
    public async Task<IReadOnlyList<TraceLevel>> ForwardAsync(int rootId, ProjectPermissions? p, CancellationToken ct = default) =>
        await LevelsAsync(await ThreadGraph.WalkAsync(db, rootId, forward: true, ct), p, withNames: p?.CanSeeMemberNames == true, ct);

    /// <summary>For "Mijn Proeftuin": how many items each story fed (the same forward walk, one query per level for all).</summary>
    public async Task<Dictionary<int, int>> CountForwardAsync(IReadOnlyCollection<int> rootIds, CancellationToken ct = default) =>
        rootIds.Count == 0 ? [] : (await ThreadGraph.WalkAsync(db, rootIds, forward: true, ct)).ToDictionary(w => w.Key, w => w.Value.Count);

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
