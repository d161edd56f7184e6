using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Features.Sessions;
using Proeftuin.Web;

namespace Proeftuin.FaultTests.Infrastructure;

/// <summary>
/// One simulated person against an app process: an HTTP client with its own cookies (a sign-in, a guest's cookie),
/// redirects not followed, every request bounded by a timeout. Cookies outlive an app restart on the same port: the
/// data-protection keys are in the database.
/// </summary>
public sealed partial class Person : IDisposable
{
    private readonly CookieContainer cookies = new();

    private readonly string? proxyCertificate;

    /// <param name="proxyCertificate">
    /// Through the deployment's reverse proxy (ProxyTests): the thumbprint of its self-signed certificate, the one
    /// certificate trusted; and the hub connection negotiates first, as a browser does, so the proxy must keep both
    /// requests on one node.
    /// </param>
    public Person(Uri baseUri, TimeSpan? timeout = null, string? proxyCertificate = null)
    {
        BaseUri = baseUri;
        this.proxyCertificate = proxyCertificate;
        var handler = new SocketsHttpHandler { CookieContainer = cookies, UseCookies = true, AllowAutoRedirect = false };
        if (proxyCertificate is not null) handler.SslOptions.RemoteCertificateValidationCallback = (_, c, _, _) => IsProxy(c);
        Http = new HttpClient(handler)
        {
            BaseAddress = baseUri,
            Timeout = timeout ?? TimeSpan.FromSeconds(20),
        };
    }

    public Uri BaseUri { get; }
    public HttpClient Http { get; }
    public string? Email { get; private set; }

    public Task<HttpResponseMessage> GetAsync(string url, CancellationToken ct = default) =>
        Http.GetAsync(new Uri(url, UriKind.Relative), ct);

    public Task<HttpResponseMessage> PostJsonAsync(string url, object body, CancellationToken ct = default) =>
        Http.PostAsync(new Uri(url, UriKind.Relative),
            new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, new MediaTypeHeaderValue("application/json")), ct);

    /// <summary>Signs in through the sign-in form, as a browser without JavaScript does.</summary>
    public async Task SignInAsync(string email, string password, CancellationToken ct = default)
    {
        using var page = await GetAsync("/inloggen", ct);
        var html = await page.Content.ReadAsStringAsync(ct);
        var token = Token().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException($"No antiforgery token on /inloggen ({(int)page.StatusCode}).");
        using var form = new FormUrlEncodedContent([new("Input.Email", email), new("Input.Password", password), new("__RequestVerificationToken", token)]);
        using var response = await Http.PostAsync(new Uri("/inloggen", UriKind.Relative), form, ct);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in of {email} answered {(int)response.StatusCode}.");
        Email = email;
    }

    /// <summary>The cookie a guest gets when joining a session by its code.</summary>
    public void HoldGuestKey(int sessionId, string key) => cookies.Add(BaseUri, new Cookie(Caller.GuestCookie(sessionId), key, "/"));

    /// <summary>A hub connection (WebSockets) to <paramref name="node"/> with this person's cookies; null node is this person's own.</summary>
    public async Task<HubConnection> ConnectAsync(Uri? node = null, CancellationToken ct = default)
    {
        var target = node ?? BaseUri;
        var jar = new CookieContainer();
        foreach (Cookie c in cookies.GetAllCookies()) jar.Add(target, new Cookie(c.Name, c.Value, "/"));
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(target, SessionHub.Path.TrimStart('/')), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = proxyCertificate is null;
                o.Cookies = jar;
                if (proxyCertificate is not null)
                {
                    o.HttpMessageHandlerFactory = inner =>
                    {
                        if (inner is HttpClientHandler h) h.ServerCertificateCustomValidationCallback = (_, c, _, _) => IsProxy(c);
                        return inner;
                    };
                    o.WebSocketConfiguration = ws => ws.RemoteCertificateValidationCallback = (_, c, _, _) => IsProxy(c);
                }
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()))
            .Build();
        connection.ServerTimeout = TimeSpan.FromSeconds(30);
        await connection.StartAsync(ct);
        return connection;
    }

    private bool IsProxy(System.Security.Cryptography.X509Certificates.X509Certificate? certificate) =>
        certificate is not null && string.Equals(certificate.GetCertHashString(), proxyCertificate, StringComparison.OrdinalIgnoreCase);

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
