using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Sessions;

public enum TimerAction
{
    Start = 0,
    Pause = 1,
    Resume = 2,
    AddMinute = 3,
    Stop = 4,
}

/// <summary>
/// Leading a session: start, move through the steps, the timer, reveal private notes, close a vote, "Iedereen naar mij"
/// and close. Only the project's facilitators; a closed session refuses everything. Each change is saved first and then
/// told to every screen with the new sequence number.
/// </summary>
public sealed class RunSession(AppDbContext db, SessionAccess access, SessionEvents events, TimeProvider clock)
{
    /// <summary>The parts of the session page someone can be brought to (ids on the page).</summary>
    public static readonly IReadOnlyList<string> FocusTargets = ["stap", "post-its", "clusters", "stemmen", "ideeen"];

    public async Task<Outcome<int>> StartAsync(int sessionId, CancellationToken ct = default)
    {
        var found = await LeaderAsync(sessionId, ct);
        if (!found.IsOk) return found;
        var caller = Caller!;
        var session = caller.Session;
        if (session.State != SessionState.Planned) return Outcome<int>.Invalid("Session", "De sessie is al begonnen.");
        var first = session.Steps.OrderBy(s => s.Position).FirstOrDefault();
        if (first is null) return Outcome<int>.Invalid("Session", "Voeg eerst een stap toe. Daarna kun je de sessie starten.");
        var now = Now;
        session.State = SessionState.Running;
        session.StartedAt = now;
        session.Phase = await db.Projects.Where(p => p.Id == session.ProjectId).Select(p => p.Phase).FirstAsync(ct);
        Enter(session, first, now);
        var seq = await events.SaveAsync(sessionId, ct);
        await events.TellAsync(sessionId, async () =>
        {
            await events.ToAll(sessionId).SessionChanged(seq);
            await events.ToAll(sessionId).StepStarted(StepView.From(first), now, seq);
        }, ct);
        return Outcome<int>.Ok(first.Id);
    }

    /// <summary>Everyone moves to this step; its timer starts from its full time.</summary>
    public async Task<Outcome<int>> GoToStepAsync(int sessionId, int stepId, CancellationToken ct = default)
    {
        var found = await LeaderAsync(sessionId, ct);
        if (!found.IsOk) return found;
        var caller = Caller!;
        var step = caller.StepById(stepId);
        if (step is null) return Outcome<int>.NotFound();
        if (!caller.IsRunning) return Outcome<int>.Invalid("Session", "Start eerst de sessie.");
        var now = Now;
        Enter(caller.Session, step, now);
        var seq = await events.SaveAsync(sessionId, ct);
        await events.TellAsync(sessionId, async () =>
        {
            await events.ToAll(sessionId).StepStarted(StepView.From(step), now, seq);
            // "Klaar" counts per step: the new step starts at zero.
            await events.ToAll(sessionId).ParticipationChanged(await events.ParticipationAsync(sessionId, step.Id, ct), seq);
        }, ct);
        return Outcome<int>.Ok(step.Id);
    }

    /// <summary>The step before (-1) or after (+1) the current one.</summary>
    public async Task<Outcome<int>> StepByAsync(int sessionId, int direction, CancellationToken ct = default)
    {
        var found = await LeaderAsync(sessionId, ct);
        if (!found.IsOk) return found;
        var caller = Caller!;
        if (!caller.IsRunning) return Outcome<int>.Invalid("Session", "Start eerst de sessie.");
        var ordered = caller.Session.Steps.OrderBy(s => s.Position).ToList();
        var index = caller.CurrentStep is { } current ? ordered.IndexOf(current) : -1;
        var target = index + Math.Sign(direction);
        if (target < 0 || target >= ordered.Count)
            return Outcome<int>.Invalid("Step", direction > 0 ? "Dit is de laatste stap." : "Dit is de eerste stap.");
        return await GoToStepAsync(sessionId, ordered[target].Id, ct);
    }

    public async Task<Outcome<int>> ChangeTimerAsync(int sessionId, int stepId, TimerAction action, CancellationToken ct = default)
    {
        var found = await LeaderAsync(sessionId, ct);
        if (!found.IsOk) return found;
        var caller = Caller!;
        var step = caller.StepById(stepId);
        if (step is null) return Outcome<int>.NotFound();
        if (!caller.IsRunning || caller.CurrentStep?.Id != step.Id)
            return Outcome<int>.Invalid("Timer", "De klok hoort bij de stap van nu. Ga eerst naar deze stap.");
        var now = Now;
        switch (action)
        {
            case TimerAction.Start:
                if (step.Minutes <= 0) return Outcome<int>.Invalid("Timer", "Deze stap heeft geen tijd. Geef de stap eerst minuten.");
                step.EndsAt = now.AddMinutes(step.Minutes);
                step.PausedSecondsLeft = null;
                break;
            case TimerAction.Pause:
                if (step.EndsAt is not { } ends) return Outcome<int>.Invalid("Timer", "De klok loopt niet.");
                step.PausedSecondsLeft = (int)Math.Max(0, Math.Ceiling((ends - now).TotalSeconds));
                step.EndsAt = null;
                break;
            case TimerAction.Resume:
                if (step.PausedSecondsLeft is not { } left) return Outcome<int>.Invalid("Timer", "De klok staat niet op pauze.");
                step.EndsAt = now.AddSeconds(left);
                step.PausedSecondsLeft = null;
                break;
            case TimerAction.AddMinute:
                if (step.PausedSecondsLeft is { } paused) step.PausedSecondsLeft = paused + 60;
                else step.EndsAt = (step.EndsAt is { } e && e > now ? e : now).AddMinutes(1);
                break;
            case TimerAction.Stop:
                step.EndsAt = null;
                step.PausedSecondsLeft = null;
                break;
            default:
                return Outcome<int>.Invalid("Timer", "Deze knop voor de klok kennen we niet.");
        }
        var seq = await events.SaveAsync(sessionId, ct);
        await events.TellAsync(sessionId, () => events.ToAll(sessionId).TimerChanged(StepView.From(step), now, seq), ct);
        return Outcome<int>.Ok(step.Id);
    }

    /// <summary>Private notes of a step become visible to all (without names when the step is anonymous).</summary>
    public async Task<Outcome<int>> RevealAsync(int sessionId, int stepId, CancellationToken ct = default)
    {
        var found = await LeaderAsync(sessionId, ct);
        if (!found.IsOk) return found;
        var step = Caller!.StepById(stepId);
        if (step is null) return Outcome<int>.NotFound();
        if (!step.Private) return Outcome<int>.Invalid("Step", "In deze stap ziet iedereen de post-its al.");
        if (step.Revealed) return Outcome<int>.Ok(step.Id);
        step.Revealed = true;
        var seq = await events.SaveAsync(sessionId, ct);
        await events.TellAsync(sessionId, async () =>
        {
            // Mine is false for everyone here: a writer's screen already knows its own notes by id.
            var notes = await db.Notes.AsNoTracking().Where(n => n.SessionId == sessionId && n.StepId == step.Id)
                .OrderBy(n => n.CreatedAt).ThenBy(n => n.Id)
                .Select(n => new { n.Id, n.StepId, n.Text, n.ClusterId, n.IdeaId, n.CreatedAt, n.Participant.DisplayName, n.Participant.Perspective })
                .ToListAsync(ct);
            var views = notes.Select(n => NoteRules.View(n.Id, n.StepId, n.Text, n.ClusterId, n.IdeaId, n.CreatedAt, n.DisplayName, n.Perspective, step, mine: false)).ToList();
            await events.ToAll(sessionId).NotesRevealed(step.Id, views, seq);
        }, ct);
        return Outcome<int>.Ok(step.Id);
    }

    /// <summary>Ends a vote step's voting: from now on everyone sees the results.</summary>
    public async Task<Outcome<int>> CloseVotingAsync(int sessionId, int stepId, CancellationToken ct = default)
    {
        var found = await LeaderAsync(sessionId, ct);
        if (!found.IsOk) return found;
        var step = Caller!.StepById(stepId);
        if (step is null) return Outcome<int>.NotFound();
        if (step.Mode != StepMode.Vote) return Outcome<int>.Invalid("Step", "In deze stap wordt niet gestemd.");
        if (step.VotingClosed) return Outcome<int>.Ok(step.Id);
        step.VotingClosed = true;
        var seq = await events.SaveAsync(sessionId, ct);
        await events.TellAsync(sessionId, () => events.ToAll(sessionId).VotesRevealed(step.Id, seq), ct);
        return Outcome<int>.Ok(step.Id);
    }

    /// <summary>"Iedereen naar mij": every screen goes to this part of the page (null or empty: no part).</summary>
    public async Task<Outcome<int>> SummonAsync(int sessionId, string? focus, CancellationToken ct = default)
    {
        var found = await LeaderAsync(sessionId, ct);
        if (!found.IsOk) return found;
        var target = string.IsNullOrWhiteSpace(focus) ? null : focus.Trim();
        if (target is not null && !FocusTargets.Contains(target))
            return Outcome<int>.Invalid("Focus", "Kies een deel van de sessie uit de lijst.");
        Caller!.Session.Focus = target;
        var seq = await events.SaveAsync(sessionId, ct);
        await events.TellAsync(sessionId, () => events.ToAll(sessionId).Summoned(target, seq), ct);
        return Outcome<int>.Ok(sessionId);
    }

    /// <summary>Closing is final: the session accepts nothing afterwards and its code stops working.</summary>
    public async Task<Outcome<int>> CloseAsync(int sessionId, CancellationToken ct = default)
    {
        var found = await LeaderAsync(sessionId, ct);
        if (!found.IsOk) return found;
        var session = Caller!.Session;
        session.State = SessionState.Closed;
        session.ClosedAt = Now;
        if (Caller.CurrentStep is { } current)
        {
            current.EndsAt = null;
            current.PausedSecondsLeft = null;
        }
        var seq = await events.SaveAsync(sessionId, ct);
        await events.TellAsync(sessionId, () => events.ToAll(sessionId).SessionChanged(seq), ct);
        return Outcome<int>.Ok(sessionId);
    }

    private SessionCaller? Caller { get; set; }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static void Enter(LiveSession session, Step step, DateTime now)
    {
        session.CurrentStepId = step.Id;
        step.StartedAt ??= now;
        step.EndsAt = step.Minutes > 0 ? now.AddMinutes(step.Minutes) : null;
        step.PausedSecondsLeft = null;
    }

    /// <summary>The session's facilitators, while it is not closed.</summary>
    private async Task<Outcome<int>> LeaderAsync(int sessionId, CancellationToken ct)
    {
        var caller = await access.ForSessionAsync(sessionId, ct);
        if (caller is null) return Outcome<int>.NotFound();
        if (!caller.IsFacilitator) return Outcome<int>.Forbidden();
        if (caller.IsClosed) return Outcome<int>.Invalid("Session", PlanSession.Closed);
        Caller = caller;
        return Outcome<int>.Ok(sessionId);
    }
}
