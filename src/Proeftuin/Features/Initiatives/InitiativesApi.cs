using System.Globalization;
using Microsoft.Extensions.Localization;
using Proeftuin.Features.Members;
using Proeftuin.Web;

namespace Proeftuin.Features.Initiatives;

/// <summary>Initiatives and pledges in the API (English names and slugs; the same rules as the pages).</summary>
public static class InitiativesApi
{
    private const long MaxBody = 16 * 1024;

    public sealed record InitiativeSummaryDto(int Id, int ProgrammeId, int? ProjectId, string Type, string Title, string Status, int Threshold, int Pledges,
        int Counted, DateTime? ReachedAt, DateTime CreatedAt);

    public sealed record PledgeCountDto(string Perspective, int Count);

    public sealed record PledgeDto(string Kind, int? HoursPerWeek, string? Bring, int? IfOthers, bool ConditionMet, string Perspective, DateTime CreatedAt);

    public sealed record ResponseDto(string Status, string Reasons, string ReasonsHtml, DateTime At);

    public sealed record InitiativeDto(int Id, int ProgrammeId, int? ProjectId, string Type, string Title, string What, string WhatHtml, string Why, string WhyHtml,
        string ForWhom, string ForWhomHtml, string Needed, string NeededHtml, int? RespondsToItemId, string Status, int Threshold, int Pledges, int Counted,
        DateTime? ReachedAt, bool PledgesClosed, DateTime CreatedAt, IReadOnlyList<PledgeCountDto> PledgesByPerspective, IReadOnlyList<PledgeDto> PledgeList,
        IReadOnlyList<ResponseDto> Responses, PledgeDto? YourPledge);

    /// <summary>kind: joinIn, hours or bring; hoursPerWeek with hours; bring with bring; ifOthers: "als er nog N anderen meedoen".</summary>
    public sealed record NewPledgeDto(string? Kind, int? HoursPerWeek, string? Bring, int? IfOthers);

    public sealed record PledgeResultDto(PledgeDto Pledge, bool ReachedNow, int Counted);

    private static PledgeDto ToDto(PledgeView p) => new(InitiativeSlugs.Kind.Of(p.Kind), p.Hours, p.Bring, p.IfOthers, p.ConditionMet, MemberSlugs.Perspective.Of(p.Perspective), p.At);

    public static WebApplication MapInitiativesApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/initiatives").WithTags("Initiatieven").RequireRateLimiting(RateLimits.Api);

        api.MapGet("", async (string? programme, string? status, int? page, FindInitiatives find, HttpContext http, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                int? programmeId = null;
                if (!string.IsNullOrWhiteSpace(programme))
                {
                    if (!int.TryParse(programme, NumberStyles.None, CultureInfo.InvariantCulture, out var g)) return ApiResults.BadQuery(l, "programme", "Geef het nummer van een programma.");
                    programmeId = g;
                }
                InitiativeStatus? filter = null;
                if (!string.IsNullOrWhiteSpace(status))
                {
                    filter = InitiativeSlugs.Status.Parse(status);
                    if (filter is null) return ApiResults.BadQuery(l, "status", "Onbekende status. Kies uit: received, inTalks, supported, notNow.");
                }
                if (page is < 1) return ApiResults.BadQuery(l, "page", "De eerste pagina is 1.");
                var list = await find.RunAsync(new InitiativeFilter(programmeId, Status: filter), page ?? 1, ct);
                http.Response.Headers["X-Total-Count"] = list.Total.ToString(CultureInfo.InvariantCulture);
                http.Response.Headers["X-Page-Count"] = list.Pages.ToString(CultureInfo.InvariantCulture);
                return Results.Ok(list.Items.Select(i => new InitiativeSummaryDto(i.Id, i.ProgrammeId, i.ProjectId, InitiativeSlugs.Type.Of(i.Type), i.Title,
                    InitiativeSlugs.Status.Of(i.Status), i.Threshold, i.Active, i.Counted, i.ReachedAt, i.CreatedAt)));
            })
            .WithSummary("Initiatieven van bewoners die je mag lezen, nieuwste eerst, 30 per pagina (totaal in X-Total-Count); filter met programme en status")
            .Produces<IEnumerable<InitiativeSummaryDto>>()
            .ProducesValidationProblem();

        api.MapGet("/{id:int}", async (int id, GetInitiative get, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var outcome = await get.RunAsync(id, ct);
                // Hidden by moderation: gone from the API for everyone who cannot moderate it.
                if (!outcome.IsOk || outcome.Value!.ContentHidden) return ApiResults.NotFound(l);
                var i = outcome.Value;
                return Results.Ok(new InitiativeDto(i.Id, i.ProgrammeId, i.ProjectId, InitiativeSlugs.Type.Of(i.Type), i.Title, i.What, i.WhatHtml, i.Why, i.WhyHtml,
                    i.ForWhom, i.ForWhomHtml, i.Needed, i.NeededHtml, i.Origin?.Id, InitiativeSlugs.Status.Of(i.Status), i.Threshold, i.Active, i.Counted, i.ReachedAt,
                    i.PledgesClosed, i.CreatedAt, i.ByPerspective.Columns.Select(c => new PledgeCountDto(MemberSlugs.Perspective.Of(c.Perspective), c.Count)).ToList(),
                    i.Pledges.Select(ToDto).ToList(), i.Responses.Select(r => new ResponseDto(InitiativeSlugs.Status.Of(r.Status), r.Reasons, r.ReasonsHtml, r.At)).ToList(),
                    i.MyPledge is { } mine ? ToDto(mine) : null));
            })
            .WithSummary("Eén initiatief: wat, waarom, voor wie, de drempel, toezeggingen per kennisbron en de reacties")
            .Produces<InitiativeDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/{id:int}/pledges", async (int id, HttpRequest request, PledgeToInitiative pledge, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var (body, problem) = await ApiResults.ReadJsonAsync<NewPledgeDto>(request, MaxBody, l,
                    "Een toezegging is maximaal 16 kB.", "De inhoud is geen geldige JSON voor een toezegging.", ct);
                if (body is null) return problem!;
                PledgeKind? kind = null;
                if (!string.IsNullOrWhiteSpace(body.Kind))
                {
                    if (InitiativeSlugs.Kind.Parse(body.Kind) is not { } parsed)
                        return ApiResults.BadQuery(l, "kind", "Kies hoe je meedoet: joinIn, hours of bring.");
                    kind = parsed;
                }
                var outcome = await pledge.PledgeAsync(id, new PledgeInput(kind, body.HoursPerWeek, body.Bring, body.IfOthers), ct);
                if (ApiResults.Failed(outcome, l, Camel) is { } failed) return failed;
                var r = outcome.Value!;
                var p = r.Pledge;
                var dto = new PledgeDto(InitiativeSlugs.Kind.Of(p.Kind), p.HoursPerWeek, p.Bring, p.IfOthers, r.ConditionMet, MemberSlugs.Perspective.Of(p.Perspective), p.CreatedAt);
                return Results.Created($"/api/v1/initiatives/{id}", new PledgeResultDto(dto, r.Reached, r.Counted));
            })
            .RequireAuthorization()
            .WithSummary("Doe mee met een initiatief. JSON: kind (joinIn, hours, bring), hoursPerWeek, bring, ifOthers (als er nog N anderen meedoen)")
            .Accepts<NewPledgeDto>("application/json")
            .Produces<PledgeResultDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static string Camel(string field) => field switch
    {
        nameof(PledgeInput.Hours) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(nameof(NewPledgeDto.HoursPerWeek)),
        "" => field,
        _ => char.ToLowerInvariant(field[0]) + field[1..],
    };
}
