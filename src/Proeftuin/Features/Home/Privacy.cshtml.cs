using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Proeftuin.Features.Retention;

namespace Proeftuin.Features.Home;

/// <summary>/privacy: what Proeftuin keeps about residents, why, how long, who sees it and their rights, in B1 Dutch. Linked from the footer.</summary>
// Served from the page cache to everyone signed out (Web/PageCache.cs).
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Proeftuin.Web.PageCache.Policy)]
public sealed class PrivacyModel(IOptions<RetentionOptions> retention, IConfiguration configuration) : PageModel
{
    public RetentionOptions Retention => retention.Value;
    /// <summary>Privacy:Contact — the address of the organisation's privacy contact; not set: ask the facilitator or the admin.</summary>
    public string? Contact => configuration["Privacy:Contact"] is { Length: > 0 and <= 200 } c ? c.Trim() : null;

    public void OnGet() { }
}
