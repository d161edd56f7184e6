using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Sessions;

/// <summary>
/// Post-its: participants add, edit and delete their own notes in write and share steps; the facilitator may delete any
/// note (moderation). Notes of a private step go only to their writer until the step is revealed; everyone is told how
/// many there are. Flooding stops in the database count, so it holds for page, API and hub on every node.
/// </summary>
public sealed class WriteNote(AppDbContext db, SessionAccess access, SessionEvents events, TimeProvider clock)
{
    /// <summary>Notes one participant may add within a minute.</summary>
    public const int PerMinute = 20;

    public async Task<Outcome<NoteView>> AddAsync(int sessionId, string? text, CancellationToken ct = default)
    {
        var caller = await access.ForSessionAsync(sessionId, ct);
        if (caller is null) return Outcome<NoteView>.NotFound();
        var refused = SessionRules.Refuse<NoteView>(caller, "Text");
        if (refused is not null) return refused;
        var me = caller.Participant!;
        var step = caller.CurrentStep;
        if (step is not { Mode: StepMode.Write or StepMode.Share })
            return Outcome<NoteView>.Invalid("Text", "In deze stap kun je geen post-its schrijven.");
        var v = new Validation();
        var clean = v.Text("Text", text, SessionLimits.Note, label: "je post-it");
        if (!v.IsValid) return v;

        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddMinutes(-1);
        long seq = 0;
        Note note = null!;
        var refusal = await db.InTransactionAsync(async (tx, ct) =>
        {
            // Counted and saved under the participant's lock, so parallel screens cannot slip past the limits together.
            await SessionRules.LockAsync(db, me.Id, ct);
            if (await db.Notes.CountAsync(n => n.SessionId == sessionId && n.ParticipantId == me.Id && n.CreatedAt > since, ct) >= PerMinute)
                return Outcome<NoteView>.Invalid("Text", "Je plaatst veel post-its kort na elkaar. Wacht een minuut en probeer het dan opnieuw.");
            if (await db.Notes.CountAsync(n => n.SessionId == sessionId && n.ParticipantId == me.Id, ct) >= SessionLimits.NotesPerParticipant)
                return Outcome<NoteView>.Invalid("Text", "Je hebt het grootste aantal post-its voor deze sessie bereikt ({0}).", SessionLimits.NotesPerParticipant);
            note = new Note { SessionId = sessionId, StepId = step.Id, ParticipantId = me.Id, Text = clean, CreatedAt = now };
            db.Notes.Add(note);
            seq = await events.SaveAsync(sessionId, ct);
            await tx.CommitAsync(ct);
            return null;
        }, ct);
        if (refusal is not null) return refusal;
        var view = NoteRules.ForWriter(NoteRules.View(note, me, step, mine: true), caller, me);
        await events.TellAsync(sessionId, () => NoteNews.SavedAsync(db, events, sessionId, view, me.Id, step, seq, added: true, ct), ct);
        return Outcome<NoteView>.Ok(view);
    }

    public async Task<Outcome<NoteView>> EditAsync(int sessionId, int noteId, string? text, CancellationToken ct = default)
    {
        var caller = await access.ForSessionAsync(sessionId, ct);
        if (caller is null) return Outcome<NoteView>.NotFound();
        var note = await db.Notes.Include(n => n.Participant).FirstOrDefaultAsync(n => n.Id == noteId && n.SessionId == sessionId, ct);
        if (note is null || !NoteNews.CanSee(caller, note)) return Outcome<NoteView>.NotFound();
        var refused = SessionRules.Refuse<NoteView>(caller, "Text");
        if (refused is not null) return refused;
        if (note.ParticipantId != caller.Participant!.Id) return Outcome<NoteView>.Forbidden();
        if (caller.CurrentStep is not { Mode: StepMode.Write or StepMode.Share })
            return Outcome<NoteView>.Invalid("Text", "In deze stap kun je je post-its niet meer veranderen.");
        var v = new Validation();
        var clean = v.Text("Text", text, SessionLimits.Note, label: "je post-it");
        if (!v.IsValid) return v;

        note.Text = clean;
        note.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        long seq;
        try
        {
            seq = await events.SaveAsync(sessionId, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Deleted on another screen meanwhile.
            return Outcome<NoteView>.NotFound();
        }
        var step = caller.StepById(note.StepId);
        var view = NoteRules.ForWriter(NoteRules.View(note, note.Participant, step, mine: true), caller, note.Participant);
        await events.TellAsync(sessionId, () => NoteNews.SavedAsync(db, events, sessionId, view, note.ParticipantId, step, seq, added: false, ct), ct);
        return Outcome<NoteView>.Ok(view);
    }

    /// <summary>The writer in a write or share step, or the facilitator at any time the session is not closed.</summary>
    public async Task<Outcome<int>> DeleteAsync(int sessionId, int noteId, CancellationToken ct = default)
    {
        var caller = await access.ForSessionAsync(sessionId, ct);
        if (caller is null) return Outcome<int>.NotFound();
        var note = await db.Notes.FirstOrDefaultAsync(n => n.Id == noteId && n.SessionId == sessionId, ct);
        if (note is null || !NoteNews.CanSee(caller, note)) return Outcome<int>.NotFound();
        if (caller.IsClosed) return Outcome<int>.Invalid("Text", SessionRules.ClosedMessage);
        var own = caller.IsWriterOf(note.ParticipantId);
        if (!caller.CanWithdraw(note))
        {
            // Refused by the named rule; the messages below say why.
            var refused = SessionRules.Refuse<int>(caller, "Text");
            if (refused is not null) return refused;
            if (!own) return Outcome<int>.Forbidden();
            if (caller.CurrentStep is not { Mode: StepMode.Write or StepMode.Share })
                return Outcome<int>.Invalid("Text", "In deze stap kun je je post-its niet meer veranderen.");
        }

        // Votes on the note go with it (cascade); tell those voters what they have left.
        var voters = await db.Votes.Where(x => x.NoteId == noteId).Select(x => new { x.ParticipantId, x.StepId }).Distinct().ToListAsync(ct);
        db.Notes.Remove(note);
        long seq;
        try
        {
            seq = await events.SaveAsync(sessionId, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A double click, or two screens: the first one deleted it.
            return Outcome<int>.NotFound();
        }
        await events.TellAsync(sessionId, async () =>
        {
            var step = caller.StepById(note.StepId);
            if (NoteRules.IsRevealed(step))
            {
                await events.ToAll(sessionId).NoteDeleted(note.Id, seq);
            }
            else
            {
                await events.ToPerson(sessionId, note.ParticipantId).NoteDeleted(note.Id, seq);
                await events.ToAll(sessionId).PrivateNotesCounted(note.StepId, await db.Notes.CountAsync(n => n.StepId == note.StepId, ct), seq);
            }
            foreach (var voter in voters)
            {
                var votesStep = caller.StepById(voter.StepId);
                if (votesStep is null) continue;
                var (mine, left) = await CastVote.MineAsync(db, votesStep, voter.ParticipantId, ct);
                await events.ToPerson(sessionId, voter.ParticipantId).VotesChanged(votesStep.Id, mine, left, seq);
            }
        }, ct);
        return Outcome<int>.Ok(note.Id);
    }
}

/// <summary>The checks every participant action starts with, and their messages.</summary>
internal static class SessionRules
{
    public const string ClosedMessage = "De sessie is afgelopen. Je kunt niets meer veranderen.";
    public const string NotStartedMessage = "De sessie is nog niet begonnen. Wacht tot de begeleider start.";

    /// <summary>
    /// Takes the participant's lock until the transaction ends: a no-op update locks their row (PostgreSQL) or the
    /// database (SQLite), so their next action waits and then counts this one.
    /// </summary>
    public static Task LockAsync(Data.AppDbContext db, int participantId, CancellationToken ct) =>
        db.Participants.Where(p => p.Id == participantId).ExecuteUpdateAsync(u => u.SetProperty(p => p.DoneStepId, p => p.DoneStepId), ct);

    /// <summary>Null when a participant may act now; else the refusal (closed, not started, not a participant).</summary>
    public static Outcome<T>? Refuse<T>(SessionCaller caller, string field)
    {
        if (caller.IsClosed) return Outcome<T>.Invalid(field, ClosedMessage);
        if (!caller.IsParticipant) return Outcome<T>.Forbidden();
        if (!caller.IsRunning) return Outcome<T>.Invalid(field, NotStartedMessage);
        return null;
    }
}

/// <summary>How a saved note is shown and who is told about it (private steps: only the writer; NoteRules decides).</summary>
internal static class NoteNews
{
    /// <summary>Ids from a client are not trusted: a hidden note of someone else is as good as absent.</summary>
    public static bool CanSee(SessionCaller caller, Note note) =>
        (caller.Participant is { } me && note.ParticipantId == me.Id) || NoteRules.IsRevealed(caller.StepById(note.StepId));

    /// <summary>
    /// Visible notes go to everyone (Mine false) and then once more to the writer's screens (Mine true; a screen keeps
    /// Mine once set). Private notes go only to the writer, and everyone gets the step's count.
    /// </summary>
    public static async Task SavedAsync(AppDbContext db, SessionEvents events, int sessionId, NoteView view, int writerId, Step? step, long seq, bool added, CancellationToken ct)
    {
        var writer = events.ToPerson(sessionId, writerId);
        if (NoteRules.IsRevealed(step))
        {
            var all = events.ToAll(sessionId);
            var others = view with { Mine = false, CanEdit = false, CanWithdraw = false };
            if (added) await all.NoteAdded(others, seq); else await all.NoteChanged(others, seq);
        }
        if (added) await writer.NoteAdded(view, seq); else await writer.NoteChanged(view, seq);
        if (added && !NoteRules.IsRevealed(step))
            await events.ToAll(sessionId).PrivateNotesCounted(view.StepId, await db.Notes.CountAsync(n => n.StepId == view.StepId, ct), seq);
    }
}
