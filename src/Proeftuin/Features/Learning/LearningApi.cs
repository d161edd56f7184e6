using Microsoft.Extensions.Localization;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Features.Learning;

/// <summary>The learning agenda over HTTP, from the same use case as its page.</summary>
public static class LearningApi
{
    /// <summary>
    /// One learning question (kind "LearningQuestion": ForWhom, DueOn) or system barrier (kind "SystemBarrier":
    /// WhoCanMove). Answer is what was learned, or what came of a barrier (Markdown; AnswerHtml rendered). Owner is null
    /// for callers who may not see the team's names. Evidence: what onderbouwt or beantwoordt it.
    /// </summary>
    public sealed record AgendaItemDto(int Id, string Kind, string Title, string? ForWhom, string? WhoCanMove, DateOnly? DueOn, string Status,
        bool Overdue, string? Owner, string Answer, string AnswerHtml, IReadOnlyList<ThreadApi.ItemRefDto> Evidence, int Versions,
        DateTime CreatedAt, DateTime UpdatedAt);

    public sealed record LearningAgendaDto(int ProjectId, IReadOnlyList<AgendaItemDto> Questions, IReadOnlyList<AgendaItemDto> Barriers);

    public static WebApplication MapLearningApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Learning").RequireRateLimiting(RateLimits.Api);

        api.MapGet("/projects/{id:int}/learning-agenda", async (int id, GetLearningAgenda get, HttpContext http, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var agenda = await get.RunAsync(id, ct);
                if (agenda is null) return ApiResults.NotFound(l);
                http.Response.Headers.CacheControl = "no-store";
                return Results.Ok(new LearningAgendaDto(agenda.ProjectId, agenda.Questions.Select(ToDto).ToList(), agenda.Barriers.Select(ToDto).ToList()));
            })
            .WithSummary("De leeragenda van een project: de leervragen (open eerst) en de systeembarrières, met status, bewijs en het aantal versies")
            .Produces<LearningAgendaDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            // No copy in browsers or proxies (no-store); this server keeps it for signed-out callers until data changes.
            .CacheOutput(PageCache.NoStoreApiPolicy);
        return app;
    }

    private static AgendaItemDto ToDto(AgendaRow r) => new(r.Id, ThreadKinds.For(r.Kind).ApiSlug, r.Title,
        r.IsQuestion ? r.Detail : null, r.IsQuestion ? null : r.Detail, r.DueOn,
        r.IsQuestion ? LearningSlugs.QuestionStatus.Of((LearningStatus)r.Status) : LearningSlugs.BarrierStatus.Of((BarrierStatus)r.Status),
        r.Overdue, r.OwnerName, r.Answer, r.AnswerHtml, r.Evidence.Select(ThreadApi.ToDto).ToList(), r.Versions, r.CreatedAt, r.UpdatedAt);
}
