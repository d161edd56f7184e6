using System.Globalization;
using Microsoft.Extensions.Localization;
using Proeftuin.Features.Members;
using Proeftuin.Features.Sessions;
using Proeftuin.Web;

namespace Proeftuin.Features.Ideas;

/// <summary>Ideas over HTTP: the same use cases and rules as the pages (reading follows the project). Enums by their fixed English names.</summary>
public static class IdeasApi
{
    /// <summary>
    /// Share: the part of that perspective's supports (over all of the project's ideas) that went to this idea, 0–1.
    /// Voters: people of that perspective who support any idea of the project; BelowThreshold: fewer than MinVoters;
    /// Weight: what the perspective weighs in the balanced score (1 full).
    /// </summary>
    public sealed record PerspectiveSupportDto(string Perspective, int Raw, double Share, int Voters, bool BelowThreshold, double Weight);

    /// <summary>
    /// Raw: supports; balanced: 0–1, every perspective that supported any idea of the project weighing the same.
    /// Rule ("full", "proportional" or "apart") and MinVoters: how perspectives with few supporters count (issue 15).
    /// </summary>
    public sealed record SupportDto(int Raw, double Balanced, IReadOnlyList<PerspectiveSupportDto> ByPerspective, string Rule, int MinVoters);

    public sealed record IdeaSummaryDto(int Id, string Title, string Status, string KnowledgeSource, DateTime CreatedAt, IReadOnlyList<int> QuestionIds, SupportDto Support);

    public sealed record QuestionDto(int Id, string Title);

    public sealed record StatusChangeDto(string From, string To, string Reason, DateTime At);

    /// <summary>Supporters: people per perspective who support any idea of the project (the basis of the balance).</summary>
    public sealed record IdeaDto(int Id, int ProjectId, string Title, string Text, string Html, string Status, string KnowledgeSource, string Phase,
        DateTime CreatedAt, int? SessionId, IReadOnlyList<QuestionDto> Questions, SupportDto Support, IReadOnlyDictionary<string, int> Supporters,
        IReadOnlyList<StatusChangeDto> StatusHistory, bool? YouSupport);

    public static WebApplication MapIdeasApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Ideeën").RequireRateLimiting(RateLimits.Api);

        api.MapGet("/projects/{id:int}/ideas", async (int id, string? status, int? page, FindIdeas find, HttpContext http, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                IdeaStatus? filter = null;
                if (!string.IsNullOrWhiteSpace(status))
                {
                    filter = IdeaSlugs.Status.Parse(status);
                    if (filter is null) return ApiResults.BadQuery(l, "status", "Onbekende status. Kies uit: new, chosen, inProgress, tested, parked.");
                }
                if (page is < 1) return ApiResults.BadQuery(l, "page", "De eerste pagina is 1.");
                var list = await find.RunAsync(id, filter, page ?? 1, ct);
                if (list is null) return ApiResults.NotFound(l);
                // Pages of FindIdeas.PageSize; the totals travel in headers so the body stays a plain array, as for stories.
                http.Response.Headers["X-Total-Count"] = list.Total.ToString(CultureInfo.InvariantCulture);
                http.Response.Headers["X-Page-Count"] = list.Pages.ToString(CultureInfo.InvariantCulture);
                return Results.Ok(list.Ideas.Select(i => new IdeaSummaryDto(i.Id, i.Title, IdeaSlugs.Status.Of(i.Status), MemberSlugs.Perspective.Of(i.KnowledgeSource),
                    i.CreatedAt, i.Questions.Select(q => q.Id).ToList(), ToDto(i.Support, list.Support))));
            })
            .WithSummary("De ideeën van een project, best gesteund eerst (gebalanceerd, dan aantal), 50 per pagina (page=1, 2, …; totaal in X-Total-Count); filter met status")
            .Produces<IEnumerable<IdeaSummaryDto>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/ideas/{id:int}", async (int id, GetIdea get, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var outcome = await get.RunAsync(id, ct);
                if (!outcome.IsOk) return ApiResults.NotFound(l);
                var i = outcome.Value!;
                return Results.Ok(new IdeaDto(i.Id, i.ProjectId, i.Title, i.Text, i.Html, IdeaSlugs.Status.Of(i.Status), MemberSlugs.Perspective.Of(i.KnowledgeSource),
                    Projects.ProjectSlugs.Phase.Of(i.Phase), i.CreatedAt, i.SessionId, i.Questions.Select(q => new QuestionDto(q.Id, q.Title)).ToList(),
                    ToDto(i.Support, i.ProjectSupport), i.ProjectSupport.SupportersByPerspective.OrderBy(s => s.Key).ToDictionary(s => MemberSlugs.Perspective.Of(s.Key), s => s.Value),
                    i.History.Select(h => new StatusChangeDto(IdeaSlugs.Status.Of(h.From), IdeaSlugs.Status.Of(h.To), h.Reason, h.At)).ToList(),
                    i.IsSignedIn ? i.ISupport : null));
            })
            .WithSummary("Eén idee: de vragen die het beantwoordt, de status met geschiedenis en de steun per kennisbron")
            .Produces<IdeaDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static SupportDto ToDto(SupportCount s, ProjectSupport project) => new(s.Raw, s.Balanced,
        s.ShareByPerspective.Keys.Union(s.RawByPerspective.Keys).Order()
            .Select(p => project.Weights.FirstOrDefault(w => w.Perspective == p) is { } w
                ? new PerspectiveSupportDto(MemberSlugs.Perspective.Of(p), s.RawByPerspective.GetValueOrDefault(p), s.ShareByPerspective.GetValueOrDefault(p), w.Voters, w.BelowThreshold, w.Weight)
                : new PerspectiveSupportDto(MemberSlugs.Perspective.Of(p), s.RawByPerspective.GetValueOrDefault(p), s.ShareByPerspective.GetValueOrDefault(p), 0, false, 0)).ToList(),
        project.Rule.Rule.Slug(), project.Rule.MinVoters);
}
