namespace Proeftuin.Web;

/// <summary>
/// The address put in e-mailed links: App:PublicUrl. Production must set it (checked at start): taking the
/// request's Host header there would let anyone have sign-in links mailed that point to their own site.
/// Development and tests fall back to the request's host.
/// </summary>
public sealed class PublicUrl(IConfiguration config, IHttpContextAccessor accessor)
{
    /// <summary>Only Development and the test suites may build links from the request.</summary>
    public static void EnsureConfigured(WebApplication app)
    {
        var configured = app.Configuration["App:PublicUrl"];
        if (string.IsNullOrWhiteSpace(configured))
        {
            if (app.Environment.IsDevelopment() || app.Environment.IsEnvironment("Testing")) return;
            throw new InvalidOperationException("Set App:PublicUrl (for example https://proeftuin.example.nl): e-mailed links are built from it.");
        }
        if (!Uri.TryCreate(configured, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            throw new InvalidOperationException($"App:PublicUrl must be an absolute http(s) address, not '{configured}'.");
    }

    public string Base
    {
        get
        {
            var configured = config["App:PublicUrl"];
            if (!string.IsNullOrWhiteSpace(configured)) return configured.TrimEnd('/');
            var request = accessor.HttpContext?.Request ?? throw new InvalidOperationException("No request to take the host from.");
            return $"{request.Scheme}://{request.Host}";
        }
    }

    /// <summary>For background jobs, which have no request: the configured address, or null (Development and tests without one).</summary>
    public string? BaseIfKnown
    {
        get
        {
            var configured = config["App:PublicUrl"];
            if (!string.IsNullOrWhiteSpace(configured)) return configured.TrimEnd('/');
            return accessor.HttpContext?.Request is { } request ? $"{request.Scheme}://{request.Host}" : null;
        }
    }
}
