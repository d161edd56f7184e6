using Microsoft.Extensions.Localization;
using Proeftuin.Features.Projects;
using Proeftuin.Web;

namespace Proeftuin.Features.MethodCards;

/// <summary>The werkvormen library over HTTP, from the same use case as its page.</summary>
public static class MethodCardsApi
{
    /// <summary>
    /// One card. Key is the slug of a built-in card (builtIn true) or the id of an own card. Place is "programme" or
    /// "project" (null for built-in) with its id. Materials, steps and tips: a built-in card has lists of sentences in
    /// steps and inclusionTips; an own card has its Markdown with rendered HTML (stepsHtml, inclusionTipsHtml).
    /// SessionSteps are the live-session werkvormen the card lays out, in order.
    /// </summary>
    public sealed record MethodCardDto(string Key, bool BuiltIn, string Title, string Purpose, string Phase, int Minutes, int GroupMin, int GroupMax,
        IReadOnlyList<string> Materials, IReadOnlyList<string> Steps, string StepsHtml, IReadOnlyList<string> InclusionTips, string InclusionTipsHtml,
        IReadOnlyList<string> SessionSteps, string? Place, int? PlaceId, string? CopiedFrom, string Url);

    public static WebApplication MapMethodCardsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").WithTags("MethodCards").RequireRateLimiting(RateLimits.Api);

        api.MapGet("/method-cards", async (string? q, string? phase, FindMethodCards find, HttpContext http, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                Phase? p = null;
                if (!string.IsNullOrEmpty(phase) && (p = ProjectSlugs.Phase.Parse(phase)) is null)
                    return ApiResults.BadQuery(l, "phase", "Onbekende fase. Kies uit: Empathize, Define, Ideate, Prototype, Test.");
                if (q is { Length: > FindMethodCards.MaxQuery })
                    return ApiResults.BadQuery(l, "q", "De zoekvraag is te lang: maximaal 200 tekens.");
                var list = await find.RunAsync(new CardQuery(q, p), ct);
                http.Response.Headers.CacheControl = "no-store";
                return Results.Ok(list!.Cards.Select(ToDto).ToList());
            })
            .WithSummary("Werkvormen die je mag zien: de ingebouwde en die van je programma's en projecten, te zoeken met q en te filteren op phase")
            .Produces<List<MethodCardDto>>()
            .ProducesValidationProblem()
            .CacheOutput(PageCache.NoStoreApiPolicy);
        return app;
    }

    private static MethodCardDto ToDto(CardView c) => new(c.Key, c.IsBuiltIn, c.Title, c.Purpose, c.Phase.ToString(), c.Minutes, c.GroupMin, c.GroupMax,
        c.Materials, c.StepList, c.StepsHtml, c.TipList, c.InclusionTipsHtml, [.. c.Forms.Select(f => f.ToString())],
        c.IsBuiltIn ? null : c.ProjectId is not null ? "project" : "programme", c.ProjectId ?? c.ProgrammeId, c.CopiedFromKey, c.Url);
}
