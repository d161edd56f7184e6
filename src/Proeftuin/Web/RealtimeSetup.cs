using Microsoft.AspNetCore.SignalR;
using StackExchange.Redis;

namespace Proeftuin.Web;

public static class RealtimeSetup
{
    /// <summary>
    /// SignalR for live sessions. With <c>Redis:Configuration</c> set, messages go through Redis so several app
    /// instances reach every screen; without it (development, tests, one instance) they stay in memory.
    /// Hubs are mapped in Program.cs.
    /// </summary>
    public static WebApplicationBuilder AddRealtime(this WebApplicationBuilder b)
    {
        ArgumentNullException.ThrowIfNull(b);
        b.Services.AddHttpContextAccessor();
        b.Services.AddSingleton<HttpContextHubFilter>();
        var signalR = b.Services.AddSignalR(o =>
        {
            // Notes are at most 500 characters; 32 KiB leaves room for a batch without inviting floods.
            o.MaximumReceiveMessageSize = 32 * 1024;
            o.EnableDetailedErrors = false;
            o.AddFilter<HttpContextHubFilter>();
        });

        var conf = b.Configuration["Redis:Configuration"];
        if (!string.IsNullOrWhiteSpace(conf))
        {
            // One prefix per deployment, so two apps that share a Redis do not hear each other.
            var prefix = b.Configuration["Redis:ChannelPrefix"];
            if (string.IsNullOrWhiteSpace(prefix))
            {
                prefix = "proeftuin";
            }
            signalR.AddStackExchangeRedis(conf, o => o.Configuration.ChannelPrefix = RedisChannel.Literal(prefix));
        }
        return b;
    }
}

/// <summary>
/// Makes <see cref="IHttpContextAccessor.HttpContext"/> the connection's own request inside every hub method and in
/// OnConnected/OnDisconnected, so scoped services that ask <see cref="CurrentUser"/> (or read cookies) see the person on
/// this connection, whatever execution context SignalR happens to run the call on.
/// </summary>
public sealed class HttpContextHubFilter(IHttpContextAccessor accessor) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(
        HubInvocationContext invocationContext,
        Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        Use(invocationContext.Context);
        return await next(invocationContext);
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        Use(context.Context);
        await next(context);
    }

    public async Task OnDisconnectedAsync(
        HubLifetimeContext context,
        Exception? exception,
        Func<HubLifetimeContext, Exception?, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        Use(context.Context);
        await next(context, exception);
    }

    // The methods above are async on purpose: the accessor keeps its value in an AsyncLocal, and a value set inside an
    // async method flows into the awaited call but is not seen by the caller after it returns.
    private void Use(HubCallerContext caller)
    {
        var http = caller.GetHttpContext();
        // Setting the accessor clears the holder it had; when it already holds this request, leave it alone.
        if (!ReferenceEquals(accessor.HttpContext, http))
        {
            accessor.HttpContext = http;
        }
    }
}
