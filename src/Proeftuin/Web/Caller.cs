using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;

namespace Proeftuin.Web;

/// <summary>How someone is asking: signed in, as a live session's guest (cookie), or with a story's private key.</summary>
public enum CallerKind
{
    Anonymous,
    Account,
    SessionGuest,
    KeyHolder,
}

/// <summary>
/// Who is asking, resolved once per request (<see cref="CallerSetup.UseCaller"/>, right after authentication) and once
/// per hub call (<see cref="CallerHubFilter"/>). Use cases and the access classes take it from their scope instead of
/// reading the request: the three ways to be someone without an account (a story key, a session guest cookie, and for
/// sharing a story a project's share link in the route) all meet here or in the use case that checks them.
/// Unresolved (a background job, a test's own scope) it is anonymous: it never grants more than a request would.
/// </summary>
public sealed class Caller
{
    public const string AdminRole = "Admin";
    /// <summary>The Dutch word pages use for a story's private key (<c>/verhalen/12?sleutel=…</c>); URLs for people may stay Dutch.</summary>
    public const string StoryKeyPageParameter = "sleutel";
    /// <summary>The API's parameter for the same key (<c>/api/v1/stories/12?key=…</c>): contracts are English.</summary>
    public const string StoryKeyApiParameter = "key";
    private const string GuestCookiePrefix = "pt_gast_";
    /// <summary>A random key for the whole browser (not one session): a guest who lost a session's cookie gets their seat back with it.</summary>
    public const string BrowserCookie = "pt_browser";

    private readonly Dictionary<int, string> guestKeys = [];

    public string? Id { get; private set; }
    public string? DisplayName { get; private set; }
    public bool IsAdmin { get; private set; }
    /// <summary>The story key presented with this request, when it has the shape of one (checked against a story by the use case).</summary>
    public string? StoryKey { get; private set; }
    /// <summary>The guest keys this person holds, by session: each cookie names its session, so it grants nothing elsewhere.</summary>
    public IReadOnlyDictionary<int, string> GuestKeys => guestKeys;
    /// <summary>The browser-wide key (<see cref="BrowserCookie"/>), when this browser has one of the right shape.</summary>
    public string? BrowserKey { get; private set; }

    public bool IsSignedIn => Id is not null;

    /// <summary>An account wins over a key or a cookie held alongside it; a presented story key over guest cookies.</summary>
    public CallerKind Kind =>
        IsSignedIn ? CallerKind.Account
        : StoryKey is not null ? CallerKind.KeyHolder
        : guestKeys.Count > 0 ? CallerKind.SessionGuest
        : CallerKind.Anonymous;

    /// <summary>The cookie that holds a guest's key for one session.</summary>
    public static string GuestCookie(int sessionId) => $"{GuestCookiePrefix}{sessionId}";

    public string? GuestKeyFor(int sessionId) => guestKeys.GetValueOrDefault(sessionId);

    /// <summary>After joining as a guest within this request: the new cookie is only in the response, so hold its key here.</summary>
    public void HoldGuestKey(int sessionId, string key) => guestKeys[sessionId] = key;

    /// <summary>After giving this browser its key within this request (the cookie is only in the response).</summary>
    public void HoldBrowserKey(string key) => BrowserKey = key;

    /// <summary>Fills the caller from the signed-in user, the cookies and the presented story key. Called once per request or hub call.</summary>
    public void Resolve(ClaimsPrincipal? user, IRequestCookieCollection? cookies, string? storyKey)
    {
        var signedIn = user?.Identity?.IsAuthenticated == true;
        Id = signedIn ? user!.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        IsAdmin = signedIn && user!.IsInRole(AdminRole);
        DisplayName = signedIn ? user!.FindFirstValue("display_name") ?? user!.Identity?.Name : null;
        StoryKey = Features.Stories.StoryKeys.LooksValid(storyKey) ? storyKey : null;
        guestKeys.Clear();
        BrowserKey = cookies?[BrowserCookie] is { } browserKey && Tokens.LooksValid(browserKey) ? browserKey : null;
        foreach (var (name, value) in cookies ?? Enumerable.Empty<KeyValuePair<string, string>>())
        {
            if (name.StartsWith(GuestCookiePrefix, StringComparison.Ordinal)
                && int.TryParse(name.AsSpan(GuestCookiePrefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var sessionId)
                && Tokens.LooksValid(value))
                guestKeys[sessionId] = value;
        }
    }

    /// <summary>The request's caller: pages use <c>?sleutel=</c>, the API <c>?key=</c>.</summary>
    public void Resolve(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var query = http.Request.Query;
        var key = query[StoryKeyPageParameter].FirstOrDefault() ?? query[StoryKeyApiParameter].FirstOrDefault();
        Resolve(http.User, http.Request.Cookies, key);
    }
}

public static class CallerSetup
{
    /// <summary>Fills the request's <see cref="Caller"/>; must run after authentication.</summary>
    public static IApplicationBuilder UseCaller(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.RequestServices.GetRequiredService<Caller>().Resolve(context);
            return next(context);
        });
}

/// <summary>
/// Every hub method runs in a scope of its own: this fills that scope's <see cref="Caller"/> from the connection's user
/// and cookies (the request that opened the connection), so a hub call sees the same person as a page request.
/// </summary>
public sealed class CallerHubFilter : IHubFilter
{
    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        Fill(invocationContext.ServiceProvider, invocationContext.Context);
        return next(invocationContext);
    }

    public Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        Fill(context.ServiceProvider, context.Context);
        return next(context);
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        Fill(context.ServiceProvider, context.Context);
        return next(context, exception);
    }

    // No story key on the hub: sessions know only accounts and guests.
    private static void Fill(IServiceProvider services, HubCallerContext connection) =>
        services.GetService<Caller>()?.Resolve(connection.User, connection.GetHttpContext()?.Request.Cookies, storyKey: null);
}
