using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Proeftuin.Web;

namespace Proeftuin.Features.Home;

/// <summary>The language switch in the header: a plain form, so it works without JavaScript.</summary>
public sealed class LanguageModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public IActionResult OnPost(string? culture, string? returnUrl)
    {
        if (Localization.IsSupported(culture))
            Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName, Localization.CultureCookieValue(culture!),
                Localization.CultureCookieOptions(Request));
        return LocalRedirect(this.SafeReturnUrl(returnUrl));
    }
}
