namespace Proeftuin.Web;

/// <summary>
/// The address put in e-mailed links: App:PublicUrl. Production must set it (checked at start): taking the
/// request's Host header there would let anyone have sign-in links mailed that point to their own site.
/// Development and tests fall back to the request's host.
/// </summary>
public sealed class PublicUrl(IConfiguration config, IHttpContextAccessor accessor)
{
    public static void EnsureConfigured(WebApplication app)
    {
        if (app.Environment.IsProduction() && string.IsNullOrWhiteSpace(app.Configuration["App:PublicUrl"]))
            throw new InvalidOperationException("Set App:PublicUrl (for example https://proeftuin.example.nl): e-mailed links are built from it.");
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
}
