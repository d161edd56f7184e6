using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Proeftuin.Features.Follows;

/// <summary>
/// /volgen/afmelden?t=…: the link in every digest. Opening it asks first (a link checker must not unsubscribe anyone);
/// a POST unsubscribes at once, from the button here or from the mail program's one-click (RFC 8058). That POST comes
/// from the mail provider, without a form token: the token in the address is what authorises it.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(ManageDigest manage) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "t")]
    public string? Token { get; set; }

    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await manage.IsValidLinkAsync(Token, HttpContext.RequestAborted) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await manage.UnsubscribeAsync(Token, HttpContext.RequestAborted)) return NotFound();
        Done = true;
        return Page();
    }
}
