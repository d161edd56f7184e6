using Microsoft.AspNetCore.SignalR;

namespace Proeftuin.Web;

public static class RealtimeSetup
{
    public static WebApplicationBuilder AddRealtime(this WebApplicationBuilder builder)
    {
        builder.Services.AddSignalR(o => o.AddFilter<HttpContextHubFilter>());
        return builder;
    }
}

/// <summary>Hub calls run the same scoped services as pages: give them the connection's request (user, cookies).</summary>
public sealed class HttpContextHubFilter(IHttpContextAccessor accessor) : IHubFilter
{
    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        accessor.HttpContext = invocationContext.Context.GetHttpContext();
        return next(invocationContext);
    }
}
