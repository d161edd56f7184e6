using Microsoft.Extensions.Localization;
using Proeftuin.Features.Members;
using Proeftuin.Features.Projects;
using Proeftuin.Web;

namespace Proeftuin.Features.Experiments;

/// <summary>The proef in the API (English names, slug tables for status, result and decision; same rules as the pages).</summary>
public static class ExperimentsApi
{
    private const long MaxBody = 64 * 1024;

    public sealed record CriterionDto(int Id, string What, string Measure, string Threshold, string? Result, string? Evidence);
    public sealed record RuleDto(int Id, string Rule, string ApprovedBy, DateOnly Until, int DaysLeft, bool Lapsing);
    public sealed record ObservationDto(int Id, string Text, DateOnly ObservedOn, string KnowledgeSource, int? CriterionId, DateTime CreatedAt);
    public sealed record MeasurementDto(int Id, int CriterionId, string Value, DateOnly MeasuredOn, string Note);
    public sealed record LessonDto(int Id, string Text);
    public sealed record DecisionDto(int Id, string Choice, string? BackToPhase, string? WhatChanges, bool BrilliantFailure, string? FailureTaught,
        string Reasoning, DateTime CreatedAt, LessonDto? Lesson);
    public sealed record ParticipantsDto(string Who, int Count, string Recruitment);
    public sealed record ExperimentDto(int Id, int ProjectId, int? PrototypeId, string Title, string Hypothesis, string Place, DateOnly StartsOn, DateOnly EndsOn,
        int DaysLeft, string Status, ParticipantsDto Participants, string Safety, string MeasurementPlan, DateTime? StartedAt, DateTime? EndedAt,
        IReadOnlyList<CriterionDto> Criteria, IReadOnlyList<RuleDto> Rules, IReadOnlyList<ObservationDto> Observations,
        IReadOnlyList<MeasurementDto> Measurements, DecisionDto? Decision);

    /// <summary>knowledgeSource is a perspective slug (Experience, Professional, Scientific); observedOn a date (2026-12-31).</summary>
    public sealed record NewObservationDto(string? Text, string? ObservedOn, string? KnowledgeSource, int? CriterionId);

    public static ExperimentDto ToDto(ExperimentView e) => new(
        e.Id, e.ProjectId, e.Prototype?.Id, e.Title, e.Hypothesis, e.Place, e.StartsOn, e.EndsOn, e.DaysLeft, ExperimentSlugs.Status.Of(e.Status),
        new ParticipantsDto(e.ParticipantsWho, e.ParticipantCount, e.Recruitment), e.Safety, e.MeasurementPlan, e.StartedAt, e.EndedAt,
        [.. e.Criteria.Select(c => new CriterionDto(c.Id, c.What, c.Measure, c.Threshold, c.Result is { } r ? ExperimentSlugs.Result.Of(r) : null, c.Evidence))],
        [.. e.Rules.Select(r => new RuleDto(r.Id, r.Rule, r.ApprovedBy, r.Until, r.DaysLeft, r.Lapsing))],
        [.. e.Observations.Select(o => new ObservationDto(o.Id, o.Text, o.ObservedOn, MemberSlugs.Perspective.Of(o.KnowledgeSource), o.CriterionId, o.CreatedAt))],
        [.. e.Measurements.Select(m => new MeasurementDto(m.Id, m.CriterionId, m.Value, m.MeasuredOn, m.Note))],
        e.Decision is not { } d ? null : new DecisionDto(d.Id, ExperimentSlugs.Choice.Of(d.Choice), d.BackToPhase is { } b ? ProjectSlugs.Phase.Of(b) : null,
            d.WhatChanges, d.BrilliantFailure, d.FailureTaught, d.Reasoning, d.CreatedAt, d.Lesson is { } l ? new LessonDto(l.Id, l.Text) : null));

    public static WebApplication MapExperimentsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/experiments").WithTags("Proeven").RequireRateLimiting(RateLimits.Api);

        api.MapGet("/{id:int}", async (int id, GetExperiment get, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await get.RunAsync(id, ct) is { } view ? Results.Ok(ToDto(view)) : ApiResults.NotFound(l))
            .WithSummary("Een proef: plan, succescriteria, regelruimte, observaties, metingen, resultaten, besluit en les")
            .Produces<ExperimentDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/{id:int}/observations", async (int id, HttpRequest request, LogObservation log, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                var (body, problem) = await ApiResults.ReadJsonAsync<NewObservationDto>(request, MaxBody, l,
                    "Een observatie is maximaal 5.000 tekens.", "De inhoud is geen geldige JSON voor een observatie.", ct);
                if (body is null) return problem!;
                Perspective? source = null;
                if (!string.IsNullOrWhiteSpace(body.KnowledgeSource))
                {
                    if (MemberSlugs.Perspective.Parse(body.KnowledgeSource) is not { } parsed)
                        return Results.ValidationProblem(new Dictionary<string, string[]> { ["knowledgeSource"] = [l["Kies een kennisbron: {0}.", MemberSlugs.Perspective.List]] },
                            title: l["Controleer de invoer"]);
                    source = parsed;
                }
                var outcome = await log.RunAsync(id, new ObservationInput(body.Text, body.ObservedOn, source, body.CriterionId), ct);
                if (ApiResults.Failed(outcome, l, Camel) is { } failed) return failed;
                var o = outcome.Value!;
                return Results.Created($"/api/v1/experiments/{id}", new ObservationDto(o.Id, o.Text, o.ObservedOn, MemberSlugs.Perspective.Of(o.KnowledgeSource), o.CriterionId, o.CreatedAt));
            })
            .RequireAuthorization()
            .WithSummary("Leg een observatie vast bij een lopende proef (het team). JSON: text, observedOn (verplicht), knowledgeSource, criterionId")
            .Accepts<NewObservationDto>("application/json")
            .Produces<ObservationDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static string Camel(string field) => field.Length == 0 ? field : char.ToLowerInvariant(field[0]) + field[1..];
}
