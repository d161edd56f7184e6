using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Proeftuin.Web;

namespace Proeftuin.Tests.Web;

/// <summary>Operations: no telemetry unless an OTLP endpoint is configured; then traces and metrics reach it; request durations in the log.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task Without_an_endpoint_no_telemetry_is_collected()
    {
        await using var factory = new ProeftuinFactory();
        using var browser = factory.NewBrowser();
        using var response = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(factory.Services.GetService<TracerProvider>());
        Assert.Null(factory.Services.GetService<MeterProvider>());
    }

    [Fact]
    public async Task With_an_endpoint_traces_and_metrics_are_sent_over_otlp()
    {
        await using var collector = await FakeCollector.StartAsync();
        await using var factory = new ProeftuinFactory();
        factory.WithSetting(Telemetry.EndpointSetting, collector.Address)
            .WithSetting("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
            .WithSetting("OTEL_BSP_SCHEDULE_DELAY", "100")
            .WithSetting("OTEL_METRIC_EXPORT_INTERVAL", "200");
        using var browser = factory.NewBrowser();
        using (var page = await browser.GetAsync("/programmas/1"))
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.NotNull(factory.Services.GetService<TracerProvider>());

        var deadline = DateTime.UtcNow.AddSeconds(20);
        // The request's span (with its path) may come in a later batch than the start-up's database spans.
        bool PageTraced() => collector.Bodies("/v1/traces").Any(b => Contains(b, "/programmas/1"));
        while (DateTime.UtcNow < deadline && !(PageTraced() && collector.Received("/v1/metrics")))
            await Task.Delay(100);
        Assert.True(collector.Received("/v1/traces"), "no trace export arrived: " + collector.Describe());
        Assert.True(PageTraced(), "no exported span names the page's path");
        Assert.True(collector.Received("/v1/metrics"), "no metrics export arrived: " + collector.Describe());
    }

    [Fact]
    public async Task Each_request_can_be_logged_with_its_duration_and_slow_ones_always_are()
    {
        var lines = new ConcurrentQueue<(LogLevel Level, string Message)>();
        await using var factory = new LoggingFactory(lines);
        // A first page on a busy machine can take longer than the default second; then it would be a warning instead.
        factory.WithSetting("Logging:LogLevel:" + RequestTiming.Category, "Information").WithSetting("Operations:SlowRequestMilliseconds", "600000");
        using var browser = factory.NewBrowser();
        using (await browser.GetAsync("/programmas/1")) { }
        Assert.Contains(lines, l => l.Level == LogLevel.Information && l.Message.StartsWith("GET /programmas/1 answered 200 in ", StringComparison.Ordinal));

        await using var quiet = new LoggingFactory(lines = new());
        quiet.WithSetting("Operations:SlowRequestMilliseconds", "1");
        using var other = quiet.NewBrowser();
        using (await other.GetAsync("/programmas/1")) { }
        // At the default levels only the slow request shows, as a warning.
        Assert.Contains(lines, l => l.Level == LogLevel.Warning && l.Message.StartsWith("Slow request: GET /programmas/1", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Level == LogLevel.Information && l.Message.Contains(" answered ", StringComparison.Ordinal));
    }

    private static bool Contains(byte[] body, string text) =>
        body.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(text)) >= 0;

    private sealed class LoggingFactory(ConcurrentQueue<(LogLevel, string)> lines) : ProeftuinFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(l => l.AddProvider(new CaptureProvider(lines)));
        }
    }

    private sealed class CaptureProvider(ConcurrentQueue<(LogLevel, string)> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) =>
            categoryName == RequestTiming.Category ? new Capture(lines) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        public void Dispose() { }
    }

    private sealed class Capture(ConcurrentQueue<(LogLevel, string)> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue((logLevel, formatter(state, exception)));
    }

    /// <summary>An OTLP/HTTP receiver on loopback that keeps what it is sent.</summary>
    private sealed class FakeCollector : IAsyncDisposable
    {
        private readonly WebApplication app;
        private readonly ConcurrentQueue<(string Path, byte[] Body)> received = new();

        private FakeCollector(WebApplication app) => this.app = app;

        public string Address { get; private set; } = "";

        public static async Task<FakeCollector> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var collector = new FakeCollector(app);
            app.MapPost("/v1/{signal}", async (HttpContext context) =>
            {
                using var copy = new MemoryStream();
                await context.Request.Body.CopyToAsync(copy);
                collector.received.Enqueue((context.Request.Path.Value!, copy.ToArray()));
                context.Response.ContentType = "application/x-protobuf";
                return Results.Ok();
            });
            await app.StartAsync();
            collector.Address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return collector;
        }

        public bool Received(string path) => received.Any(r => r.Path == path);
        public List<byte[]> Bodies(string path) => received.Where(r => r.Path == path).Select(r => r.Body).ToList();
        public string Describe() => received.IsEmpty ? "nothing" : string.Join(", ", received.Select(r => r.Path));

        public async ValueTask DisposeAsync() => await app.DisposeAsync();
    }
}
