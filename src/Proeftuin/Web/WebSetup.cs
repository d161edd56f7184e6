using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using Proeftuin.Data;
using Scalar.AspNetCore;

namespace Proeftuin.Web;

public static class WebSetup
{
    public static WebApplicationBuilder AddWeb(this WebApplicationBuilder builder)
    {
        // Serve the build's static assets (and their compressed copies) in every environment, not only
        // Development; a published app has no manifest for this and is unaffected.
        builder.WebHost.UseStaticWebAssets();
        // Run from the build output (`dotnet run`, the test host) MapStaticAssets would send every asset with no-cache;
        // the build's manifest is right there too: fingerprinted URLs immutable for a year, the others revalidated.
        // Pages link the fingerprinted URLs (MapRazorPages().WithStaticAssets() in Program.cs), so a rebuilt asset
        // gets a new URL. Set EnableStaticAssetsDevelopmentCaching=false to get the framework's no-cache back.
        if (string.IsNullOrEmpty(builder.Configuration["EnableStaticAssetsDevelopmentCaching"]))
            builder.Configuration["EnableStaticAssetsDevelopmentCaching"] = "true";
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<Markdown>();
        services.AddScoped<PublicUrl>();
        // API answers name their enums ("Experience", "Vote"), not numbers a reader has to look up.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                o.Conventions.AddPageRoute("/Home/Index", "/programmas");
                o.Conventions.AddPageRoute("/Programmes/Edit", "/programmas/nieuw");
            })
            .AddMvcOptions(o =>
            {
                o.Filters.Add<InvalidFormStatusFilter>();
                var l = services.BuildLocalizerForOptions();
                Localization.UseDutchBindingMessages(o.ModelBindingMessageProvider, l);
            })
            .AddRazorOptions(o => o.PageViewLocationFormats.Add("/Shared/{0}.cshtml"));
        // No "delete the flash-message cookie" header on pages that never had one (Web/QuietTempData.cs).
        QuietTempDataProvider.Register(services);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            // The framework's own problems (unknown route, 405, 429, crash) get a Dutch (or English) title too.
            var l = ctx.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            if (ctx.ProblemDetails.Status is { } status && ApiResults.DefaultTitle(status) is { } title
                && (ctx.ProblemDetails.Title == Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) || status >= 500))
                ctx.ProblemDetails.Title = l[title];
            if (ctx.ProblemDetails.Status == StatusCodes.Status503ServiceUnavailable)
            {
                ctx.ProblemDetails.Detail ??= l["De gegevens zijn even niet bereikbaar. Probeer het zo nog eens."];
                ctx.HttpContext.Response.Headers.RetryAfter = DatabaseOutage.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        });
        services.AddOpenApi();
        // "/health": is this node alive (Degraded without Redis); "/health/ready": may it take new live-session screens.
        services.TryAddSingleton<SharedRedis>();
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database")
            .AddCheck<RedisHealthCheck>("redis", Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded, [Alive])
            .AddCheck<RedisHealthCheck>("redis-ready", Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy, [Ready]);
        // Keys in the database: every web node can read every other node's cookies.
        services.AddDataProtection().SetApplicationName("Proeftuin").PersistKeysToDbContext<AppDbContext>();
        builder.AddTransportSecurity();
        // Room for a too-large logo to arrive, so its use case can say in Dutch how large it may be.
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = 8 * 1024 * 1024);
        return builder;
    }

    // The binding messages need a localizer before the container is built; a small standalone one is enough.
    private static IStringLocalizer BuildLocalizerForOptions(this IServiceCollection _)
    {
        var factory = new ResourceManagerStringLocalizerFactory(
            Microsoft.Extensions.Options.Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }),
            Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        return factory.Create(typeof(SharedResource));
    }

    public static WebApplication UseWebPipeline(this WebApplication app)
    {
        // First, so the logged duration covers everything the app does for a request.
        app.UseRequestTiming();
        app.UseTransportSecurity();
        // The language first: the exception handler and the status-code pages below write their problem+json in it too.
        app.UseRequestLocalization();
        // An unexpected error is problem+json on the API and a Dutch page elsewhere; never a stack trace.
        if (app.Environment.IsDevelopment())
            app.UseDeveloperExceptionPage();
        else
        {
            // An unreachable database is a 503 with "probeer het zo nog eens", not a 500 (DatabaseOutage).
            app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), a => a.UseExceptionHandler(DatabaseOutage.HandlerOptions()));
            app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), a => a.UseExceptionHandler(DatabaseOutage.HandlerOptions("/fout")));
        }
        // API errors are problem+json; page errors get a Dutch page.
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), a => a.UseStatusCodePages());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), a => a.UseStatusCodePagesWithReExecute("/fout/{0}"));
        app.UseSecurityHeaders();
        app.UseRouting();
        // Before the cache: an API list served from it still counts against the caller's limit (RateLimits.Api). Pages
        // without a limit pass through untouched (there is no global limiter).
        app.UseRateLimiter();
        // Public pages (and public API lists) for someone signed out come from here, before sign-in cookies are read
        // (Web/PageCache.cs).
        app.UseOutputCache();
        // Inside the page cache, so a cached page keeps its compressed body (Web/Compression.cs).
        app.UseResponseCompression();
        app.UseAuthentication();
        // Who is asking, once per request, before anything authorizes or reads it.
        app.UseCaller();
        app.UseAuthorization();
        app.UseAntiforgery();
        // Creates under /api/v1 sent again with the same Idempotency-Key get the first answer (Web/IdempotencyApi.cs).
        app.UseIdempotentApi();
        app.MapStaticAssets();
        return app;
    }

    private const string Alive = "alive";
    private const string Ready = "ready";

    public static WebApplication MapOperations(this WebApplication app)
    {
        app.MapHealthChecks("/health", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = r => !r.Tags.Contains(Ready) });
        app.MapHealthChecks("/health/ready", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = r => !r.Tags.Contains(Alive) });
        app.MapOpenApi("/openapi/{documentName}.json");
        if (app.Environment.IsDevelopment())
            app.MapScalarApiReference();
        return app;
    }
}
