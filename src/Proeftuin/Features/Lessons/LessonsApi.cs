using System.Text.Json;
using Microsoft.Extensions.Localization;
using Proeftuin.Features.Projects;
using Proeftuin.Web;

namespace Proeftuin.Features.Lessons;

/// <summary>The lessons library over HTTP, from the same use cases as its pages; and the public lessons as open data.</summary>
public static class LessonsApi
{
    /// <summary>A lesson in a list. Project is null when the caller may not read the project (a public lesson of a closed project).</summary>
    public sealed record LessonSummaryDto(int Id, string Title, string Excerpt, string Context, string? Result, string Visibility, string Phase,
        IReadOnlyList<string> Domains, int ProjectId, string? Project, DateTime CreatedAt);

    public sealed record FacetDto(string Value, int Count);

    public sealed record LessonsDto(string Query, int Total, int Page, bool HasMore, IReadOnlyList<LessonSummaryDto> Lessons,
        IReadOnlyList<FacetDto> Domains, IReadOnlyList<FacetDto> Themes, IReadOnlyList<FacetDto> Phases, IReadOnlyList<FacetDto> Outcomes);

    /// <summary>
    /// One lesson: Text is the lesson (Markdown; Html rendered), Context/Mechanism/Outcome say for whom and where, why, and
    /// what came of it; Result is worked, did-not-work or brilliant-failure; Visibility team or public (null while the team has not said); Sources counts
    /// the kennisbronnen behind it (Experience, Professional, Scientific).
    /// </summary>
    public sealed record LessonDto(int Id, int ProjectId, string? Project, string Title, string Text, string Html, string Context, string Mechanism,
        string Outcome, string? Result, string Visibility, string Phase, IReadOnlyList<string> Domains, IReadOnlyList<string> Themes,
        IReadOnlyDictionary<string, int> Sources, IReadOnlyList<int> Similar, DateTime CreatedAt, DateTime UpdatedAt, DateTime? PublishedAt);

    public static WebApplication MapLessonsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/lessons").WithTags("Lessons").RequireRateLimiting(RateLimits.Api);

        api.MapGet("/", async (string? q, string? domain, string? theme, string? phase, string? outcome, int? project, int? page, FindLessons find,
                HttpContext http, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var filter = ReadFilter(q, domain, theme, phase, outcome, project, page, out var bad);
                if (bad is { } problem) return ApiResults.BadQuery(l, problem.Field, problem.Message);
                var library = await find.RunAsync(filter!, ct);
                if (library.QueryRefused) return ApiResults.BadQuery(l, "q", library.Message!);
                http.Response.Headers.CacheControl = "no-store";
                return Results.Ok(ToDto(library));
            })
            .WithSummary("Lessen uit alle projecten die je mag lezen: openbare lessen en de lessen van je eigen teams. Zoek met q (Nederlandse woordstammen), filter op domain, theme, phase, outcome (worked, did-not-work, brilliant-failure) en project")
            .Produces<LessonsDto>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .CacheOutput(PageCache.NoStoreApiPolicy);

        api.MapGet("/{id:int}", async (int id, GetLesson get, HttpContext http, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var lesson = await get.RunAsync(id, ct);
                if (!lesson.IsOk) return ApiResults.NotFound(l);
                http.Response.Headers.CacheControl = "no-store";
                return Results.Ok(ToDto(lesson.Value!));
            })
            .WithSummary("Eén les, met context, mechanisme, uitkomst, de kennisbronnen erachter en vergelijkbare lessen")
            .Produces<LessonDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .CacheOutput(PageCache.NoStoreApiPolicy);

        // Open data: every public lesson, the same file for everyone; an attachment, so a browser saves it.
        app.MapGet("/lessen/open-data.json", async (ExportOpenLessons export, HttpContext http, CancellationToken ct) =>
            {
                var lessons = await export.RunAsync(ct);
                http.Response.Headers.CacheControl = "no-store";
                http.Response.Headers.ContentDisposition = "attachment; filename=\"proeftuin-lessen.json\"";
                return Results.Json(lessons, OpenDataJson);
            })
            .WithTags("Lessons")
            .WithSummary("Alle openbare lessen als open data (JSON)")
            .Produces<List<OpenLesson>>()
            .RequireRateLimiting(RateLimits.Api);
        return app;
    }

    /// <summary>The library's filter from the query string, the same words for page and API; a problem names the field.</summary>
    public static LessonFilter? ReadFilter(string? q, string? domain, string? theme, string? phase, string? outcome, int? project, int? page,
        out (string Field, string Message)? problem)
    {
        problem = null;
        Domains? d = null;
        if (!string.IsNullOrWhiteSpace(domain) && (d = ProjectWords.DomainFromSlug(domain)) is null)
            problem = ("domain", "Onbekend domein. Kies uit: care, safety, education, labour, housing, income.");
        Phase? ph = null;
        if (!string.IsNullOrWhiteSpace(phase) && (ph = ProjectWords.PhaseFromSlug(phase)) is null)
            problem = ("phase", "Onbekende fase. Kies uit: empathize, define, ideate, prototype, test.");
        LessonResult? r = null;
        if (!string.IsNullOrWhiteSpace(outcome) && (r = LessonWords.ResultFromSlug(outcome)) is null)
            problem = ("outcome", "Onbekende uitkomst. Kies uit: worked, did-not-work, brilliant-failure.");
        // PostgreSQL refuses a NUL in a text parameter: a theme name never holds a control character, so none is asked for.
        if (theme is { Length: > 100 } || (theme is not null && Validation.HasControlCharacters(theme))) problem = ("theme", "Dit thema bestaat niet.");
        if (page is < 1 or > LessonLimits.MaxPage) problem = ("page", "Kies een pagina van 1 tot en met 100.");
        return problem is null ? new LessonFilter(q, d, string.IsNullOrWhiteSpace(theme) ? null : theme, ph, r, project, page ?? 1) : null;
    }

    private static LessonsDto ToDto(LessonLibrary lib) => new(lib.Query, lib.Total, lib.Page, lib.HasMore,
        lib.Hits.Select(h => new LessonSummaryDto(h.Id, h.Title, h.Excerpt, h.Context, h.Result is { } r ? LessonSlugs.Result.Of(r) : null,
            LessonSlugs.Visibility.Of(h.Visibility), ProjectSlugs.Phase.Of(h.Phase), h.Domains.Slugs(), h.ProjectId, h.ProjectTitle, h.CreatedAt)).ToList(),
        lib.Domains.Select(f => new FacetDto(ProjectSlugs.Domain.Of(f.Value), f.Count)).ToList(),
        lib.Themes.Select(f => new FacetDto(f.Value, f.Count)).ToList(),
        lib.Phases.Select(f => new FacetDto(ProjectSlugs.Phase.Of(f.Value), f.Count)).ToList(),
        lib.Results.Select(f => new FacetDto(LessonSlugs.Result.Of(f.Value), f.Count)).ToList());

    public static LessonDto ToDto(LessonView v) => new(v.Id, v.ProjectId, v.ProjectTitle, v.Title, v.Text, v.Html, v.Context, v.Mechanism, v.Outcome,
        v.Result is { } r ? LessonSlugs.Result.Of(r) : null, LessonSlugs.Visibility.Of(v.Visibility), ProjectSlugs.Phase.Of(v.Phase), v.Domains.Slugs(), v.Themes,
        v.Sources.ToDictionary(s => Members.MemberSlugs.Perspective.Of(s.Key), s => s.Value), v.Similar.Select(s => s.Id).ToList(),
        v.CreatedAt, v.UpdatedAt, v.PublishedAt);

    internal static readonly JsonSerializerOptions OpenDataJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
