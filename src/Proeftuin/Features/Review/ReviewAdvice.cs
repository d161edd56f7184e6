using Proeftuin.Features.Gates;
using Proeftuin.Features.Projects;

namespace Proeftuin.Features.Review;

/// <summary>
/// Review advice (reviewbord, issue 13): what an evaluator or an external reviewer advises for the project's next gate.
/// Written in the project's current phase and "open" until the next gate decision, which attaches it
/// (<see cref="GateDecisionId"/>, set by Features/Gates/DecideGate in the same SaveChanges). Text is Markdown; Html is
/// rendered and sanitised once, when saved. About is optional: one of the project's learning questions.
/// </summary>
public sealed class ReviewAdvice
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    /// <summary>Null after the author's account was erased: the advice stays with the project (as GateAdvice does).</summary>
    public string? AuthorId { get; set; }
    public Accounts.AppUser? Author { get; set; }
    /// <summary>The project's phase when the advice was written: the gate it is for leaves this phase.</summary>
    public Phase Phase { get; set; }
    /// <summary>The learning question (Features/Learning) it is about, if any.</summary>
    public int? AboutQuestionId { get; set; }
    public string Text { get; set; } = "";
    public string Html { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    /// <summary>The gate decision it was attached to; null while the advice is open.</summary>
    public int? GateDecisionId { get; set; }
    public GateDecision? Decision { get; set; }

    public bool IsOpen => GateDecisionId is null && Decision is null;
}

public static class ReviewLimits
{
    /// <summary>Markdown; room for a page of advice.</summary>
    public const int Text = 4000;
}
