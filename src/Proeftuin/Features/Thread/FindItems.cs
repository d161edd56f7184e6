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
    public const int MaxChoices = 500;

    /// <summary>Null when the project may not be read.</summary>
    public async Task<ThreadOverview?> RunAsync(int projectId, ItemKind? filter, CancellationToken ct = default)
    {
        var p = await access.ForProjectAsync(projectId, ct);
        if (p is null) return null;
        var title = await db.Projects.Where(x => x.Id == projectId).Select(x => x.Title).FirstAsync(ct);
        var query = db.Items.AsNoTracking().Where(i => i.ProjectId == projectId && i.Kind != ItemKind.Story);
        if (filter is { } kind) query = query.Where(i => i.Kind == kind);
        var items = await query.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Select(i => new ItemSummary(i.Id, i.Kind, i.Title, i.KnowledgeSource, i.Author == null ? null : i.Author.DisplayName, i.CreatedAt))
            .ToListAsync(ct);
        if (!p.CanSeeMemberNames) items = items.Select(i => i with { AuthorName = null }).ToList();
        return new ThreadOverview(p, projectId, title, filter, items);
    }

    /// <summary>Every item of the project but this one; stories only when the caller may read them.</summary>
    /// <summary>What an item may be linked to. Stories are never linked to stories (see SaveLink), so a story gets no story choices.</summary>
    public async Task<IReadOnlyList<ItemChoice>> ChoicesAsync(ProjectPermissions p, int exceptId, bool forStory, CancellationToken ct = default)
    {
        var items = await db.Items.AsNoTracking().Where(i => i.ProjectId == p.ProjectId && i.Kind != ItemKind.Story && i.Id != exceptId)
            .OrderBy(i => i.Kind).ThenBy(i => i.Title).Take(MaxChoices)
            .Select(i => new ItemChoice(i.Id, i.Kind, i.Title)).ToListAsync(ct);
        if (forStory) return items;
        var stories = await db.Stories.AsNoTracking().ReadableBy(p).Where(s => s.Id != exceptId)
            .OrderByDescending(s => s.CreatedAt).Take(MaxChoices)
            .Select(s => new Story { Id = s.Id, Title = s.Title, Scope = s.Scope, TellerId = s.TellerId, TellerName = s.TellerName })
            .ToListAsync(ct);
        return [.. stories.Select(s => new ItemChoice(s.Id, ItemKind.Story, ThreadAccess.StoryTitle(p, s))), .. items];
    }
}
