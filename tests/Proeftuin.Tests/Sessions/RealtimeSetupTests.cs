using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Connections.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Proeftuin.Web;

namespace Proeftuin.Tests.Sessions;

/// <summary>
/// AddRealtime: limits, the in-memory or node-first Redis backplane, and the hub filter that lets scoped services see the
/// connection's own request (and so its user) in every hub call. The app itself starting without Redis is proven by
/// every other test; a run against a real Redis lives elsewhere.
/// </summary>
public sealed class RealtimeSetupTests
{
    private static WebApplicationBuilder Builder(params (string Key, string Value)[] settings)
    {
        var b = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        foreach (var (key, value) in settings)
        {
            b.Configuration[key] = value;
        }
        return b;
    }

    private static Type? LifetimeManager(WebApplicationBuilder b) =>
        b.Services.LastOrDefault(d => d.ServiceType == typeof(HubLifetimeManager<>))?.ImplementationType;

    [Fact]
    public async Task Without_redis_messages_stay_in_memory_with_small_messages_and_no_details()
    {
        var b = Builder().AddRealtime();
        Assert.Equal(typeof(DefaultHubLifetimeManager<>), LifetimeManager(b));

        await using var app = b.Build();
        var options = app.Services.GetRequiredService<IOptions<HubOptions>>().Value;
        Assert.Equal(32 * 1024, options.MaximumReceiveMessageSize);
        Assert.False(options.EnableDetailedErrors);
        Assert.NotNull(app.Services.GetRequiredService<HttpContextHubFilter>());
    }

    [Fact]
    public void The_running_app_has_the_same_setup()
    {
        using var factory = new ProeftuinFactory();
        var options = factory.Services.GetRequiredService<IOptions<HubOptions>>().Value;
        Assert.Equal(32 * 1024, options.MaximumReceiveMessageSize);
        Assert.False(options.EnableDetailedErrors);
        Assert.IsType<DefaultHubLifetimeManager<ProbeHub>>(factory.Services.GetRequiredService<HubLifetimeManager<ProbeHub>>());
    }

    [Theory]
    [InlineData(null, "proeftuin")]
    [InlineData("", "proeftuin")]
    [InlineData("proeftuin-acceptatie", "proeftuin-acceptatie")]
    public async Task With_redis_configured_the_backplane_is_node_first_with_a_channel_prefix(string? prefix, string expected)
    {
        // Nothing answers on port 1: the connection is tried in the background and never blocks the start (ADR 0044).
        var settings = new List<(string, string)> { ("Redis:Configuration", "127.0.0.1:1") };
        if (prefix is not null)
        {
            settings.Add(("Redis:ChannelPrefix", prefix));
        }
        var b = Builder([.. settings]).AddRealtime();
        Assert.Equal(typeof(NodeFirstBackplane<>), LifetimeManager(b));

        await using var app = b.Build();
        var redis = app.Services.GetRequiredService<SharedRedis>();
        Assert.True(redis.IsConfigured);
        Assert.False(redis.IsConnected);
        Assert.Equal(expected, redis.Prefix);
    }

    [Fact]
    public async Task With_redis_configured_but_away_a_node_still_reaches_its_own_screens_at_once()
    {
        var b = Builder(("Redis:Configuration", "127.0.0.1:1"));
        b.WebHost.UseTestServer();
        b.AddRealtime();
        b.Services.AddScoped<Caller>();
        b.Services.AddSingleton<ProbeLog>();
        await using var app = b.Build();
        app.MapHub<ProbeHub>("/probe");
        await app.StartAsync();
        var server = app.GetTestServer();
        var heard = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "/probe"), HttpTransportType.LongPolling, o => o.HttpMessageHandlerFactory = _ => server.CreateHandler())
            .Build();
        connection.On<string>("Heard", text => heard.TrySetResult(text));
        await connection.StartAsync();

        var watch = System.Diagnostics.Stopwatch.StartNew();
        await connection.InvokeAsync(nameof(ProbeHub.Shout), "hallo");
        Assert.Equal("hallo", await heard.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        // The framework's Redis backplane waited for Redis here (seconds) and delivered nothing; this one does not wait.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.False(app.Services.GetRequiredService<SharedRedis>().IsConnected);

        await connection.DisposeAsync();
        await app.StopAsync();
    }

    [Fact]
    public async Task Hub_calls_see_the_connection_request_and_its_user_through_the_accessor()
    {
        var b = Builder();
        b.WebHost.UseTestServer();
        b.AddRealtime();
        b.Services.AddScoped<Caller>();
        b.Services.AddSingleton<ProbeLog>();
        await using var app = b.Build();
        // Stand-in for sign-in: the user is named in the query string of every request of the connection.
        app.Use((context, next) =>
        {
            var who = context.Request.Query["who"].ToString();
            if (who.Length > 0)
            {
                context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, who)], "Probe"));
            }
            return next(context);
        });
        app.MapHub<ProbeHub>("/probe");
        await app.StartAsync();
        var server = app.GetTestServer();
        var log = app.Services.GetRequiredService<ProbeLog>();

        // Long polling: every call arrives on a request of its own, so without the filter the accessor would hold
        // that short request instead of the connection's.
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "/probe?who=anna"), HttpTransportType.LongPolling,
                o => o.HttpMessageHandlerFactory = _ => server.CreateHandler())
            .Build();
        await connection.StartAsync();

        Assert.Equal("anna", await connection.InvokeAsync<string?>(nameof(ProbeHub.Who)));
        Assert.True(await connection.InvokeAsync<bool>(nameof(ProbeHub.SameRequest)));

        await connection.StopAsync();
        await connection.DisposeAsync();
        await app.StopAsync();

        Assert.Contains("connected:anna:True", log.Lines);
        // OnDisconnected runs as the connection closes; give the server a moment when it is slow.
        for (var i = 0; i < 50 && !log.Lines.Contains("disconnected:anna:True"); i++)
        {
            await Task.Delay(100);
        }
        Assert.Contains("disconnected:anna:True", log.Lines);
    }

    [Fact]
    public async Task The_filter_does_not_leak_the_request_to_the_caller()
    {
        var accessor = new HttpContextAccessor();
        var filter = new HttpContextHubFilter(accessor);
        var http = new DefaultHttpContext();
        var caller = new ProbeCaller(http);
        HttpContext? seen = null;

        await filter.OnConnectedAsync(new HubLifetimeContext(caller, EmptyServices.Instance, new ProbeHub(accessor, new Caller(), new ProbeLog())), _ =>
        {
            seen = accessor.HttpContext;
            return Task.CompletedTask;
        });

        Assert.Same(http, seen);
        Assert.Null(accessor.HttpContext);
    }

    public sealed class ProbeLog
    {
        public ConcurrentQueue<string> Lines { get; } = new();
    }

    public sealed class ProbeHub(IHttpContextAccessor accessor, Caller user, ProbeLog log) : Hub
    {
        public string? Who() => user.Id;

        public bool SameRequest() => ReferenceEquals(accessor.HttpContext, Context.GetHttpContext());

        public Task Shout(string text) => Clients.All.SendAsync("Heard", text);

        public override Task OnConnectedAsync()
        {
            log.Lines.Enqueue($"connected:{user.Id}:{SameRequest()}");
            return base.OnConnectedAsync();
        }

        public override Task OnDisconnectedAsync(Exception? exception)
        {
            log.Lines.Enqueue($"disconnected:{user.Id}:{SameRequest()}");
            return base.OnDisconnectedAsync(exception);
        }
    }

    private sealed class ProbeCaller(HttpContext http) : HubCallerContext
    {
        private readonly FeatureCollection features = WithHttp(http);

        private static FeatureCollection WithHttp(HttpContext http)
        {
            var f = new FeatureCollection();
            f.Set<IHttpContextFeature>(new HttpFeature { HttpContext = http });
            return f;
        }

        public override string ConnectionId => "probe";
        public override string? UserIdentifier => null;
        public override ClaimsPrincipal? User => http.User;
        public override IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();
        public override IFeatureCollection Features => features;
        public override CancellationToken ConnectionAborted => CancellationToken.None;
        public override void Abort() { }
    }

    private sealed class HttpFeature : IHttpContextFeature
    {
        public HttpContext? HttpContext { get; set; }
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();
        public object? GetService(Type serviceType) => null;
    }
}
