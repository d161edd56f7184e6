using Proeftuin.Features.Projects;
using Proeftuin.Web;

namespace Proeftuin.Features.Gates;

/// <summary>What a facilitator decides at a gate: go on to a later phase, go back to an earlier one, or stop the project.</summary>
public enum GateVerdict
{
    Go = 0,
    Back = 1,
    Stop = 2,
}

/// <summary>
/// A gate decision (ADR 0028): the verdict with its reasons. Go and back also move the phase: the move itself is the
/// <see cref="PhaseTransition"/> written by the same use case in the same SaveChanges (<see cref="PhaseTransitionId"/>);
/// stop ends the project (ProjectStatus.Finished) and keeps the phase.
/// </summary>
public sealed class GateDecision
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public GateVerdict Verdict { get; set; }
    public Phase FromPhase { get; set; }
    /// <summary>Null for stop: the project stays in the phase it ended in.</summary>
    public Phase? ToPhase { get; set; }
    public string Reasons { get; set; } = "";
    /// <summary>Back only: what the team will do differently.</summary>
    public string? WhatChanges { get; set; }
    public int? PhaseTransitionId { get; set; }
    public PhaseTransition? PhaseTransition { get; set; }
    public string? ByUserId { get; set; }
    public Accounts.AppUser? ByUser { get; set; }
    public DateTime At { get; set; }
}

/// <summary>A facilitator asks evaluators for advice on a proposed gate. Open until a gate is decided (then it belongs to that decision).</summary>
public sealed class GateAdviceRequest
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public GateVerdict ProposedVerdict { get; set; }
    public Phase FromPhase { get; set; }
    public Phase? ProposedPhase { get; set; }
    public string Question { get; set; } = "";
    public string? AskedByUserId { get; set; }
    public Accounts.AppUser? AskedBy { get; set; }
    public DateTime AskedAt { get; set; }
    /// <summary>Set when the facilitator decides: the request is closed and its advice shows with that decision.</summary>
    public int? GateDecisionId { get; set; }
    public GateDecision? Decision { get; set; }
    public DateTime? ClosedAt { get; set; }
    public List<GateAdvice> Advice { get; set; } = [];
    public bool IsOpen => ClosedAt is null;
}

/// <summary>One evaluator asked for advice; Recommendation and Text are filled in when the advice is given.</summary>
public sealed class GateAdvice
{
    public int Id { get; set; }
    public int RequestId { get; set; }
    public string? EvaluatorId { get; set; }
    public Accounts.AppUser? Evaluator { get; set; }
    public GateVerdict? Recommendation { get; set; }
    public string? Text { get; set; }
    public DateTime? GivenAt { get; set; }
}

public static class GateLimits
{
    public const int Reasons = ProjectLimits.Reason;
    public const int WhatChanges = 2000;
    public const int Question = 2000;
    public const int Advice = 4000;
}

/// <summary>The Dutch words (localizer keys, B1) for a gate.</summary>
public static class GateWords
{
    public static string Label(this GateVerdict verdict) => verdict switch
    {
        GateVerdict.Go => "Doorgaan",
        GateVerdict.Back => "Terug",
        GateVerdict.Stop => "Stoppen",
        _ => verdict.ToString(),
    };

    public static string Explained(this GateVerdict verdict) => verdict switch
    {
        GateVerdict.Go => "Doorgaan: door naar een volgende fase",
        GateVerdict.Back => "Terug: terug naar een eerdere fase, en zeggen wat er verandert",
        GateVerdict.Stop => "Stoppen: het project stopt en de geschiedenis blijft bewaard",
        _ => verdict.ToString(),
    };
}

/// <summary>The API names of a gate's verdict (ADR 0017): written out, never derived.</summary>
public static class GateSlugs
{
    public static readonly ApiSlugs<GateVerdict> Verdict = new(new Dictionary<GateVerdict, string>
    {
        [GateVerdict.Go] = "Go",
        [GateVerdict.Back] = "Back",
        [GateVerdict.Stop] = "Stop",
    });
}

/// <summary>The radio buttons for a verdict on a form: the field (Input.Verdict), its legend and what is chosen.</summary>
public sealed record VerdictField(string Name, string Legend, GateVerdict? Value, bool Explained = true);
