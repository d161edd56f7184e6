using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Sessions;

/// <summary>
/// The live session's hub: thin. Every method finds the caller through <see cref="SessionAccess"/> and calls the same
/// use case as the page and the API; those save first and then tell the screens (<see cref="SessionEvents"/>).
/// Use cases come in as method parameters (resolved from the invocation's scope), so the hub is split over
/// partial files by use case without one constructor for all.
/// </summary>
public sealed partial class SessionHub(SessionAccess access, IStringLocalizer<SharedResource> l) : Hub<ISessionClient>
{
    public static readonly string Path = "/hubs/sessions";
    /// <summary>The Dutch path of the previous release, still mapped so open pages and old scripts keep working. Remove in the next release.</summary>
    public static readonly string LegacyPath = "/hubs/sessie";

    /// <summary>First contact: join the session's groups and get the whole state as this caller may see it.</summary>
    public async Task<SessionView> Enter(int sessionId, GetSessionState state)
    {
        var caller = await JoinGroupsAsync(sessionId);
        return await state.ViewAsync(caller, Context.ConnectionAborted);
    }

    /// <summary>After a reconnect (a new connection, so groups are joined again): the state when anything happened since lastSeen, else null.</summary>
    public async Task<SessionView?> Rejoin(int sessionId, long lastSeen, GetSessionState state)
    {
        var caller = await JoinGroupsAsync(sessionId);
        return caller.Session.Sequence > lastSeen ? await state.ViewAsync(caller, Context.ConnectionAborted) : null;
    }

    private async Task<SessionCaller> JoinGroupsAsync(int sessionId)
    {
        var caller = await access.ForSessionAsync(sessionId, Context.ConnectionAborted)
            ?? throw new HubException(access.IsRemovedFrom(sessionId) ? l[ParticipantRules.RemovedMessage] : l["Deze sessie bestaat niet, of je doet er niet aan mee."]);
        await Groups.AddToGroupAsync(Context.ConnectionId, SessionEvents.All(sessionId));
        if (caller.Participant is { } p)
            await Groups.AddToGroupAsync(Context.ConnectionId, SessionEvents.Person(sessionId, p.Id));
        if (caller.IsFacilitator)
            await Groups.AddToGroupAsync(Context.ConnectionId, SessionEvents.Facilitators(sessionId));
        return caller;
    }

    /// <summary>A use case's outcome as a reply: the message in the caller's language, never an exception.</summary>
    private HubReply Reply<T>(Outcome<T> outcome, Func<T, int?>? id = null) => outcome.Status switch
    {
        OutcomeStatus.Ok => new HubReply(true, null, id is null ? null : id(outcome.Value!)),
        // Someone taken out hears why, not "does not exist".
        OutcomeStatus.NotFound or OutcomeStatus.Forbidden when access.WasRemoved => new HubReply(false, l[ParticipantRules.RemovedMessage]),
        OutcomeStatus.NotFound => new HubReply(false, l["Dit bestaat niet (meer), of je hebt er geen toegang toe."]),
        OutcomeStatus.Forbidden => new HubReply(false, l["Dit mag je nu niet doen."]),
        _ => new HubReply(false, string.Join(" ", outcome.Errors.Select(e => e.Localize(l)))),
    };
}
