using System.Threading.RateLimiting;

namespace Proeftuin.Web;

public sealed class RateLimitOptions
{
    /// <summary>Password sign-in and registration attempts per client address per minute.</summary>
    public int SignInPerMinute { get; set; } = 10;
    /// <summary>Sign-in link and invitation e-mails per client address per 15 minutes.</summary>
    public int MailPerQuarter { get; set; } = 5;
    /// <summary>API calls per client address per minute.</summary>
    public int ApiPerMinute { get; set; } = 600;
    /// <summary>Stories posted through a share link (no account) per client address per 15 minutes; a kitchen-table
    /// session on one Wi-Fi network shares an address, so this is generous.</summary>
    public int SharePerQuarter { get; set; } = 30;
    /// <summary>Join-code pages per client address per minute, reading included, so codes cannot be guessed by trying;
    /// a room of people on one Wi-Fi network joins within a minute or two, so this stays above a class size.</summary>
    public int JoinPerMinute { get; set; } = 60;
    /// <summary>Feedback answers sent through a form's link (no account) per client address per 15 minutes; test
    /// participants in one room share an address, so this is generous, and each form has its own cap on answers.</summary>
    public int FeedbackPerQuarter { get; set; } = 60;
}

public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string Mail = "mail";
    public const string Api = "api";
    public const string Share = "share";
    public const string Join = "join";
    public const string Feedback = "feedback";

    public static WebApplicationBuilder AddRateLimits(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("RateLimits").Get<RateLimitOptions>() ?? new RateLimitOptions();
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignIn, ctx => PerClient(ctx, options.SignInPerMinute, TimeSpan.FromMinutes(1)));
            o.AddPolicy(Mail, ctx => PerClient(ctx, options.MailPerQuarter, TimeSpan.FromMinutes(15)));
            o.AddPolicy(Api, ctx => PerClient(ctx, options.ApiPerMinute, TimeSpan.FromMinutes(1)));
            o.AddPolicy(Share, ctx => PerClient(ctx, options.SharePerQuarter, TimeSpan.FromMinutes(15)));
            o.AddPolicy(Join, ctx => EveryRequest(ctx, options.JoinPerMinute, TimeSpan.FromMinutes(1)));
            o.AddPolicy(Feedback, ctx => PerClient(ctx, options.FeedbackPerQuarter, TimeSpan.FromMinutes(15)));
        });
        return builder;
    }

    // Only attempts count: reading a sign-in page is never limited.
    private static RateLimitPartition<string> PerClient(HttpContext ctx, int limit, TimeSpan window) =>
        HttpMethods.IsGet(ctx.Request.Method) && !ctx.Request.Path.StartsWithSegments("/api")
            ? RateLimitPartition.GetNoLimiter("read")
            : RateLimitPartition.GetFixedWindowLimiter(
            ctx.Connection.RemoteIpAddress?.ToString() ?? "local",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = window, QueueLimit = 0 });

    // Opening /doe-mee/{code} already tells whether a code exists, so reading counts as an attempt here.
    private static RateLimitPartition<string> EveryRequest(HttpContext ctx, int limit, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter(
            ctx.Connection.RemoteIpAddress?.ToString() ?? "local",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = window, QueueLimit = 0 });
}
