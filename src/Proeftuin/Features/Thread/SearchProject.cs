using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Stories;
using Proeftuin.Web;

namespace Proeftuin.Features.Thread;

public sealed record SearchHit(int Id, ItemKind Kind, string Title, string Excerpt, DateTime CreatedAt)
{
    public string Url => ThreadWords.PageUrl(Kind, Id);
}

public sealed record SearchResult(ProjectPermissions Permissions, int ProjectId, string ProjectTitle, string Query, string? Message, IReadOnlyList<SearchHit> Hits);

/// <summary>
/// Search within a project over every kind of item, stories only where consent allows. Each query word is
/// stemmed like the stored SearchTerms (DutchStems), and every word must match: "eenzaam" finds "eenzaamheid".
/// The match runs on the full-text index (<see cref="SearchIndex"/>, ADR 0024).
/// </summary>
public sealed class SearchProject(AppDbContext db, ProjectAccess access)
{
    public const int MaxQuery = 200;
    public const int MaxWords = 10;
    public const int MaxHits = 50;
    public const int ExcerptLength = 200;

    /// <summary>Null when the project may not be read.</summary>
    public async Task<SearchResult?> RunAsync(int projectId, string? q, CancellationToken ct = default)
    {
        var p = await access.ForProjectAsync(projectId, ct);
        if (p is null) return null;
        var projectTitle = await db.Projects.Where(x => x.Id == projectId).Select(x => x.Title).FirstAsync(ct);
        var query = (q ?? "").Trim();
        SearchResult Empty(string? message) => new(p, projectId, projectTitle, query.Length > MaxQuery ? query[..MaxQuery] : query, message, []);
        if (query.Length == 0) return Empty(null);
        if (query.Length > MaxQuery) return Empty("Je zoekopdracht is te lang. Gebruik hoogstens 200 tekens.");
        var stems = DutchStems.Of(query).Take(MaxWords).ToList();
        if (stems.Count == 0) return Empty("Typ een of meer woorden om naar te zoeken.");

        // The full-text index narrows; the project and consent rules are the ordinary query's (ADR 0024).
        // Both ordered and cut to MaxHits inside the database; only those rows are read (ADR 0026). Kinds other than stories
        // span several index ranges (Kind > Story), so the newest ids are picked on the index alone and only those rows read.
        var itemIds = db.Items.AsNoTracking().Where(i => i.ProjectId == projectId && i.Kind > ItemKind.Story).Where(Lessons.LessonRules.VisibleTo(p)).Matching(db, stems)
            .OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id).Take(MaxHits).Select(i => i.Id);
        var stories = db.Stories.AsNoTracking().ReadableBy(p).Matching(db, stems);
        var found = await db.Items.AsNoTracking().Where(i => itemIds.Contains(i.Id))
            .Select(i => new { i.Id, i.Kind, i.Title, i.Text, i.CreatedAt }).ToListAsync(ct);
        var storyRows = await stories.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id).Take(MaxHits)
            .Select(s => new Story { Id = s.Id, Title = s.Title, Text = s.Text, Scope = s.Scope, TellerId = s.TellerId, TellerName = s.TellerName, CreatedAt = s.CreatedAt })
            .ToListAsync(ct);
        var hits = found.Select(i => new SearchHit(i.Id, i.Kind, i.Title, Excerpt(i.Text), i.CreatedAt))
            .Concat(storyRows.Select(s => new SearchHit(s.Id, ItemKind.Story, ThreadAccess.StoryTitle(p, s), Excerpt(s.Text), s.CreatedAt)))
            .OrderByDescending(h => h.CreatedAt).ThenByDescending(h => h.Id).Take(MaxHits).ToList();
        return new SearchResult(p, projectId, projectTitle, query, hits.Count == 0 ? "Niets gevonden. Probeer andere of minder woorden." : null, hits);
    }

    /// <summary>The start of the text, on one line, without Markdown marks; shown as plain text.</summary>
    public static string Excerpt(string text)
    {
        var plain = System.Text.RegularExpressions.Regex.Replace(text, @"[\s*_#>`\[\]]+", " ").Trim();
        return plain.Length <= ExcerptLength ? plain : plain[..ExcerptLength].TrimEnd() + "…";
    }
}
