using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Sessions;

/// <summary>A participant's votes in a vote step: which notes they put a stip on, and how many they have left.</summary>
public sealed record MyVotes(int StepId, IReadOnlyDictionary<int, int> Votes, int? Left);

/// <summary>
/// Dot voting in the current vote step, on notes of this session everyone can see. The limits (votes per person, one
/// per note unless the step allows several) are checked and the vote saved in one transaction that holds a lock on the
/// voter's participant row, so two calls at the same moment (two screens, or a client sending extra votes) are counted
/// one after the other and can never pass the limit together.
/// </summary>
public sealed class CastVote(AppDbContext db, SessionAccess access, SessionEvents events, TimeProvider clock)
{
    public async Task<Outcome<MyVotes>> CastAsync(int sessionId, int noteId, CancellationToken ct = default)
    {
        var (caller, step, refused) = await StartAsync(sessionId, noteId, ct);
        if (refused is not null) return refused;
        var me = caller!.Participant!;
        var now = clock.GetUtcNow().UtcDateTime;
        var saved = await db.InTransactionAsync(async (tx, ct) =>
        {
            // One person's votes are counted and saved one at a time.
            await SessionRules.LockAsync(db, me.Id, ct);
            var (mine, left) = await MineAsync(db, step!, me.Id, ct);
            if (left <= 0) return Outcome<long>.Invalid("NoteId", "Je hebt al je stippen gebruikt. Haal eerst een stip weg als je wilt wisselen.");
            if (!step!.SeveralPerNote && mine.GetValueOrDefault(noteId) > 0)
                return Outcome<long>.Invalid("NoteId", "Je kunt maar één stip op dezelfde post-it zetten.");
            db.Votes.Add(new Vote { SessionId = sessionId, StepId = step.Id, ParticipantId = me.Id, NoteId = noteId, CreatedAt = now });
            // Vote and sequence number in the same transaction, under the same lock.
            var seq = await events.SaveAsync(sessionId, ct);
            await tx.CommitAsync(ct);
            return Outcome<long>.Ok(seq);
        }, ct);
        if (!saved.IsOk) return Outcome<MyVotes>.Invalid(saved.Errors);
        return Outcome<MyVotes>.Ok(await TellAsync(step!, me.Id, saved.Value, ct));
    }

    /// <summary>Takes one of the caller's stippen off this note.</summary>
    public async Task<Outcome<MyVotes>> RemoveAsync(int sessionId, int noteId, CancellationToken ct = default)
    {
        var (caller, step, refused) = await StartAsync(sessionId, noteId, ct);
        if (refused is not null) return refused;
        var me = caller!.Participant!;
        var vote = await db.Votes.Where(x => x.StepId == step!.Id && x.ParticipantId == me.Id && x.NoteId == noteId)
            .OrderByDescending(x => x.Id).FirstOrDefaultAsync(ct);
        if (vote is null) return Outcome<MyVotes>.Invalid("NoteId", "Je hebt geen stip op deze post-it.");
        db.Votes.Remove(vote);
        var seq = await events.SaveAsync(sessionId, ct);
        return Outcome<MyVotes>.Ok(await TellAsync(step!, me.Id, seq, ct));
    }

    /// <summary>A participant's votes in a step by note, and how many they have left.</summary>
    public static async Task<(Dictionary<int, int> Mine, int Left)> MineAsync(AppDbContext db, Step step, int participantId, CancellationToken ct)
    {
        var mine = await db.Votes.Where(x => x.StepId == step.Id && x.ParticipantId == participantId)
            .GroupBy(x => x.NoteId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return (mine, Math.Max(0, step.VotesPerPerson - mine.Values.Sum()));
    }

    /// <summary>After the commit: when the count cannot be read, the vote is still saved; Left is then unknown (null).</summary>
    private async Task<MyVotes> TellAsync(Step step, int participantId, long seq, CancellationToken ct)
    {
        var votes = new MyVotes(step.Id, new Dictionary<int, int>(), null);
        await events.TellAsync(step.SessionId, async () =>
        {
            var (mine, left) = await MineAsync(db, step, participantId, ct);
            votes = new MyVotes(step.Id, mine, left);
            await events.ToPerson(step.SessionId, participantId).VotesChanged(step.Id, mine, left, seq);
        }, ct);
        return votes;
    }

    private async Task<(SessionCaller? Caller, Step? Step, Outcome<MyVotes>? Refused)> StartAsync(int sessionId, int noteId, CancellationToken ct)
    {
        var caller = await access.ForSessionAsync(sessionId, ct);
        if (caller is null) return (null, null, Outcome<MyVotes>.NotFound());
        var note = await db.Notes.AsNoTracking().FirstOrDefaultAsync(n => n.Id == noteId && n.SessionId == sessionId, ct);
        // Only notes everyone can see take votes: a private note not yet revealed is not there to vote on.
        if (note is null || !NoteRules.IsRevealed(caller.StepById(note.StepId))) return (caller, null, Outcome<MyVotes>.NotFound());
        var refused = SessionRules.Refuse<MyVotes>(caller, "NoteId");
        if (refused is not null) return (caller, null, refused);
        var step = caller.CurrentStep;
        if (step is not { Mode: StepMode.Vote }) return (caller, null, Outcome<MyVotes>.Invalid("NoteId", "In deze stap kun je niet stemmen."));
        if (step.VotingClosed) return (caller, null, Outcome<MyVotes>.Invalid("NoteId", "Het stemmen is gesloten."));
        return (caller, step, null);
    }
}
