using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Proeftuin.Web;

/// <summary>
/// HTTPS and the proxy in front of the app: which proxies may tell us the client's address and scheme
/// (ForwardedHeaders:KnownProxies / KnownNetworks; none by default, so X-Forwarded-* is ignored), HSTS and the redirect to HTTPS (App:HttpsRedirect),
/// and the antiforgery cookie marked Secure over HTTPS like the sign-in cookie.
/// </summary>
public static class TransportSecurity
{
    public static WebApplicationBuilder AddTransportSecurity(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var services = builder.Services;
        var proxies = Entries(config, "ForwardedHeaders:KnownProxies")
            .Select(s => IPAddress.TryParse(s, out var a) ? a : throw NotAnAddress("KnownProxies", s)).ToList();
        var networks = Entries(config, "ForwardedHeaders:KnownNetworks")
            .Select(s => System.Net.IPNetwork.TryParse(s, out var n) ? n : throw NotAnAddress("KnownNetworks", s)).ToList();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Exactly the listed proxies, not ASP.NET Core's default (loopback): otherwise anyone who reaches the
            // app on this machine could pick their own client address and dodge the rate limits.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var p in proxies) o.KnownProxies.Add(p);
            foreach (var n in networks) o.KnownIPNetworks.Add(n);
            // Walk back through every trusted hop (a load balancer before a local proxy); the walk stops at the
            // first address that is not a known proxy, so a client's own X-Forwarded-For entries are never taken.
            o.ForwardLimit = null;
        });

        var https = HttpsRedirect(builder);
        if (https is { } port)
        {
            services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
            services.AddHttpsRedirection(o =>
            {
                o.HttpsPort = port;
                o.RedirectStatusCode = StatusCodes.Status308PermanentRedirect;
            });
        }
        // The framework's default for this cookie is "never Secure"; the sign-in cookie is already SameAsRequest.
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        return builder;
    }

    public static WebApplication UseTransportSecurity(this WebApplication app)
    {
        // No proxy configured: forwarded headers are ignored (the middleware would trust everyone with empty lists).
        // And only from a connection whose address we know: the middleware itself accepts them unchecked from a
        // connection without an address (a Unix socket, the test server).
        if (Entries(app.Configuration, "ForwardedHeaders:KnownProxies").Any() || Entries(app.Configuration, "ForwardedHeaders:KnownNetworks").Any())
            app.UseWhen(c => c.Connection.RemoteIpAddress is not null, a => a.UseForwardedHeaders());
        // Not for the health endpoints: a container's health command, a Kubernetes probe or a load balancer asks the
        // node itself over plain HTTP, and a redirect to the public address would send that question off the box.
        if (HttpsRedirect(app.Configuration, app.Environment) is not null)
            app.UseWhen(c => !c.Request.Path.StartsWithSegments("/health"), a =>
            {
                a.UseHsts();
                a.UseHttpsRedirection();
            });
        return app;
    }

    private static int? HttpsRedirect(WebApplicationBuilder builder) => HttpsRedirect(builder.Configuration, builder.Environment);

    /// <summary>
    /// The HTTPS port to redirect to, or null for no redirect and no HSTS. App:HttpsRedirect decides when set;
    /// otherwise it is on outside Development and the test suites when App:PublicUrl is an https address.
    /// </summary>
    private static int? HttpsRedirect(IConfiguration config, IHostEnvironment env)
    {
        var publicUrl = Uri.TryCreate(config["App:PublicUrl"], UriKind.Absolute, out var u) && u.Scheme == Uri.UriSchemeHttps ? u : null;
        var on = config.GetValue<bool?>("App:HttpsRedirect")
            ?? (publicUrl is not null && !env.IsDevelopment() && !env.IsEnvironment("Testing"));
        return on ? publicUrl?.Port ?? 443 : null;
    }

    private static IEnumerable<string> Entries(IConfiguration config, string key) =>
        (config.GetSection(key).Get<string[]>() ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim());

    private static InvalidOperationException NotAnAddress(string key, string value) =>
        new($"ForwardedHeaders:{key}: '{value}' is not an IP address or network (e.g. 10.0.0.2 or 10.0.0.0/8).");
}
