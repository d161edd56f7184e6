using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Proeftuin.Web;

/// <summary>
/// Operations: OpenTelemetry traces and metrics (ASP.NET Core, EF Core, SignalR, Npgsql, runtime), sent over
/// OTLP only when an endpoint is configured with the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> setting
/// (environment variable or any configuration source), so an unconfigured Proeftuin pays nothing for it.
/// The other standard <c>OTEL_*</c> settings (protocol, headers, service name) are read by the SDK itself.
/// Every request's duration is also in the log (<see cref="RequestTiming"/>).
/// </summary>
public static class Telemetry
{
    public const string EndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<RequestTimingOptions>(builder.Configuration.GetSection("Operations"));
        if (string.IsNullOrWhiteSpace(builder.Configuration[EndpointSetting]))
            return builder;

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(
                serviceName: builder.Configuration["OTEL_SERVICE_NAME"] ?? "proeftuin",
                serviceVersion: typeof(Telemetry).Assembly.GetName().Version?.ToString(),
                serviceInstanceId: Environment.MachineName))
            .WithTracing(t => t
                // Health probes every few seconds would drown the traces people look for.
                .AddAspNetCoreInstrumentation(o => o.Filter = c => !c.Request.Path.StartsWithSegments("/health"))
                .AddEntityFrameworkCoreInstrumentation()
                .AddSource("Microsoft.AspNetCore.SignalR.Server", "Npgsql"))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Microsoft.AspNetCore.Http.Connections", "Microsoft.AspNetCore.Server.Kestrel",
                    "Microsoft.EntityFrameworkCore", "Npgsql"))
            .UseOtlpExporter();
        return builder;
    }
}

public sealed class RequestTimingOptions
{
    /// <summary>A request slower than this is logged as a warning, even at the default log levels.</summary>
    public int SlowRequestMilliseconds { get; set; } = 1000;
}

/// <summary>
/// One log line per request with its duration, in the category <c>Proeftuin.Requests</c>: every request at
/// Information (off unless that category is set to Information), slow ones at Warning. The check is one
/// <c>IsEnabled</c> per request, so the default configuration pays almost nothing.
/// </summary>
public static partial class RequestTiming
{
    public const string Category = "Proeftuin.Requests";

    public static IApplicationBuilder UseRequestTiming(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(Category);
        var options = app.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<RequestTimingOptions>>().Value;
        var slow = TimeSpan.FromMilliseconds(Math.Max(1, options.SlowRequestMilliseconds));
        return app.Use(async (context, next) =>
        {
            var start = Stopwatch.GetTimestamp();
            try { await next(context); }
            finally
            {
                var elapsed = Stopwatch.GetElapsedTime(start);
                if (elapsed >= slow)
                    SlowRequest(logger, context.Request.Method, context.Request.Path, context.Response.StatusCode, elapsed.TotalMilliseconds);
                else if (logger.IsEnabled(LogLevel.Information))
                    Request(logger, context.Request.Method, context.Request.Path, context.Response.StatusCode, elapsed.TotalMilliseconds);
            }
        });
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Method} {Path} answered {StatusCode} in {ElapsedMilliseconds:0.0} ms")]
    private static partial void Request(ILogger logger, string method, PathString path, int statusCode, double elapsedMilliseconds);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Slow request: {Method} {Path} answered {StatusCode} in {ElapsedMilliseconds:0.0} ms")]
    private static partial void SlowRequest(ILogger logger, string method, PathString path, int statusCode, double elapsedMilliseconds);
}
