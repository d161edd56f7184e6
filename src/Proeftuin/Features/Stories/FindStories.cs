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

/// <summary>The stories of a project that the caller may read (StoryConsent), newest first, optionally for one prompt.</summary>
public sealed class FindStories(AppDbContext db, ProjectAccess access)
{
    public const int ExcerptLength = 280;
    /// <summary>A page of stories: a big project has a thousand, and nobody reads them on one page.</summary>
    public const int PageSize = 50;

    public async Task<StoryList?> RunAsync(int projectId, int? promptId = null, int page = 1, CancellationToken ct = default)
    {
        page = Math.Clamp(page, 1, 100_000);
        var permissions = await access.ForProjectAsync(projectId, ct);
        if (permissions is null) return null;
        var title = await db.Projects.AsNoTracking().Where(p => p.Id == projectId).Select(p => p.Title).FirstAsync(ct);
        // Archived prompts stay in the filter: older stories answered them.
        var prompts = await db.StoryPrompts.AsNoTracking().Where(p => p.ProjectId == projectId)
            .OrderBy(p => p.IsArchived).ThenBy(p => p.Position).ThenBy(p => p.Id)
            .Select(p => new PromptOption(p.Id, p.Text)).ToListAsync(ct);
        var query = db.Stories.AsNoTracking().ReadableBy(permissions);
        if (promptId is { } pid) query = query.Where(s => s.PromptId == pid);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(s => new
            {
                // Only what the consent rules and the list need: never the whole text.
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
        var items = rows.Select(r =>
        {
            var anonymised = permissions.IsAnonymisedFor(r.Story);
            return new StoryListItem(r.Story.Id, r.Title, Shorten(r.Excerpt), r.PromptId, r.PromptText,
                anonymised ? null : r.Story.TellerName, anonymised, r.KnowledgeSource, r.Story.Scope, r.Recorded && !anonymised, r.Signified, r.CreatedAt);
        }).ToList();
        return new StoryList(permissions, title, prompts, promptId, items, total, page, PageSize);
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
