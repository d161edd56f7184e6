using Microsoft.AspNetCore.SignalR;
using Proeftuin.Web;

namespace Proeftuin.Features.Sessions;

/// <summary>
/// Redis was away, so notes written on the other node did not reach the screens here: every screen on this node takes
/// the session's state afresh, as it does after a reconnect. Sequence 0 never counts as news, it only asks.
/// </summary>
public sealed class SessionCatchUp : ICatchUpAfterOutage<SessionHub>
{
    public Task CatchUpAsync(HubLifetimeManager<SessionHub> screensHere) =>
        screensHere.SendAllAsync(nameof(ISessionClient.SessionChanged), [0L]);
}
