using Proeftuin.Features.Members;

namespace Proeftuin.Features.Sessions;

/// <summary>
/// A session as one caller may see it: the same shape for the page, the API, the hub's first answer and a
/// reconnecting screen. Private notes of others are left out (only counted); anonymised notes carry no author.
/// MyVotes: the caller's votes in the current vote step, by note. Participants: names, for facilitators only.
/// Removals: people the facilitator took out (names for facilitators only); they count nowhere else.
/// </summary>
public sealed record SessionView(
    int Id,
    int ProjectId,
    string Title,
    SessionState State,
    long Sequence,
    string? Focus,
    string JoinCode,
    DateTime ServerNow,
    int? CurrentStepId,
    IReadOnlyList<QuestionView> Questions,
    IReadOnlyList<StepView> Steps,
    MeView Me,
    IReadOnlyList<NoteView> Notes,
    int HiddenNotes,
    IReadOnlyList<ClusterView> Clusters,
    Participation Participation,
    IReadOnlyDictionary<int, int> MyVotes,
    int VotesLeft,
    IReadOnlyList<ParticipantView>? Participants,
    DateOnly? PlannedDate = null,
    TimeOnly? PlannedTime = null,
    string? Place = null,
    JoiningRule Joining = JoiningRule.Open,
    bool JoiningClosed = false,
    IReadOnlyList<RemovalView>? Removals = null);

public sealed record QuestionView(int Id, string Title);

public sealed record StepView(
    int Id, int Position, WorkForm Form, StepMode Mode, string Title, string Instruction, int Minutes,
    bool Private, bool Anonymous, bool Revealed, int VotesPerPerson, bool SeveralPerNote, bool VotingClosed,
    DateTime? StartedAt, DateTime? EndsAt, int? PausedSecondsLeft)
{
    public static StepView From(Step s) => new(s.Id, s.Position, s.Form, s.Mode, s.Title, s.Instruction, s.Minutes,
        s.Private, s.Anonymous, s.Revealed, s.VotesPerPerson, s.SeveralPerNote, s.VotingClosed, s.StartedAt, s.EndsAt, s.PausedSecondsLeft);
}

/// <summary>
/// Who the caller is here and what they may do now: the named rules of <see cref="SessionCaller"/>, computed on the
/// server, so the page and session-notes.js show the same actions without re-combining roles, states and step modes.
/// </summary>
public sealed record MeView(int? ParticipantId, string? DisplayName, Perspective? Perspective, bool IsGuest, bool IsFacilitator, bool CanAct, bool Done,
    bool CanWrite = false, bool CanCluster = false, bool CanModerate = false, bool CanVote = false, bool CanMakeIdea = false, bool CanSeeJoinCode = false);

/// <summary>
/// A note; Author and AuthorPerspective are null when revealed anonymously (and Mine tells the writer it is theirs).
/// CanEdit and CanWithdraw: <see cref="SessionCaller.CanEdit(int)"/> and <see cref="SessionCaller.CanWithdraw(int)"/> for
/// whoever receives it (in the state: the caller; in an event: the writer's own copy). A copy for everyone carries false:
/// there the moderator's right is <see cref="MeView.CanModerate"/>.
/// </summary>
public sealed record NoteView(int Id, int StepId, string Text, int? ClusterId, string? Author, Perspective? AuthorPerspective, bool Mine, int? IdeaId, DateTime CreatedAt,
    bool CanEdit = false, bool CanWithdraw = false);

public sealed record ClusterView(int Id, string Name, int Position, int? IdeaId);

public sealed record Participation(int Total, int Done, IReadOnlyDictionary<Perspective, int> ByPerspective);

/// <summary>JoinedAt and WasPerspective (the perspective first declared, when it was changed) for the facilitator's list.</summary>
public sealed record ParticipantView(int Id, string DisplayName, Perspective Perspective, bool IsGuest, bool Done, DateTime JoinedAt, Perspective? WasPerspective = null);

/// <summary>The "Deze sessie is afgelopen" banner; the summary itself links nowhere else.</summary>
public sealed record ClosedBanner(int SessionId, bool LinkToSummary = true);
