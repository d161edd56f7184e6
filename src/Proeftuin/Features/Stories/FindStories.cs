using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Members;
using Proeftuin.Web;

namespace Proeftuin.Features.Stories;

/// <summary>One story in a list. TellerName is null when the name is hidden (anonymised) or none was given.</summary>
public sealed record StoryListItem(int Id, string Title, string Excerpt, int? PromptId, string? PromptText, string? TellerName, bool Anonymised,
    Perspective Perspective, ConsentScope Scope, bool Recorded, bool Signified, DateTime CreatedAt);

public sealed record StoryList(ProjectPermissions Permissions, string ProjectTitle, IReadOnlyList<PromptOption> Prompts, int? PromptId,
    IReadOnlyList<StoryListItem> Stories, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// Where a page of the API's story list ends: the last story's time and id. The next page starts after it, so a deep
/// page costs what the first one does (no OFFSET) and stories added meanwhile never shift a page (ADR 0026).
/// Written as <c>{ticks}.{id}</c>: callers take it from the Link header and send it back as it is.
/// </summary>
public sealed record StoryCursor(DateTime CreatedAt, int Id)
{
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{CreatedAt.Ticks}.{Id}");

    public static bool TryParse(string? text, out StoryCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text) || text.Length > 40) return false;
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0) return false;
        const System.Globalization.NumberStyles digits = System.Globalization.NumberStyles.None;
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        if (!long.TryParse(text.AsSpan(0, dot), digits, invariant, out var ticks) || ticks > DateTime.MaxValue.Ticks) return false;
        if (!int.TryParse(text.AsSpan(dot + 1), digits, invariant, out var id) || id <= 0) return false;
        cursor = new StoryCursor(new DateTime(ticks, DateTimeKind.Utc), id);
        return true;
    }
}

/// <summary>One page of the API's list and where the next one starts (null on the last page).</summary>
public sealed record StoryPage(ProjectPermissions Permissions, IReadOnlyList<StoryListItem> Stories, StoryCursor? Next);

/// <summary>The stories of a project that the caller may read (StoryConsent), newest first, optionally for one prompt.</summary>
public sealed class FindStories(AppDbContext db, ProjectAccess access)
{
    public const int ExcerptLength = 280;
    /// <summary>A page of stories: a big project has a thousand, and nobody reads them on one page.</summary>
    public const int PageSize = 50;
    /// <summary>The most an API caller may ask for in one page (<c>limit</c>).</summary>
    public const int MaxPageSize = 100;
    /// <summary>Page numbers beyond this are refused: an offset that deep reads the whole list (use the cursor).</summary>
    public const int MaxPage = 100_000;

    /// <summary>A numbered page with the total, for the story list page (and the API's <c>page=</c>).</summary>
    public Task<StoryList?> RunAsync(int projectId, int? promptId = null, int page = 1, CancellationToken ct = default) =>
        RunAsync(projectId, promptId, page, PageSize, ct);

    public async Task<StoryList?> RunAsync(int projectId, int? promptId, int page, int pageSize, CancellationToken ct = default)
    {
        page = Math.Clamp(page, 1, MaxPage);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var permissions = await access.ForProjectAsync(projectId, ct);
        if (permissions is null) return null;
        var title = await db.Projects.AsNoTracking().Where(p => p.Id == projectId).Select(p => p.Title).FirstAsync(ct);
        // Archived prompts stay in the filter: older stories answered them.
        var prompts = await db.StoryPrompts.AsNoTracking().Where(p => p.ProjectId == projectId)
            .OrderBy(p => p.IsArchived).ThenBy(p => p.Position).ThenBy(p => p.Id)
            .Select(p => new PromptOption(p.Id, p.Text)).ToListAsync(ct);
        var query = Readable(permissions, promptId);
        // Counted on the consent index (StoryConfiguration): no row is read.
        var total = await query.CountAsync(ct);
        var items = await ListAsync(permissions, Newest(query).Skip((page - 1) * pageSize).Take(pageSize), ct);
        return new StoryList(permissions, title, prompts, promptId, items, total, page, pageSize);
    }

    /// <summary>
    /// A page for the API: the stories after <paramref name="after"/> (from the start when null), at most
    /// <paramref name="limit"/>, and the cursor of the next page. No count and no offset: the index on (project, kind,
    /// time, id) is walked from the cursor, so every page costs the same however big the project.
    /// </summary>
    public async Task<StoryPage?> PageAsync(int projectId, int? promptId, StoryCursor? after, int limit, CancellationToken ct = default)
    {
        limit = Math.Clamp(limit, 1, MaxPageSize);
        var permissions = await access.ForProjectAsync(projectId, ct);
        if (permissions is null) return null;
        var query = Readable(permissions, promptId);
        if (after is { } c)
        {
            var at = c.CreatedAt;
            var id = c.Id;
            // The first condition bounds the index range; the second steps past stories of the same moment.
            query = query.Where(s => s.CreatedAt <= at && (s.CreatedAt < at || s.Id < id));
        }
        // One more than asked tells whether a next page exists.
        var items = await ListAsync(permissions, Newest(query).Take(limit + 1), ct);
        var next = items.Count > limit ? new StoryCursor(items[limit - 1].CreatedAt, items[limit - 1].Id) : null;
        return new StoryPage(permissions, items.Count > limit ? items.Take(limit).ToList() : items, next);
    }

    private IQueryable<Story> Readable(ProjectPermissions permissions, int? promptId)
    {
        var query = db.Stories.AsNoTracking().ReadableBy(permissions);
        return promptId is { } pid ? query.Where(s => s.PromptId == pid) : query;
    }

    private static IQueryable<Story> Newest(IQueryable<Story> query) => query.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id);

    /// <summary>Only what the consent rules and the list need: never the whole text. One query, whatever the page size.</summary>
    private static async Task<List<StoryListItem>> ListAsync(ProjectPermissions permissions, IQueryable<Story> page, CancellationToken ct)
    {
        var rows = await page
            .Select(s => new
            {
                Story = new Story { Id = s.Id, ProjectId = s.ProjectId, Scope = s.Scope, TellerId = s.TellerId, TellerName = s.TellerName },
                s.Title,
                Excerpt = s.Text.Substring(0, ExcerptLength + 1),
                s.PromptId,
                PromptText = s.Prompt == null ? null : s.Prompt.Text,
                s.KnowledgeSource,
                Recorded = s.RecordedById != null,
                Signified = s.SignifiedAt != null,
                s.CreatedAt,
            })
            .ToListAsync(ct);
        return rows.Select(r =>
        {
            var anonymised = permissions.IsAnonymisedFor(r.Story);
            return new StoryListItem(r.Story.Id, r.Title, Shorten(r.Excerpt), r.PromptId, r.PromptText,
                anonymised ? null : r.Story.TellerName, anonymised, r.KnowledgeSource, r.Story.Scope, r.Recorded && !anonymised, r.Signified, r.CreatedAt);
        }).ToList();
    }

    private static string Shorten(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= ExcerptLength) return flat;
        var cut = flat.LastIndexOf(' ', ExcerptLength);
        return flat[..(cut > ExcerptLength / 2 ? cut : ExcerptLength)] + " …";
    }
}

/// <summary>Words for a story's consent scope in lists.</summary>
public static class StoryNames
{
    /// <summary>A short badge for the team's list: who may read this story.</summary>
    public static string Badge(this ConsentScope scope) => scope switch
    {
        ConsentScope.Team => "Alleen het team",
        ConsentScope.Project => "Iedereen in het project",
        ConsentScope.PublicAnonymised => "Iedereen, zonder naam",
        _ => scope.ToString(),
    };
}
