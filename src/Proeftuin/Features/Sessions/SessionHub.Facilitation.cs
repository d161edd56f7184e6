namespace Proeftuin.Features.Sessions;

/// <summary>The facilitator's controls and "klaar", over the hub: the same use cases as the forms of /sessies/{id}/leiden.</summary>
public sealed partial class SessionHub
{
    public async Task<HubReply> StartSession(int sessionId, RunSession run) =>
        Reply(await run.StartAsync(sessionId, Context.ConnectionAborted), id => id);

    public async Task<HubReply> GoToStep(int sessionId, int stepId, RunSession run) =>
        Reply(await run.GoToStepAsync(sessionId, stepId, Context.ConnectionAborted), id => id);

    public async Task<HubReply> ChangeTimer(int sessionId, int stepId, TimerAction action, RunSession run) =>
        Reply(await run.ChangeTimerAsync(sessionId, stepId, action, Context.ConnectionAborted), id => id);

    public async Task<HubReply> RevealNotes(int sessionId, int stepId, RunSession run) =>
        Reply(await run.RevealAsync(sessionId, stepId, Context.ConnectionAborted), id => id);

    public async Task<HubReply> CloseVoting(int sessionId, int stepId, RunSession run) =>
        Reply(await run.CloseVotingAsync(sessionId, stepId, Context.ConnectionAborted), id => id);

    public async Task<HubReply> Summon(int sessionId, string? focus, RunSession run) =>
        Reply(await run.SummonAsync(sessionId, focus, Context.ConnectionAborted));

    public async Task<HubReply> CloseSession(int sessionId, RunSession run) =>
        Reply(await run.CloseAsync(sessionId, Context.ConnectionAborted));

    public async Task<HubReply> RemoveParticipant(int sessionId, int participantId, ManageParticipants manage) =>
        Reply(await manage.RemoveAsync(sessionId, participantId, Context.ConnectionAborted), id => id);

    public async Task<HubReply> SetJoining(int sessionId, JoiningRule joining, ManageParticipants manage) =>
        Reply(await manage.SetJoiningAsync(sessionId, joining, Context.ConnectionAborted));

    /// <summary>A participant's own perspective, until the first vote step starts.</summary>
    public async Task<HubReply> ChangePerspective(int sessionId, Members.Perspective perspective, ManageParticipants manage) =>
        Reply(await manage.ChangePerspectiveAsync(sessionId, perspective, Context.ConnectionAborted));

    public async Task<HubReply> MarkDone(int sessionId, bool done, Sessions.MarkDone markDone) =>
        Reply(await markDone.RunAsync(sessionId, done, Context.ConnectionAborted));
}
