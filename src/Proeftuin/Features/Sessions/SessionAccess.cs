using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Sessions;

/// <summary>
/// Who is asking about a session and what they may do. All session rules live here, so pages, API and hub
/// enforce the same things. Session is tracked and has its Steps loaded.
/// </summary>
public sealed record SessionCaller(LiveSession Session, ProjectPermissions? Project, Participant? Participant)
{
    public int SessionId => Session.Id;
    /// <summary>The project's facilitators (and admins, for moderation) run sessions.</summary>
    public bool IsFacilitator => Project?.CanManage == true;
    public bool IsParticipant => Participant is not null;
    public bool IsGuest => Participant?.IsGuest == true;
    /// <summary>
    /// Facilitators, participants and project members (observers watch) see the session. Being able to read an
    /// open project is not enough: residents' notes are for the people in the room.
    /// </summary>
    public bool CanView => IsFacilitator || IsParticipant || Project?.IsMember == true;
    public bool IsClosed => Session.State == SessionState.Closed;
    public bool IsRunning => Session.State == SessionState.Running;
    /// <summary>Participants write, cluster, vote and say "klaar" only while the session runs.</summary>
    public bool CanAct => IsParticipant && IsRunning;
    public Step? CurrentStep => Session.Steps.FirstOrDefault(s => s.Id == Session.CurrentStepId);
    public Step? StepById(int id) => Session.Steps.FirstOrDefault(s => s.Id == id);

    // Named rules: the use cases refuse by them, and the page, the API's state and the JS (through MeView and the
    // per-note flags) show exactly what they allow. Nothing else re-combines roles, states and step modes.

    /// <summary>Runs the session: start, steps, timer, reveal, summon, close.</summary>
    public bool CanFacilitate => IsFacilitator;
    /// <summary>Those in the room get the join code to pass on; members watching do not need it.</summary>
    public bool CanSeeJoinCode => IsFacilitator || IsParticipant;
    /// <summary>The code is put on the page (to say out loud) for the facilitator while the session is open.</summary>
    public bool CanShowJoinCode => IsFacilitator && !IsClosed;
    /// <summary>Write post-its: participants in a write or share step of a running session.</summary>
    public bool CanWrite => CanAct && CurrentStep is { Mode: StepMode.Write or StepMode.Share };
    /// <summary>Make clusters and move notes: the facilitator while the session is open, participants in a cluster step.</summary>
    public bool CanCluster => !IsClosed && (IsFacilitator || (CanAct && CurrentStep is { Mode: StepMode.Cluster }));
    /// <summary>Delete anyone's post-it and merge clusters: the facilitator while the session is open.</summary>
    public bool CanModerate => IsFacilitator && !IsClosed;
    /// <summary>Put stippen: participants in a vote step whose vote is still open.</summary>
    public bool CanVote => CanAct && CurrentStep is { Mode: StepMode.Vote, VotingClosed: false };
    /// <summary>Make ideas of notes and clusters: the facilitator, once the session has started (also after it closed).</summary>
    public bool CanMakeIdea => IsFacilitator && Session.State != SessionState.Planned;

    public bool IsWriterOf(int writerParticipantId) => Participant is { } me && me.Id == writerParticipantId;
    /// <summary>Change the text of a post-it: its writer, while they may write.</summary>
    public bool CanEdit(int writerParticipantId) => IsWriterOf(writerParticipantId) && CanWrite;
    /// <summary>Take a post-it away: its writer while they may write, or the facilitator (moderation) while the session is open.</summary>
    public bool CanWithdraw(int writerParticipantId) => CanEdit(writerParticipantId) || CanModerate;
    public bool CanEdit(Note note) => CanEdit(note.ParticipantId);
    public bool CanWithdraw(Note note) => CanWithdraw(note.ParticipantId);

    /// <summary>The caller's seat when the facilitator took them out (then <see cref="Participant"/> is null: they are in no more).</summary>
    public Participant? Removed { get; init; }
    /// <summary>Remove participants and close joining: the facilitator while the session is open.</summary>
    public bool CanManageParticipants => IsFacilitator && !IsClosed;
    /// <summary>No new people: closed by hand, or a vote step has started under "from the vote on".</summary>
    public bool IsJoiningClosed => ParticipantRules.IsJoiningClosed(Session);
    /// <summary>Change the declared perspective: a participant of an open session, until the first vote step has started.</summary>
    public bool CanChangePerspective => IsParticipant && !IsClosed && !ParticipantRules.VoteHasStarted(Session);
}

public sealed class SessionAccess(AppDbContext db, ProjectAccess access, Caller user)
{
    private readonly Dictionary<int, SessionCaller?> known = [];

    /// <summary>
    /// The caller in this session; null when the session does not exist or the caller may not see it
    /// (both answer 404, so existence does not leak).
    /// </summary>
    public async Task<SessionCaller?> ForSessionAsync(int sessionId, CancellationToken ct = default)
    {
        var caller = await LoadAsync(sessionId, ct);
        return caller is { CanView: true } ? caller : null;
    }

    /// <summary>The caller even when they may not see the session yet (the join page needs the session itself).</summary>
    public async Task<SessionCaller?> LoadAsync(int sessionId, CancellationToken ct = default)
    {
        if (known.TryGetValue(sessionId, out var cached)) return cached;
        var session = await db.Sessions.Include(s => s.Steps.OrderBy(x => x.Position)).FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        SessionCaller? caller = null;
        if (session is not null)
        {
            var project = await access.ForProjectAsync(session.ProjectId, ct);
            var seat = await FindParticipantAsync(sessionId, ct);
            // A removed seat is no seat: every rule that asks for a participant says no, without each use case checking.
            caller = seat is { RemovedAt: not null }
                ? new SessionCaller(session, project, null) { Removed = seat }
                : new SessionCaller(session, project, seat);
        }
        known[sessionId] = caller;
        return caller;
    }

    /// <summary>Whether the caller was taken out of this session by the facilitator (after a load in this scope).</summary>
    public bool IsRemovedFrom(int sessionId) => known.GetValueOrDefault(sessionId)?.Removed is not null;

    /// <summary>Whether any session read in this scope (one request or hub call) had the caller taken out.</summary>
    public bool WasRemoved => known.Values.Any(c => c?.Removed is not null);

    /// <summary>Forget what was read, after joining within this request.</summary>
    public void Forget(int sessionId) => known.Remove(sessionId);

    private async Task<Participant?> FindParticipantAsync(int sessionId, CancellationToken ct)
    {
        if (user.Id is { } userId)
        {
            var member = await db.Participants.FirstOrDefaultAsync(p => p.SessionId == sessionId && p.UserId == userId, ct);
            if (member is not null) return member;
        }
        // Only the key for this very session: a cookie of session A is not looked at in session B.
        if (user.GuestKeyFor(sessionId) is not { } key) return null;
        var hash = Tokens.Hash(key);
        return await db.Participants.FirstOrDefaultAsync(p => p.SessionId == sessionId && p.GuestKeyHash == hash, ct);
    }
}
