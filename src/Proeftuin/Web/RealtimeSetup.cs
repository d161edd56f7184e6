using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
        b.Services.AddSingleton<CallerHubFilter>();
        b.Services.TryAddScoped<Caller>();
        b.Services.AddSingleton<HubCallLimit>();
        // The call limit speaks Dutch (or English) and counts with the app's clock; both are there in the app already.
        b.Services.AddLocalization();
        b.Services.TryAddSingleton(TimeProvider.System);
        var signalR = b.Services.AddSignalR(o =>
        {
            // Notes are at most 500 characters; 32 KiB leaves room for a batch without inviting floods.
            o.MaximumReceiveMessageSize = 32 * 1024;
            o.EnableDetailedErrors = false;
            o.AddFilter<HttpContextHubFilter>();
            o.AddFilter<CallerHubFilter>();
            o.AddFilter<HubCallLimit>();
            o.AddFilter<RequestKeyHubFilter>();
        });

        // Enums travel as names ("Running", "Vote", "Experience"), as on the API; numbers from an old client are still read.
        signalR.AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));

        // Between nodes through Redis when it is configured, this node's screens first and always (ADR 0044).
        b.Services.TryAddSingleton<SharedRedis>();
        if (!string.IsNullOrWhiteSpace(b.Configuration["Redis:Configuration"]))
            b.Services.AddSingleton(typeof(HubLifetimeManager<>), typeof(NodeFirstBackplane<>));
        return b;
    }
}

/// <summary>
/// Makes <see cref="IHttpContextAccessor.HttpContext"/> the connection's own request inside every hub method and in
/// OnConnected/OnDisconnected, whatever execution context SignalR happens to run the call on. Who is asking comes from
/// <see cref="Caller"/> (filled by <see cref="CallerHubFilter"/>); this is only for cross-cutting web services such as
/// <see cref="PublicUrl"/> (the host for mailed links in development) that still need the request.
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

/// <summary>
/// A flood over one connection stops here, whatever the method: every call counts in a ten-second window per
/// connection. The use cases keep their own limits in the database (notes per minute, votes), which hold across
/// connections and nodes; this one protects the screens of everyone else from one script.
/// </summary>
public sealed class HubCallLimit(Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l, TimeProvider clock) : IHubFilter
{
    private sealed class Window
    {
        public DateTimeOffset Start;
        public int Count;
    }

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        var items = invocationContext.Context.Items;
        if (items[typeof(Window)] is not Window window)
        {
            window = new Window { Start = clock.GetUtcNow() };
            items[typeof(Window)] = window;
        }
        var now = clock.GetUtcNow();
        lock (window)
        {
            if (now - window.Start >= TimeSpan.FromSeconds(10))
            {
                window.Start = now;
                window.Count = 0;
            }
            window.Count++;
            if (window.Count > Features.Sessions.SessionLimits.HubCallsPerTenSeconds)
                throw new HubException(l["Even rustig aan: je stuurt heel veel tegelijk. Wacht een paar seconden."]);
        }
        return await next(invocationContext);
    }
}
