using Proeftuin.Features.Members;

namespace Proeftuin.Features.Feedback;

/// <summary>
/// Feedbackformulier: a short form (3–7 questions) for the test participants of one proef, answered without an account
/// through a share link (/f/{token}) or a printed one-time slip. The answers are for the team only.
/// </summary>
public sealed class FeedbackForm
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public int ExperimentId { get; set; }
    public string Title { get; set; } = "";
    public string Intro { get; set; } = "";
    /// <summary>The secret part of the share link; a new form gets a new one.</summary>
    public string ShareToken { get; set; } = "";
    public bool IsOpen { get; set; }
    /// <summary>Only people with a printed one-time slip may answer.</summary>
    public bool SlipsRequired { get; set; }
    public string? CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<FeedbackQuestion> Questions { get; set; } = [];
}

public enum FeedbackQuestionKind
{
    /// <summary>A number from 1 to 5.</summary>
    Scale = 0,
    /// <summary>One of the options.</summary>
    Choice = 1,
    /// <summary>Free text.</summary>
    Open = 2,
}

public sealed class FeedbackQuestion
{
    public int Id { get; set; }
    public int FormId { get; set; }
    public int Position { get; set; }
    public FeedbackQuestionKind Kind { get; set; }
    public string Text { get; set; } = "";
    /// <summary>Choice: the options, one per line.</summary>
    public string Options { get; set; } = "";

    public IReadOnlyList<string> OptionList => Options.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>One participant's answers. Holds no account and no name; the perspective is optional.</summary>
public sealed class FeedbackResponse
{
    public int Id { get; set; }
    public int FormId { get; set; }
    public DateTime SubmittedAt { get; set; }
    public Perspective? Perspective { get; set; }
    public int? SlipId { get; set; }
    public List<FeedbackAnswer> Answers { get; set; } = [];
}

public sealed class FeedbackAnswer
{
    public int Id { get; set; }
    public int ResponseId { get; set; }
    public int QuestionId { get; set; }
    /// <summary>Scale: 1–5. Choice: the option's index (0-based).</summary>
    public int? Number { get; set; }
    /// <summary>Open: the text.</summary>
    public string? Text { get; set; }
}

/// <summary>A printed one-time slip: its short code opens the form once.</summary>
public sealed class FeedbackSlip
{
    public int Id { get; set; }
    public int FormId { get; set; }
    public string Code { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? UsedAt { get; set; }
}

/// <summary>Bewijs uit feedback: a team member links a response to one of the proef's observations.</summary>
public sealed class FeedbackEvidence
{
    public int Id { get; set; }
    public int ResponseId { get; set; }
    public int ObservationId { get; set; }
    public string? LinkedById { get; set; }
    public DateTime LinkedAt { get; set; }
}

public static class FeedbackLimits
{
    public const int Title = 200;
    public const int Intro = 1000;
    public const int Question = 300;
    public const int Option = 100;
    public const int OptionsText = 1000;
    public const int Answer = 2000;
    public const int MinQuestions = 3;
    public const int MaxQuestions = 7;
    public const int MinOptions = 2;
    public const int MaxOptions = 8;
    public const int MaxSlipsAtOnce = 100;
    public const int SlipCodeLength = 8;
}

/// <summary>Configuration (section "Feedback").</summary>
public sealed class FeedbackOptions
{
    /// <summary>A form takes at most this many responses; a flood stops here.</summary>
    public int MaxResponsesPerForm { get; set; } = 1000;
    /// <summary>Slips a form can have in all.</summary>
    public int MaxSlipsPerForm { get; set; } = 1000;
}
