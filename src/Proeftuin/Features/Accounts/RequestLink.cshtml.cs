using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Accounts;

[EnableRateLimiting(RateLimits.Mail)]
public sealed class RequestLinkModel(RequestSignInLink requestLink, PublicUrl publicUrl, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public LinkInput Link { get; set; } = new();
    public bool Sent { get; private set; }

    public sealed class LinkInput
    {
        public string? Email { get; set; }
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = await requestLink.RunAsync(Link.Email, publicUrl.Base, HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l, "Link");
        Sent = true;
        return Page();
    }
}
