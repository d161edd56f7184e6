using Microsoft.AspNetCore.Mvc.Rendering;
using Proeftuin.Features.Members;
using Proeftuin.Features.Projects;

namespace Proeftuin.Features.Experiments;

/// <summary>
/// The setup and edit form: fixed rows for criteria and regelruimte (blank rows are left out), so it works without
/// JavaScript. When editing, a row that is already saved carries its id (hidden) and a box to remove it.
/// </summary>
public sealed class ExperimentForm
{
    public int? PrototypeId { get; set; }
    public string? Title { get; set; }
    public string? Hypothesis { get; set; }
    public string? Place { get; set; }
    public string? StartsOn { get; set; }
    public string? EndsOn { get; set; }
    public string? ParticipantsWho { get; set; }
    public string? ParticipantCount { get; set; }
    public string? Recruitment { get; set; }
    public string? Safety { get; set; }
    public string? MeasurementPlan { get; set; }
    public List<CriterionForm> Criteria { get; set; } = [];
    public List<RuleForm> Rules { get; set; } = [];

    /// <summary>Tops the lists up to the form's number of rows (a posted form keeps what it sent).</summary>
    public void Pad(int criteria = ExperimentLimits.CriteriaRows, int rules = ExperimentLimits.RuleRows)
    {
        while (Criteria.Count < criteria) Criteria.Add(new CriterionForm());
        while (Rules.Count < rules) Rules.Add(new RuleForm());
    }

    public ExperimentInput ToInput() => new(PrototypeId, Title, Hypothesis, Place, StartsOn, EndsOn, ParticipantsWho, ParticipantCount, Recruitment,
        Safety, MeasurementPlan, [.. Criteria.Select(c => new CriterionInput(c.What, c.Measure, c.Threshold))],
        [.. Rules.Select(r => new RuleInput(r.Rule, r.ApprovedBy, r.Until))]);

    /// <summary>The edit form: the plan (without the prototype, which does not change) and which saved row each row is.</summary>
    public ExperimentChanges ToChanges() => new(ToInput() with { PrototypeId = null },
        [.. Criteria.Select(c => new PlanRow(c.Id, c.Remove))], [.. Rules.Select(r => new PlanRow(r.Id, r.Remove))]);

    /// <summary>The edit form filled with the proef as it is.</summary>
    public static ExperimentForm Of(ExperimentView e) => new()
    {
        Title = e.Title,
        Hypothesis = e.Hypothesis,
        Place = e.Place,
        StartsOn = ExperimentDates.Iso(e.StartsOn),
        EndsOn = ExperimentDates.Iso(e.EndsOn),
        ParticipantsWho = e.ParticipantsWho,
        ParticipantCount = e.ParticipantCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Recruitment = e.Recruitment,
        Safety = e.Safety,
        MeasurementPlan = e.MeasurementPlan,
        Criteria = [.. e.Criteria.Select(c => new CriterionForm { Id = c.Id, What = c.What, Measure = c.Measure, Threshold = c.Threshold })],
        Rules = [.. e.Rules.Select(r => new RuleForm { Id = r.Id, Rule = r.Rule, ApprovedBy = r.ApprovedBy, Until = ExperimentDates.Iso(r.Until) })],
    };
}

/// <summary>What the shared form fields (_ExperimentFields) need: the form; when editing, the begindatum that may no longer move and the criteria in use.</summary>
public sealed record ExperimentFields(ExperimentForm Input, bool Editing = false, DateOnly? FixedStart = null, IReadOnlySet<int>? InUse = null)
{
    public bool IsInUse(int? criterionId) => criterionId is { } id && InUse is not null && InUse.Contains(id);
}

public sealed class CriterionForm
{
    /// <summary>Editing: the saved criterion this row is (hidden); empty for a new row.</summary>
    public int? Id { get; set; }
    /// <summary>Editing: take this saved criterion away.</summary>
    public bool Remove { get; set; }
    public string? What { get; set; }
    public string? Measure { get; set; }
    public string? Threshold { get; set; }
}

public sealed class RuleForm
{
    public int? Id { get; set; }
    public bool Remove { get; set; }
    public string? Rule { get; set; }
    public string? ApprovedBy { get; set; }
    public string? Until { get; set; }
}

public sealed class ObservationForm
{
    public string? Text { get; set; }
    public string? ObservedOn { get; set; }
    public Perspective? KnowledgeSource { get; set; }
    public int? CriterionId { get; set; }

    public ObservationInput ToInput() => new(Text, ObservedOn, KnowledgeSource, CriterionId);
}

public sealed class MeasurementForm
{
    public int? CriterionId { get; set; }
    public string? Value { get; set; }
    public string? MeasuredOn { get; set; }
    public string? Note { get; set; }

    public MeasurementInput ToInput() => new(CriterionId, Value, MeasuredOn, Note);
}

public sealed class ResultsForm
{
    public List<ResultForm> Results { get; set; } = [];

    public IReadOnlyList<ResultInput> ToInput() => [.. Results.Select(r => new ResultInput(r.CriterionId, r.Result, r.Evidence))];
}

public sealed class ResultForm
{
    public int? CriterionId { get; set; }
    public CriterionResult? Result { get; set; }
    public string? Evidence { get; set; }
}

public sealed class DecisionForm
{
    public DecisionChoice? Choice { get; set; }
    public Phase? BackToPhase { get; set; }
    public string? WhatChanges { get; set; }
    public string? Reasoning { get; set; }
    public bool BrilliantFailure { get; set; }
    public string? FailureTaught { get; set; }
    public string? Lesson { get; set; }

    public DecisionInput ToInput() => new(Choice, BackToPhase, WhatChanges, Reasoning, BrilliantFailure, FailureTaught, Lesson);
}

/// <summary>Select options: enum texts are localizer keys (FieldTagHelper localizes them); the first, empty option comes localized from the view.</summary>
public static class ExperimentOptions
{
    public static IEnumerable<SelectListItem> Criteria(IEnumerable<CriterionView> criteria, string? none) =>
        (none is null ? [] : new[] { new SelectListItem(none, "") })
            .Concat(criteria.Select(c => new SelectListItem(c.What, c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    public static IEnumerable<SelectListItem> Results(string choose) =>
        new[] { new SelectListItem(choose, "") }
            .Concat(Enum.GetValues<CriterionResult>().Select(r => new SelectListItem(r.Label(), r.ToString())));

    public static IEnumerable<SelectListItem> EarlierPhases(string choose) =>
        new[] { new SelectListItem(choose, "") }
            .Concat(DecideExperiment.EarlierPhases.Select(p => new SelectListItem(p.Label(), p.ToString())));
}
