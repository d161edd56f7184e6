using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Proeftuin.Tests.Web;

/// <summary>
/// HTTPS outside Development (HSTS, redirect, X-Forwarded-Proto from a known proxy), forwarded headers only from
/// configured proxies (so a made-up X-Forwarded-For cannot dodge a rate limit), and Secure cookies over HTTPS.
/// </summary>
public sealed class TransportSecurityTests
{
    private const string Site = "proeftuin.example.nl";
    private const string Proxy = "10.0.0.2";
    private const string Stranger = "203.0.113.9";

    /// <summary>Three API calls a minute per client, so a limit is reached quickly.</summary>
    private sealed class LowApiLimitFactory : ProeftuinFactory
    {
        public const int Limit = 3;
        public LowApiLimitFactory() : base(signInPerMinute: 10_000, mailPerQuarter: 10_000, apiPerMinute: Limit) { }
    }

    private static ProeftuinFactory Production() =>
        new ProeftuinFactory { EnvironmentName = "Production" }.WithSetting("App:PublicUrl", $"https://{Site}");

    /// <summary>One request as it arrives at the app: from <paramref name="remote"/>, with the given scheme and headers.</summary>
    private static Task<HttpContext> SendAsync(ProeftuinFactory factory, string remote, string path, string scheme = "http",
        string? forwardedFor = null, string? forwardedProto = null) =>
        factory.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Scheme = scheme;
            c.Request.Host = new HostString(Site);
            c.Request.Path = path;
            c.Connection.RemoteIpAddress = IPAddress.Parse(remote);
            if (forwardedFor is not null) c.Request.Headers["X-Forwarded-For"] = forwardedFor;
            if (forwardedProto is not null) c.Request.Headers["X-Forwarded-Proto"] = forwardedProto;
        });

    private static HttpClient Client(ProeftuinFactory factory, string baseAddress) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(baseAddress), AllowAutoRedirect = false, HandleCookies = false });

    [Fact]
    public async Task Production_answers_https_with_HSTS_and_sends_http_to_https()
    {
        await using var factory = Production();
        using var https = Client(factory, $"https://{Site}");
        using var page = await https.GetAsync(new Uri("/inloggen", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True(page.Headers.TryGetValues("Strict-Transport-Security", out var hsts), "no Strict-Transport-Security over https");
        Assert.Contains("max-age=31536000", hsts!.Single(), StringComparison.Ordinal);

        using var http = Client(factory, $"http://{Site}");
        using var redirect = await http.GetAsync(new Uri("/programmas?fase=Define", UriKind.Relative));
        Assert.Equal(HttpStatusCode.PermanentRedirect, redirect.StatusCode);
        Assert.Equal($"https://{Site}/programmas?fase=Define", redirect.Headers.Location!.ToString());
        Assert.False(redirect.Headers.Contains("Strict-Transport-Security"), "HSTS over plain http means nothing and must not be sent");

        // A health check asks the node itself over plain http (a container's health command, a probe, a balancer):
        // it gets its answer, not a redirect to the public address.
        foreach (var path in new[] { "/health", "/health/ready" })
        {
            using var health = await http.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }
    }

    [Fact]
    public async Task The_test_suites_and_a_switched_off_production_keep_plain_http()
    {
        await using var testing = new ProeftuinFactory();
        using var client = Client(testing, "http://localhost");
        using var page = await client.GetAsync(new Uri("/inloggen", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.False(page.Headers.Contains("Strict-Transport-Security"));

        await using var off = Production().WithSetting("App:HttpsRedirect", "false");
        using var offClient = Client(off, $"http://{Site}");
        using var offPage = await offClient.GetAsync(new Uri("/inloggen", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, offPage.StatusCode);
    }

    [Fact]
    public async Task Behind_a_configured_proxy_its_X_Forwarded_Proto_counts_and_a_strangers_does_not()
    {
        await using var factory = Production().WithSetting("ForwardedHeaders:KnownProxies:0", Proxy);
        var viaProxy = await SendAsync(factory, Proxy, "/inloggen", forwardedFor: "198.51.100.1", forwardedProto: "https");
        Assert.Equal(StatusCodes.Status200OK, viaProxy.Response.StatusCode);
        Assert.True(viaProxy.Response.Headers.ContainsKey("Strict-Transport-Security"), "the proxy said https: HSTS expected");

        var stranger = await SendAsync(factory, Stranger, "/inloggen", forwardedFor: "198.51.100.1", forwardedProto: "https");
        Assert.Equal(StatusCodes.Status308PermanentRedirect, stranger.Response.StatusCode);
        Assert.Equal($"https://{Site}/inloggen", stranger.Response.Headers.Location.ToString());
    }

    [Fact]
    public async Task A_made_up_X_Forwarded_For_does_not_reset_the_rate_limit()
    {
        // Nothing configured: no proxy is trusted, not even one on this machine (ASP.NET Core's default).
        await using var factory = new LowApiLimitFactory();
        foreach (var remote in new[] { "127.0.0.1", Stranger })
        {
            for (var i = 0; i < LowApiLimitFactory.Limit; i++)
            {
                var ok = await SendAsync(factory, remote, "/api/v1/programmes", forwardedFor: $"198.51.100.{i + 10}");
                Assert.Equal(StatusCodes.Status200OK, ok.Response.StatusCode);
            }
            var refused = await SendAsync(factory, remote, "/api/v1/programmes", forwardedFor: "198.51.100.99");
            Assert.True(refused.Response.StatusCode == StatusCodes.Status429TooManyRequests, $"from {remote}, a new X-Forwarded-For reset the limit");
        }
    }

    [Theory]
    [InlineData("ForwardedHeaders:KnownProxies:0", Proxy)]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "10.0.0.0/8")]
    public async Task A_configured_proxy_is_believed_and_a_client_behind_it_cannot_add_its_own_address(string key, string value)
    {
        await using var factory = new LowApiLimitFactory().WithSetting(key, value);
        for (var i = 0; i < LowApiLimitFactory.Limit; i++)
            Assert.Equal(StatusCodes.Status200OK, (await SendAsync(factory, Proxy, "/api/v1/projects", forwardedFor: "198.51.100.1")).Response.StatusCode);
        // The same client again, also when it put a made-up address before its own: refused.
        Assert.Equal(StatusCodes.Status429TooManyRequests, (await SendAsync(factory, Proxy, "/api/v1/projects", forwardedFor: "198.51.100.1")).Response.StatusCode);
        Assert.Equal(StatusCodes.Status429TooManyRequests, (await SendAsync(factory, Proxy, "/api/v1/projects", forwardedFor: "6.6.6.6, 198.51.100.1")).Response.StatusCode);
        // Another client behind the same proxy has its own limit.
        Assert.Equal(StatusCodes.Status200OK, (await SendAsync(factory, Proxy, "/api/v1/projects", forwardedFor: "198.51.100.2")).Response.StatusCode);
        // Someone who is not the proxy is counted by their own address, whatever they claim.
        for (var i = 0; i < LowApiLimitFactory.Limit; i++)
            Assert.Equal(StatusCodes.Status200OK, (await SendAsync(factory, Stranger, "/api/v1/projects", forwardedFor: $"198.51.100.{i + 20}")).Response.StatusCode);
        Assert.Equal(StatusCodes.Status429TooManyRequests, (await SendAsync(factory, Stranger, "/api/v1/projects", forwardedFor: "198.51.100.30")).Response.StatusCode);
    }

    [Fact]
    public async Task A_proxy_setting_that_is_not_an_address_stops_the_start()
    {
        await using var factory = new ProeftuinFactory().WithSetting("ForwardedHeaders:KnownProxies:0", "proxy.example.nl");
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("ForwardedHeaders:KnownProxies", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_antiforgery_and_language_cookies_are_Secure_over_https_only()
    {
        await using var factory = new ProeftuinFactory();
        foreach (var (scheme, secure) in new[] { ("https", true), ("http", false) })
        {
            var cookies = new CookieContainer();
            using var browser = new Browser(factory, factory.CreateDefaultClient(new Uri($"{scheme}://localhost"),
                new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(cookies)), cookies);
            using var response = await browser.GetAsync("/inloggen");
            var antiforgery = SetCookie(response, ".AspNetCore.Antiforgery.");
            Assert.True(secure == antiforgery.Contains("secure", StringComparison.OrdinalIgnoreCase), $"{scheme}: {antiforgery}");

            var page = await HtmlPage.ReadAsync(response, "/inloggen");
            var languageLink = page.Document.QuerySelector("header a[href^='/taal?']")!.GetAttribute("href")!;
            using var switched = await browser.GetAsync(languageLink);
            var culture = SetCookie(switched, ".AspNetCore.Culture");
            Assert.True(secure == culture.Contains("secure", StringComparison.OrdinalIgnoreCase), $"{scheme}: {culture}");
        }
    }

    private static string SetCookie(HttpResponseMessage response, string namePrefix) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.SingleOrDefault(v => v.StartsWith(namePrefix, StringComparison.Ordinal)) ?? throw new Xunit.Sdk.XunitException($"no {namePrefix} cookie in {string.Join(" | ", values)}")
            : throw new Xunit.Sdk.XunitException("no Set-Cookie header");
}
