using Microsoft.Extensions.Localization;
using Proeftuin.Features.Projects;
using Proeftuin.Web;

namespace Proeftuin.Features.Review;

/// <summary>Whether review advice still waits for the next gate or belongs to a gate decision.</summary>
public enum ReviewAdviceState
{
    Open = 0,
    Attached = 1,
}

/// <summary>The API names of the review board (ADR 0017): written out, never derived.</summary>
public static class ReviewSlugs
{
    public static readonly ApiSlugs<ReviewAdviceState> State = new(new Dictionary<ReviewAdviceState, string>
    {
        [ReviewAdviceState.Open] = "Open",
        [ReviewAdviceState.Attached] = "Attached",
    });
}

/// <summary>The review advice over HTTP, from the same use case as the review page.</summary>
public static class ReviewApi
{
    /// <summary>
    /// One review advice. Phase: the phase the project was in when it was written. State "Open" until the next gate
    /// decision, then "Attached" with GateDecisionId. Author is null for who may not see names or after erasure.
    /// AboutQuestionId: the learning question (GET /api/v1/projects/{id}/learning-agenda) it is about, if any.
    /// </summary>
    public sealed record ReviewAdviceDto(int Id, string? Author, string Phase, string State, int? GateDecisionId, int? AboutQuestionId,
        string? AboutQuestion, string Text, string Html, DateTime CreatedAt);

    public static WebApplication MapReviewApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Review").RequireRateLimiting(RateLimits.Api);

        api.MapGet("/projects/{id:int}/review-advice", async (int id, GetReviewAdvice get, HttpContext http, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var outcome = await get.RunAsync(id, ct: ct);
                if (ApiResults.Failed(outcome, l, name => name) is { } failed) return failed;
                http.Response.Headers.CacheControl = "no-store";
                return Results.Ok(outcome.Value!.Select(ToDto).ToList());
            })
            .WithSummary("Het advies van het reviewbord van een project, nieuwste eerst: open advies voor het volgende besluit over de fase, en advies dat bij een besluit hoort (alleen voor leden)")
            .Produces<List<ReviewAdviceDto>>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static ReviewAdviceDto ToDto(ReviewAdviceView a) => new(a.Id, a.Author, ProjectSlugs.Phase.Of(a.Phase),
        ReviewSlugs.State.Of(a.IsOpen ? ReviewAdviceState.Open : ReviewAdviceState.Attached), a.GateDecisionId, a.AboutId, a.AboutTitle, a.Text, a.Html, a.CreatedAt);
}
