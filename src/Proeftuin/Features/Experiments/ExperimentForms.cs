using Microsoft.AspNetCore.Mvc.Rendering;
using Proeftuin.Features.Members;
using Proeftuin.Features.Projects;

namespace Proeftuin.Features.Experiments;

/// <summary>The setup form: fixed rows for criteria and regelruimte (blank rows are left out), so it works without JavaScript.</summary>
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
    public void Pad()
    {
        while (Criteria.Count < ExperimentLimits.CriteriaRows) Criteria.Add(new CriterionForm());
        while (Rules.Count < ExperimentLimits.RuleRows) Rules.Add(new RuleForm());
    }

    public ExperimentInput ToInput() => new(PrototypeId, Title, Hypothesis, Place, StartsOn, EndsOn, ParticipantsWho, ParticipantCount, Recruitment,
        Safety, MeasurementPlan, [.. Criteria.Select(c => new CriterionInput(c.What, c.Measure, c.Threshold))],
        [.. Rules.Select(r => new RuleInput(r.Rule, r.ApprovedBy, r.Until))]);
}

public sealed class CriterionForm
{
    public string? What { get; set; }
    public string? Measure { get; set; }
    public string? Threshold { get; set; }
}

public sealed class RuleForm
{
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
