using Proeftuin.Features.Projects;
using Proeftuin.Features.Thread;

namespace Proeftuin.Features.Experiments;

/// <summary>
/// Proef: a prototype tried in practice, in a proeftuin, with criteria, regelruimte and participants. Title is its name,
/// Text (Markdown, Html rendered once) the hypothesis. Criteria, regelruimte and measurements live in their own tables.
/// </summary>
public sealed class Experiment : ThreadItem
{
    /// <summary>The prototype it tries out (also linked on the thread: prototype leidt tot proef).</summary>
    public int? PrototypeId { get; set; }
    public string Place { get; set; } = "";
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    /// <summary>Who takes part (a description of a group, never names).</summary>
    public string ParticipantsWho { get; set; } = "";
    public int ParticipantCount { get; set; }
    public string Recruitment { get; set; } = "";
    /// <summary>Safety and consent conditions (Markdown) and their HTML, rendered once.</summary>
    public string Safety { get; set; } = "";
    public string SafetyHtml { get; set; } = "";
    public string MeasurementPlan { get; set; } = "";
    public string MeasurementPlanHtml { get; set; } = "";
    public ExperimentStatus Status { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public List<SuccessCriterion> Criteria { get; set; } = [];
    public List<RuleException> Rules { get; set; } = [];
}

/// <summary>Observatie: what the team saw or heard during an experiment, with its knowledge source.</summary>
public sealed class Observation : ThreadItem
{
    public int ExperimentId { get; set; }
    public DateOnly ObservedOn { get; set; }
    /// <summary>The success criterion it speaks to, if any.</summary>
    public int? CriterionId { get; set; }
}

/// <summary>Besluit: what the team decided after an experiment (doorgaan, bijsturen or stoppen), and why (Text).</summary>
public sealed class Decision : ThreadItem
{
    public int ExperimentId { get; set; }
    public DecisionChoice Choice { get; set; }
    /// <summary>Bijsturen: back to which phase, and what changes.</summary>
    public Phase? BackToPhase { get; set; }
    public string? WhatChanges { get; set; }
    public bool BrilliantFailure { get; set; }
    /// <summary>A briljante mislukking: what it taught.</summary>
    public string? FailureTaught { get; set; }
}

public enum ExperimentStatus
{
    Preparing = 0,
    Running = 1,
    Ended = 2,
}

public enum CriterionResult
{
    Met = 0,
    Partly = 1,
    NotMet = 2,
}

public enum DecisionChoice
{
    Continue = 0,
    Adjust = 1,
    Stop = 2,
}

/// <summary>Succescriterium: what counts as success, how it is measured, from which threshold; and afterwards its result.</summary>
public sealed class SuccessCriterion
{
    public int Id { get; set; }
    public int ExperimentId { get; set; }
    public int Position { get; set; }
    public string What { get; set; } = "";
    public string Measure { get; set; } = "";
    public string Threshold { get; set; } = "";
    public CriterionResult? Result { get; set; }
    public string? Evidence { get; set; }
    public DateTime? ResultAt { get; set; }
    public string? ResultById { get; set; }
}

/// <summary>Regelruimte: a rule or procedure set aside for the experiment, who approved it, and until when.</summary>
public sealed class RuleException
{
    public int Id { get; set; }
    public int ExperimentId { get; set; }
    public int Position { get; set; }
    public string Rule { get; set; } = "";
    /// <summary>Who approved it: an office or body ("wethouder Zorg", "teamleider Wijkteam Oost").</summary>
    public string ApprovedBy { get; set; } = "";
    public DateOnly Until { get; set; }
}

/// <summary>Meting: a value measured for one criterion on one day.</summary>
public sealed class Measurement
{
    public int Id { get; set; }
    public int ExperimentId { get; set; }
    public int CriterionId { get; set; }
    public string Value { get; set; } = "";
    public DateOnly MeasuredOn { get; set; }
    public string Note { get; set; } = "";
    public string? AuthorId { get; set; }
    public DateTime CreatedAt { get; set; }
}
