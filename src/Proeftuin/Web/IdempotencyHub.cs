using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Localization;

namespace Proeftuin.Web;

/// <summary>
/// Hub methods with a last parameter named <c>requestKey</c> (AddNote, AddCluster, CastVote) take a key per action: the
/// first call runs and an Ok reply is kept; the same key again gets that reply back and adds nothing. A refusal is not
/// kept, a key of the wrong shape is refused with a message, and no key (an old script) runs as before.
/// Runs after <see cref="CallerHubFilter"/>, so the key is scoped to the person.
/// </summary>
public sealed class RequestKeyHubFilter(IStringLocalizer<SharedResource> l) : IHubFilter
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<MethodInfo, int> Positions = new();

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        var method = invocationContext.HubMethod;
        var position = Positions.GetOrAdd(method, m => Array.FindIndex(m.GetParameters(), p => p.Name == RequestKeys.HubParameter && p.ParameterType == typeof(string)));
        if (position < 0 || position >= invocationContext.HubMethodArguments.Count
            || invocationContext.HubMethodArguments[position] is not string key || key.Length == 0)
            return await next(invocationContext);
        var replyType = ReplyType(method);
        if (!RequestKeys.LooksValid(key)) return Refusal(replyType, RequestKeys.InvalidMessage);
        var store = invocationContext.ServiceProvider.GetRequiredService<RequestKeyStore>();
        var scope = store.Scope();
        if (scope is null) return await next(invocationContext);
        var ct = invocationContext.Context.ConnectionAborted;
        var claim = await store.ClaimAsync(scope, key, "hub " + invocationContext.HubMethodName, ct);
        switch (claim.Kind)
        {
            case KeyClaimKind.Answered:
                return claim.Answer!.Body is { } body ? JsonSerializer.Deserialize(body, replyType, Json) : null;
            case KeyClaimKind.Busy:
                return Refusal(replyType, RequestKeys.BusyMessage);
            case KeyClaimKind.OtherTarget:
                return Refusal(replyType, RequestKeys.OtherTargetMessage);
        }
        object? reply;
        try
        {
            reply = await next(invocationContext);
        }
        catch
        {
            await store.ForgetAsync(scope, key);
            throw;
        }
        if (reply is Features.Sessions.HubReply { Ok: false })
            await store.ForgetAsync(scope, key);
        else
            await store.KeepAsync(scope, key, StatusCodes.Status200OK, null, JsonSerializer.Serialize(reply, replyType, Json));
        return reply;
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static Type ReplyType(MethodInfo method)
    {
        var type = method.ReturnType;
        return type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>))
            ? type.GetGenericArguments()[0] : typeof(object);
    }

    /// <summary>The hub's own way to say no: a HubReply with a message; any other method gets an error.</summary>
    private Features.Sessions.HubReply Refusal(Type replyType, string message) =>
        replyType == typeof(Features.Sessions.HubReply) ? new Features.Sessions.HubReply(false, l[message]) : throw new HubException(l[message]);
}
