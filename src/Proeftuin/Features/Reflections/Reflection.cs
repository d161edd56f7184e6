using Proeftuin.Features.Members;
using Proeftuin.Features.Thread;

namespace Proeftuin.Features.Reflections;

/// <summary>
/// Reflectiemoment (lerend evalueren): an evaluator or facilitator plans it (Title, the day, Text = what it is for,
/// who takes part, which learning questions — linked "reflectie onderbouwt leervraag" on the thread), the team answers
/// its short prompts before or during it, and the evaluator writes the outcome and the advice. Lessons that come out of
/// it are linked from it (reflectie → les). Guests answer in the live session the reflection can gather in.
/// </summary>
public sealed class Reflection : ThreadItem
{
    public DateOnly HeldOn { get; set; }
    public ReflectionStatus Status { get; set; }
    /// <summary>The live session the answers are also gathered in; no foreign key on the shared Items table.</summary>
    public int? SessionId { get; set; }
    /// <summary>What the team learned (Markdown) and its HTML, rendered once; required to close the reflection.</summary>
    public string Outcome { get; set; } = "";
    public string OutcomeHtml { get; set; } = "";
    /// <summary>The evaluator's advice for the team (Markdown, optional) and its HTML.</summary>
    public string Advice { get; set; } = "";
    public string AdviceHtml { get; set; } = "";
    public DateTime? ClosedAt { get; set; }
    public List<ReflectionPrompt> Prompts { get; set; } = [];
    public List<ReflectionParticipant> Participants { get; set; } = [];
}

public enum ReflectionStatus
{
    /// <summary>Planned: the team answers the prompts.</summary>
    Planned = 0,
    /// <summary>The outcome is written; answers are closed.</summary>
    Done = 1,
}

/// <summary>One short question of a reflection ("Wat verraste ons?"); StepId is the live-session step that gathers it.</summary>
public sealed class ReflectionPrompt
{
    public int Id { get; set; }
    public int ReflectionId { get; set; }
    public int Position { get; set; }
    public string Text { get; set; } = "";
    public int? StepId { get; set; }

    /// <summary>Prompts for these texts, numbered in order.</summary>
    public static List<ReflectionPrompt> InOrder(IEnumerable<string> texts) => [.. texts.Select((text, i) => new ReflectionPrompt { Position = i, Text = text })];
}

/// <summary>A team member's answer to one prompt, with the perspective they bring to the project; one per person per prompt.</summary>
public sealed class ReflectionAnswer
{
    public int Id { get; set; }
    public int ReflectionId { get; set; }
    public int PromptId { get; set; }
    /// <summary>Null when the account is gone: the answer stays with the team, without a name.</summary>
    public string? UserId { get; set; }
    public Perspective Perspective { get; set; }
    public string Text { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>Someone of the team invited to the reflection.</summary>
public sealed class ReflectionParticipant
{
    public int ReflectionId { get; set; }
    public string UserId { get; set; } = "";
}

public static class ReflectionLimits
{
    /// <summary>A prompt becomes a live-session step title when the answers are gathered there.</summary>
    public const int Prompt = Sessions.SessionLimits.StepTitle;
    public const int MaxPrompts = 5;
    public const int Answer = 2000;
    public const int Outcome = 5000;
    public const int Advice = 5000;
    public const int MaxParticipants = 50;
    public const int MaxQuestions = 20;

    /// <summary>The three prompts of reflexive monitoring a new reflection starts with; the planner may change them.</summary>
    public static readonly IReadOnlyList<string> DefaultPrompts = ["Wat gebeurde er?", "Wat verraste ons?", "Wat doen we anders?"];
}
