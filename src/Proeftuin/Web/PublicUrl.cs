namespace Proeftuin.Web;

/// <summary>The address put in e-mailed links: App:PublicUrl when set (production), else the request's own host.</summary>
public sealed class PublicUrl(IConfiguration config, IHttpContextAccessor accessor)
{
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
