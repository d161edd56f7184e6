using Proeftuin.Web;

namespace Proeftuin.Features.Sessions;

/// <summary>"Klaar": a participant says they finished the current step (or takes it back); the facilitator sees the count.</summary>
public sealed class MarkDone(SessionAccess access, SessionEvents events)
{
    public async Task<Outcome<int>> RunAsync(int sessionId, bool done, CancellationToken ct = default)
    {
        var caller = await access.ForSessionAsync(sessionId, ct);
        if (caller is null) return Outcome<int>.NotFound();
        if (caller.Participant is not { } me) return Outcome<int>.Forbidden();
        if (caller.IsClosed) return Outcome<int>.Invalid("Done", PlanSession.Closed);
        if (!caller.IsRunning || caller.CurrentStep is not { } step) return Outcome<int>.Invalid("Done", "De sessie is nog niet begonnen.");
        var wanted = done ? step.Id : (int?)null;
        if (me.DoneStepId == wanted) return Outcome<int>.Ok(step.Id);
        me.DoneStepId = wanted;
        var seq = await events.SaveAsync(sessionId, ct);
        await events.TellAsync(sessionId, async () => await events.ToAll(sessionId).ParticipationChanged(await events.ParticipationAsync(sessionId, step.Id, ct), seq), ct);
        return Outcome<int>.Ok(step.Id);
    }
}
