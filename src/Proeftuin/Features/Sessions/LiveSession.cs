using Proeftuin.Features.Members;
using Proeftuin.Features.Projects;

namespace Proeftuin.Features.Sessions;

/// <summary>
/// Sessie: a facilitated, real-time brainstorm bound to a project's "Hoe kunnen we …?"-questions.
/// All state lives in the database; the hub only tells connected screens what was saved.
/// </summary>
public sealed class LiveSession
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public Project Project { get; set; } = null!;
    public string Title { get; set; } = "";
    public SessionState State { get; set; }
    /// <summary>Short code (unambiguous characters) a guest types to join; unique, useless once the session is closed.</summary>
    public string JoinCode { get; set; } = "";
    public int? CurrentStepId { get; set; }
    /// <summary>Raised by one on every saved change; a reconnecting screen asks for the state since the number it saw last.</summary>
    public long Sequence { get; set; }
    /// <summary>"Iedereen naar mij": the part of the session page the facilitator brought everyone to (null: none).</summary>
    public string? Focus { get; set; }
    public string? CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    /// <summary>When and where the session is planned (optional): a calendar day and clock time in Dutch local time, as people say it.</summary>
    public DateOnly? PlannedDate { get; set; }
    public TimeOnly? PlannedTime { get; set; }
    public string? Place { get; set; }
    public List<Step> Steps { get; set; } = [];
    public List<SessionQuestion> Questions { get; set; } = [];

    /// <summary>The project's phase when the session started: its post-its and stippen count in that phase's knowledge balance.</summary>
    public Phase? Phase { get; set; }
    /// <summary>Whether new people may still join (<see cref="JoiningRule"/>); those already in always come back.</summary>
    public JoiningRule Joining { get; set; }
    /// <summary>When the facilitator set the current rule on the lead page (null: never changed).</summary>
    public DateTime? JoiningChangedAt { get; set; }
    /// <summary>What a perspective with fewer than <see cref="MinVoters"/> voters weighs in the balanced tally; fixed once a vote step started.</summary>
    public SmallGroupRule SmallGroupRule { get; set; }
    public int MinVoters { get; set; } = TallyRule.DefaultMinVoters;

    public TallyRule TallyRule => new(SmallGroupRule, MinVoters);
}

public enum SessionState
{
    /// <summary>Being prepared: the facilitator edits steps; participants may already join and wait.</summary>
    Planned = 0,
    Running = 1,
    /// <summary>Closed sessions accept nothing; the summary stays.</summary>
    Closed = 2,
}

/// <summary>A question the session works on.</summary>
public sealed class SessionQuestion
{
    public int SessionId { get; set; }
    public int QuestionId { get; set; }
    public Thread.Question Question { get; set; } = null!;
}

/// <summary>One step of a session, built from a werkvorm: its mode decides what participants may do.</summary>
public sealed class Step
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public int Position { get; set; }
    public WorkForm Form { get; set; }
    public StepMode Mode { get; set; }
    public string Title { get; set; } = "";
    public string Instruction { get; set; } = "";
    /// <summary>Timebox in minutes; 0 means no timer.</summary>
    public int Minutes { get; set; }
    /// <summary>Private mode (write steps): everyone sees only their own notes until the facilitator reveals them.</summary>
    public bool Private { get; set; }
    /// <summary>Reveal without names.</summary>
    public bool Anonymous { get; set; }
    public bool Revealed { get; set; }
    /// <summary>Vote steps: stippen per person.</summary>
    public int VotesPerPerson { get; set; }
    /// <summary>Vote steps: whether one note may take more than one of a person's votes.</summary>
    public bool SeveralPerNote { get; set; }
    /// <summary>Vote steps: results are hidden until the facilitator closes the vote.</summary>
    public bool VotingClosed { get; set; }
    public DateTime? StartedAt { get; set; }
    /// <summary>Server time the timer runs out; null when stopped or not started.</summary>
    public DateTime? EndsAt { get; set; }
    /// <summary>Seconds left while the timer is paused.</summary>
    public int? PausedSecondsLeft { get; set; }
}

public enum StepMode
{
    Write = 0,
    Share = 1,
    Cluster = 2,
    Vote = 3,
    Discuss = 4,
}

/// <summary>Werkvormen: templates with our own Dutch instructions (see <c>WorkForms</c>).</summary>
public enum WorkForm
{
    SilentWriting = 0,
    Brainwriting635 = 1,
    CrazyEights = 2,
    Sharing = 3,
    Clustering = 4,
    DotVoting = 5,
    DiscussChoose = 6,
}

/// <summary>Someone in a session: a signed-in person (member or not) or a guest who joined by code.</summary>
public sealed class Participant
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public string? UserId { get; set; }
    /// <summary>Guests: hash of the key in their session cookie.</summary>
    public string? GuestKeyHash { get; set; }
    public string DisplayName { get; set; } = "";
    public Perspective Perspective { get; set; }
    public DateTime JoinedAt { get; set; }
    /// <summary>"Klaar" was pressed during this step.</summary>
    public int? DoneStepId { get; set; }
    public bool IsGuest => UserId is null;
    /// <summary>The facilitator took this person out: their notes stay, they count and act no more, and they cannot join again.</summary>
    public DateTime? RemovedAt { get; set; }
    /// <summary>Guests: hash of the browser-wide key (cookie <c>pt_browser</c>), so a browser that lost the session cookie gets this seat back.</summary>
    public string? BrowserKeyHash { get; set; }
}

/// <summary>Post-it.</summary>
public sealed class Note
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    /// <summary>The step it was written in: that step's private mode decides who sees it.</summary>
    public int StepId { get; set; }
    public int ParticipantId { get; set; }
    public Participant Participant { get; set; } = null!;
    public string Text { get; set; } = "";
    public int? ClusterId { get; set; }
    /// <summary>The idea this note became, if any.</summary>
    public int? IdeaId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? UpdatedAt { get; set; }
}

public sealed class Cluster
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public string Name { get; set; } = "";
    public int Position { get; set; }
    /// <summary>The idea this cluster became, if any.</summary>
    public int? IdeaId { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>Stip: one of a participant's votes in a vote step, on a note.</summary>
public sealed class Vote
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public int StepId { get; set; }
    public int ParticipantId { get; set; }
    public int NoteId { get; set; }
    public DateTime CreatedAt { get; set; }
}

public static class SessionLimits
{
    public const int Title = 200;
    public const int StepTitle = 200;
    public const int Instruction = 2000;
    public const int Note = 500;
    public const int ClusterName = 100;
    public const int DisplayName = 60;
    public const int MaxMinutes = 240;
    public const int MaxVotes = 20;
    public const int MaxSteps = 30;
    public const int JoinCodeLength = 6;
    public const int Focus = 40;
    public const int Place = 200;
    /// <summary>Clusters per session: each one is a heading on every screen.</summary>
    public const int MaxClusters = 100;
    /// <summary>Hub calls per connection per ten seconds; a person clicking fast stays far below it.</summary>
    public const int HubCallsPerTenSeconds = 50;
    /// <summary>Notes per participant per session: a flood stops here.</summary>
    public const int NotesPerParticipant = 200;
}
