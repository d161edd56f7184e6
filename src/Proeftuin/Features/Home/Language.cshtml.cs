using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Proeftuin.Web;

namespace Proeftuin.Features.Home;

/// <summary>
/// The language switch in the header: a plain link (<c>GET /taal?culture=en&amp;returnUrl=/…</c>) that sets the culture
/// cookie and goes back to the page it came from — a local address only, never another site. A link rather than a
/// form, so pages carry no antiforgery token and can be cached for everyone signed out (ADR 0022). The POST form of
/// earlier releases still works for one release, so pages open in a browser keep switching.
/// </summary>
public sealed class LanguageModel : PageModel
{
    /// <summary>The switch's address for the page at <paramref name="returnUrl"/>.</summary>
    public static string Link(string culture, string returnUrl) =>
        $"/taal?culture={Uri.EscapeDataString(culture)}&returnUrl={Uri.EscapeDataString(returnUrl)}";

    public IActionResult OnGet(string? culture, string? returnUrl) => Switch(culture, returnUrl);

    // Remove in the release after the link: only pages rendered before it still post here.
    public IActionResult OnPost(string? culture, string? returnUrl) => Switch(culture, returnUrl);

    private LocalRedirectResult Switch(string? culture, string? returnUrl)
    {
        if (Localization.IsSupported(culture))
            Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName, Localization.CultureCookieValue(culture!),
                Localization.CultureCookieOptions(Request));
        // A personal answer (it sets a cookie): never kept by a shared cache.
        Response.Headers.CacheControl = "no-store";
        return LocalRedirect(this.SafeReturnUrl(returnUrl));
    }
}
