using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Accounts;

/// <summary>
/// Opening the link shows a button; only pressing it signs in. Mail scanners that open links
/// therefore cannot use up the single-use link.
/// </summary>
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class SignInWithLinkModel(UseSignInLink useLink, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Token { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = await useLink.RunAsync(Token, HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l, "");
        Response.Cookies.Append(Microsoft.AspNetCore.Localization.CookieRequestCultureProvider.DefaultCookieName, Localization.CultureCookieValue(outcome.Value!.Language));
        this.Flash("Je bent ingelogd.");
        return LocalRedirect(this.SafeReturnUrl(ReturnUrl, "/mijn"));
    }
}
