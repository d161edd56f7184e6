using Proeftuin.Web;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Features.Sessions;

namespace Proeftuin.Tests.Sessions;

/// <summary>
/// One app instance on real Kestrel (loopback, a free port), as one node behind a load balancer. A second node shares
/// the first one's database (the same SQLite file, or the same PostgreSQL test database) and, when given, a Redis
/// backplane under a channel prefix of its own test, so tests running side by side on one Redis do not hear each other.
/// </summary>
public sealed class KestrelNode : ProeftuinFactory
{
    private KestrelNode(string? redis, string? channelPrefix, KestrelNode? sameDatabaseAs)
    {
        if (redis is not null)
        {
            WithSetting("Redis:Configuration", redis);
            WithSetting("Redis:ChannelPrefix", channelPrefix);
        }
        if (sameDatabaseAs is not null)
        {
            WithSetting("App:DataDirectory", sameDatabaseAs.Settings["App:DataDirectory"]);
            if (sameDatabaseAs.Settings.GetValueOrDefault("ConnectionStrings:Proeftuin") is { } connection)
                WithSetting("ConnectionStrings:Proeftuin", connection);
        }
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        // The first node migrates and seeds before this returns, so the second one finds a ready database.
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reports no address.");
        BaseUri = new Uri(address.TrimEnd('/') + "/");
    }

    /// <summary>A first node with its own fresh database; redis null keeps SignalR in memory.</summary>
    public static KestrelNode First(string? redis, string? channelPrefix) => new(redis, channelPrefix, null);

    /// <summary>Another node on the database of <paramref name="first"/> (dispose it before the first one).</summary>
    public static KestrelNode Joining(KestrelNode first, string? redis, string? channelPrefix) => new(redis, channelPrefix, first);

    /// <summary>For example http://127.0.0.1:41234/.</summary>
    public Uri BaseUri { get; }

    /// <summary>A browser against this node over real HTTP: its own cookies, redirects not followed.</summary>
    public Browser RealBrowser()
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = BaseUri };
        return new Browser(this, client, cookies);
    }

    /// <summary>A browser that carries a guest's cookie for one session.</summary>
    public Browser RealGuestBrowser(int sessionId, string key)
    {
        var browser = RealBrowser();
        browser.Cookies.Add(BaseUri, new Cookie(Caller.GuestCookie(sessionId), key, "/"));
        return browser;
    }

    /// <summary>
    /// A hub connection over WebSockets to this node with the browser's cookies. The browser may belong to another
    /// node: the nodes share the database, and with it the data-protection keys, so a sign-in is valid on both.
    /// </summary>
    public async Task<LiveClient> ConnectAsync(Browser browser)
    {
        var cookies = new CookieContainer();
        foreach (Cookie c in browser.Cookies.GetAllCookies())
            cookies.Add(BaseUri, new Cookie(c.Name, c.Value, "/"));
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(BaseUri, SessionHub.Path.TrimStart('/')), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.Cookies = cookies;
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()))
            .Build();
        var client = new LiveClient(connection);
        await connection.StartAsync();
        return client;
    }
}
