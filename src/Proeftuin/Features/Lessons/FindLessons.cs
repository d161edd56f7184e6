using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Projects;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Features.Lessons;

/// <summary>What the library is asked: words, and the facets chosen (domain, theme name, phase, result), one project.</summary>
public sealed record LessonFilter(string? Query = null, Domains? Domain = null, string? Theme = null, Phase? Phase = null,
    LessonResult? Result = null, int? ProjectId = null, int Page = 1);

/// <summary>One lesson in the library. ProjectTitle is null when the reader may not read the project (a public lesson of a closed project).</summary>
public sealed record LessonHit(int Id, string Title, string Excerpt, string Context, LessonResult? Result, LessonVisibility Visibility,
    Phase Phase, Domains Domains, int ProjectId, string? ProjectTitle, DateTime CreatedAt);

public sealed record FacetCount<T>(T Value, int Count);

public sealed record LessonLibrary(LessonFilter Filter, string Query, string? Message, int Total, IReadOnlyList<LessonHit> Hits, bool HasMore,
    IReadOnlyList<FacetCount<Domains>> Domains, IReadOnlyList<FacetCount<string>> Themes, IReadOnlyList<FacetCount<Phase>> Phases,
    IReadOnlyList<FacetCount<LessonResult>> Results, bool QueryRefused = false)
{
    public int Page => Filter.Page;
}

/// <summary>
/// The lessons library across projects (ADR 0034): the lessons the reader may read (public ones, and their projects'
/// team lessons), narrowed by Dutch full-text search on the stored stems (ADR 0024: "eenzaam" finds "eenzaamheid")
/// and by the facets. With words, lessons whose title holds more of them come first, then the newest; without, the
/// newest first. The facets count what the current filter leaves, so each click narrows.
/// </summary>
public sealed class FindLessons(AppDbContext db, ProjectAccess access, Caller user)
{
    public async Task<LessonLibrary> RunAsync(LessonFilter filter, CancellationToken ct = default)
    {
        var query = (filter.Query ?? "").Trim();
        var page = Math.Clamp(filter.Page, 1, LessonLimits.MaxPage);
        filter = filter with { Page = page };
        LessonLibrary Empty(string message) => new(filter, query.Length > LessonLimits.MaxQuery ? query[..LessonLimits.MaxQuery] : query, message, 0, [], false, [], [], [], [], QueryRefused: true);
        if (query.Length > LessonLimits.MaxQuery) return Empty("Je zoekopdracht is te lang. Gebruik hoogstens 200 tekens.");
        var stems = DutchStems.Of(query).Take(Thread.SearchProject.MaxWords).ToList();
        if (query.Length > 0 && stems.Count == 0) return Empty("Typ een of meer woorden om naar te zoeken.");

        var lessons = LessonRules.Readable(db, user).AsNoTracking();
        if (stems.Count > 0) lessons = lessons.Matching(db, stems);
        if (filter.Domain is { } domain) lessons = lessons.Where(l => (l.Domains & domain) != 0);
        if (!string.IsNullOrWhiteSpace(filter.Theme))
        {
            // Theme names are stored in lower case (ManageThemes).
            var theme = filter.Theme.Trim().ToLowerInvariant();
            lessons = lessons.Where(l => l.Themes.Any(t => t.Name == theme));
        }
        if (filter.Phase is { } phase) lessons = lessons.Where(l => l.Phase == phase);
        if (filter.Result is { } result) lessons = lessons.Where(l => l.Result == result);
        if (filter.ProjectId is { } projectId) lessons = lessons.Where(l => l.ProjectId == projectId);

        // The total and three facets from one grouped count: a few dozen (domains, phase, result) groups.
        var groups = await lessons.GroupBy(l => new { l.Domains, l.Phase, l.Result }).Select(g => new { g.Key.Domains, g.Key.Phase, g.Key.Result, Count = g.Count() }).ToListAsync(ct);
        var total = groups.Sum(g => g.Count);
        var ordered = stems.Count > 0
            ? lessons.OrderByDescending(TitleMatches(stems)).ThenByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id)
            : lessons.OrderByDescending(l => l.CreatedAt).ThenByDescending(l => l.Id);
        var rows = await ordered.Skip((page - 1) * LessonLimits.PageSize).Take(LessonLimits.PageSize + 1)
            .Select(l => new { l.Id, l.Title, l.Text, l.Context, l.Result, l.Visibility, l.Phase, l.Domains, l.ProjectId, ProjectTitle = l.Project.Title, l.CreatedAt })
            .ToListAsync(ct);
        var readable = await access.ReadableIdsAsync([.. rows.Select(r => r.ProjectId).Distinct()], ct);
        var hits = rows.Take(LessonLimits.PageSize).Select(r => new LessonHit(r.Id, r.Title, SearchProject.Excerpt(r.Text), SearchProject.Excerpt(r.Context),
            r.Result, r.Visibility, r.Phase, r.Domains, r.ProjectId, readable.Contains(r.ProjectId) ? r.ProjectTitle : null, r.CreatedAt)).ToList();

        var domains = ProjectWords.AllDomains.Select(d => new FacetCount<Domains>(d, groups.Where(g => (g.Domains & d) != 0).Sum(g => g.Count)))
            .Where(f => f.Count > 0).ToList();
        var phases = groups.GroupBy(g => g.Phase).OrderBy(g => g.Key).Select(g => new FacetCount<Phase>(g.Key, g.Sum(x => x.Count))).ToList();
        var results = groups.Where(g => g.Result != null).GroupBy(g => g.Result!.Value).OrderBy(g => g.Key)
            .Select(g => new FacetCount<LessonResult>(g.Key, g.Sum(x => x.Count))).ToList();
        var themes = (await lessons.SelectMany(l => l.Themes).GroupBy(t => t.Name).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => new FacetCount<string>(g.Key, g.Count)).ToList();

        var message = total == 0 ? (query.Length > 0 ? "Geen lessen gevonden. Probeer andere of minder woorden, of zet een filter uit." : "Er zijn nog geen lessen die je kunt lezen.") : null;
        return new LessonLibrary(filter, query, message, total, hits, rows.Count > LessonLimits.PageSize, domains, themes, phases, results);
    }

    /// <summary>How many of the words the title holds (its own stems, <see cref="Lesson.TitleTerms"/>), as a sum in SQL.</summary>
    private static Expression<Func<Lesson, int>> TitleMatches(IReadOnlyList<string> stems)
    {
        var lesson = Expression.Parameter(typeof(Lesson), "l");
        var terms = Expression.Property(lesson, nameof(Lesson.TitleTerms));
        var contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
        Expression sum = Expression.Constant(0);
        foreach (var stem in stems.Distinct())
            sum = Expression.Add(sum, Expression.Condition(Expression.Call(terms, contains, Expression.Constant(" " + stem)), Expression.Constant(1), Expression.Constant(0)));
        return Expression.Lambda<Func<Lesson, int>>(sum, lesson);
    }
}
