using Microsoft.Extensions.Localization;
using Proeftuin.Features.Projects;
using Proeftuin.Web;

namespace Proeftuin.Features.Programmes;

public static class ProgrammesApi
{
    public static WebApplication MapProgrammesApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/programmes").WithTags("Programma's").RequireRateLimiting(RateLimits.Api);

        api.MapGet("/", (GetProgrammeOverview query, CancellationToken ct) => query.ListAsync(ct))
            .WithSummary("Alle programma's");

        api.MapGet("/{id:int}", async (int id, GetProgrammeOverview query, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await query.RunAsync(id, new ProjectFilter(), ct) is { } programme
                    ? Results.Ok(programme)
                    : ApiResults.NotFound(l))
            .WithSummary("Eén programma met partners, projecten (voor zover zichtbaar) en nieuws")
            .Produces<ProgrammeOverview>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }
}
