using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Members;
using Proeftuin.Features.Stories;
using Proeftuin.Web;

namespace Proeftuin.Features.Thread;

public sealed record ItemSummary(int Id, ItemKind Kind, string Title, Perspective KnowledgeSource, string? AuthorName, DateTime CreatedAt);

public sealed record ThreadOverview(ProjectPermissions Permissions, int ProjectId, string ProjectTitle, ItemKind? Filter,
    IReadOnlyList<ItemSummary> Items);

/// <summary>A choice in "Verband leggen": an item of this project the caller may read.</summary>
public sealed record ItemChoice(int Id, ItemKind Kind, string Title);

/// <summary>The items of a project's thread, for its overview page and for the list to link to.</summary>
public sealed class FindItems(AppDbContext db, ProjectAccess access)
{
    /// <summary>How many of each kind the picker shows; search for the rest.</summary>
    public const int PerKind = 20;

    public const string TooLong = "Je zoekopdracht is te lang. Gebruik hoogstens 200 tekens.";
    public const string NoWords = "Typ een of meer woorden om naar te zoeken.";
    public const string NothingFound = "Niets gevonden om mee te verbinden. Probeer andere of minder woorden.";
    public const string NothingOfKind = "Hier is nog niets van deze soort om mee te verbinden.";
    public const string NothingAtAll = "Er is nog niets anders in dit project om mee te verbinden.";

    /// <summary>Null when the project may not be read.</summary>
    public async Task<ThreadOverview?> RunAsync(int projectId, ItemKind? filter, CancellationToken ct = default)
    {
        var p = await access.ForProjectAsync(projectId, ct);
        if (p is null) return null;
        var title = await db.Projects.Where(x => x.Id == projectId).Select(x => x.Title).FirstAsync(ct);
        var listed = ThreadWords.Listed;
        var query = db.Items.AsNoTracking().Where(i => i.ProjectId == projectId && listed.Contains(i.Kind)).Where(Lessons.LessonRules.VisibleTo(p));
        if (filter is { } kind) query = query.Where(i => i.Kind == kind);
        var items = await query.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Select(i => new ItemSummary(i.Id, i.Kind, i.Title, i.KnowledgeSource, i.Author == null ? null : i.Author.DisplayName, i.CreatedAt))
            .ToListAsync(ct);
        if (!p.CanSeeMemberNames) items = items.Select(i => i with { AuthorName = null }).ToList();
        return new ThreadOverview(p, projectId, title, filter, items);
    }

    /// <summary>
    /// "Verband leggen": what this item may be linked to, per kind, newest first, optionally narrowed by a search over
    /// title and text (the stored Dutch stems, like project search). Leaves out the item itself, what it is already
    /// linked to, stories the caller may not read (consent) and kinds this one is never linked with (for a story: other
    /// stories; see the kinds' LinkRule).
    /// </summary>
    public async Task<LinkPicker> PickerAsync(ProjectPermissions p, ThreadItem item, string? q, string? soort, CancellationToken ct = default)
    {
        var query = (q ?? "").Trim();
        // Stories (readable ones) and the kinds of the thread page, as far as this item's kind may be linked with them.
        ItemKind[] kinds = [.. ThreadKinds.All.Where(k => (k.Kind == ItemKind.Story || k.Creatable) && ThreadKinds.MayLink(item.Kind, k.Kind)).Select(k => k.Kind)];
        var kind = ThreadWords.KindFromSlug(soort) is { } k && kinds.Contains(k) ? k : (ItemKind?)null;
        LinkPicker Shown(IReadOnlyList<ChoiceGroup> groups, string? message) =>
            new(item.Id, query.Length > SearchProject.MaxQuery ? query[..SearchProject.MaxQuery] : query, kind, kinds, groups, message);
        if (query.Length > SearchProject.MaxQuery) return Shown([], TooLong);
        var stems = DutchStems.Of(query).Take(SearchProject.MaxWords).ToList();
        if (query.Length > 0 && stems.Count == 0) return Shown([], NoWords);

        var itemId = item.Id;
        var linked = await db.Links.AsNoTracking().Where(l => l.FromId == itemId || l.ToId == itemId)
            .Select(l => l.FromId == itemId ? l.ToId : l.FromId).ToListAsync(ct);
        var groups = new List<ChoiceGroup>();
        // One small query per kind, each capped: a project with thousands of items still answers quickly.
        foreach (var each in kind is { } only ? new[] { only } : kinds)
        {
            List<ItemChoice> found;
            if (each == ItemKind.Story)
            {
                var stories = db.Stories.AsNoTracking().ReadableBy(p).Where(s => s.Id != itemId && !linked.Contains(s.Id)).Matching(db, stems);
                var rows = await stories.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id).Take(PerKind + 1)
                    .Select(s => new Story { Id = s.Id, Title = s.Title, Scope = s.Scope, TellerId = s.TellerId, TellerName = s.TellerName })
                    .ToListAsync(ct);
                found = rows.Select(s => new ItemChoice(s.Id, ItemKind.Story, ThreadAccess.StoryTitle(p, s))).ToList();
            }
            else
            {
                var items = db.Items.AsNoTracking().Where(i => i.ProjectId == p.ProjectId && i.Kind == each && i.Id != itemId && !linked.Contains(i.Id)).Matching(db, stems);
                found = await items.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id).Take(PerKind + 1)
                    .Select(i => new ItemChoice(i.Id, i.Kind, i.Title)).ToListAsync(ct);
            }
            if (found.Count > 0) groups.Add(new ChoiceGroup(each, found.Take(PerKind).ToList(), found.Count > PerKind));
        }
        var message = groups.Count > 0 ? null
            : query.Length > 0 ? NothingFound
            : kind is not null ? NothingOfKind
            : NothingAtAll;
        return Shown(groups, message);
    }
}

/// <summary>One kind of item in the link picker; More when there are more than shown (search to find them).</summary>
public sealed record ChoiceGroup(ItemKind Kind, IReadOnlyList<ItemChoice> Items, bool More);

/// <summary>The model of Features/Thread/_LinkPicker.cshtml: the search, and what may be linked, grouped by kind.</summary>
public sealed record LinkPicker(int ItemId, string Query, ItemKind? Kind, IReadOnlyList<ItemKind> Kinds, IReadOnlyList<ChoiceGroup> Groups, string? Message)
{
    public int Count => Groups.Sum(g => g.Items.Count);
    public bool More => Groups.Any(g => g.More);
}
