using Microsoft.Extensions.Localization;
using Proeftuin.Features.Projects;
using Proeftuin.Web;

namespace Proeftuin.Features.Programmes;

public static class ProgrammesApi
{
    /// <summary>Projects as in /api/v1/projects: enums by their fixed API names (ADR 0017), a project's domains as a list.</summary>
    public sealed record ProgrammeDto(int Id, string Title, string Introduction, IReadOnlyList<PartnerView> Partners,
        IReadOnlyList<ProjectsApi.ProjectSummaryDto> Projects, IReadOnlyList<NewsSummary> News);

    public static WebApplication MapProgrammesApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/programmes").WithTags("Programma's").RequireRateLimiting(RateLimits.Api);

        api.MapGet("/", (GetProgrammeOverview query, CancellationToken ct) => query.ListAsync(ct))
            .WithSummary("Alle programma's")
            // Kept for everyone signed out like the public pages, evicted when data changes (ADR 0022, 0026).
            .CacheOutput(PageCache.Policy);

        api.MapGet("/{id:int}", async (int id, GetProgrammeOverview query, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await query.RunAsync(id, new ProjectFilter(), ct) is { } p
                    ? Results.Ok(new ProgrammeDto(p.Id, p.Title, p.Introduction, p.Partners, p.Projects.Select(ProjectsApi.ToDto).ToList(), p.News))
                    : ApiResults.NotFound(l))
            .WithSummary("Eén programma met partners, projecten (voor zover zichtbaar) en nieuws")
            .Produces<ProgrammeDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
