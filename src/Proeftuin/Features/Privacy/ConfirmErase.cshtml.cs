using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Features.Accounts;
using Proeftuin.Web;

namespace Proeftuin.Features.Privacy;

/// <summary>
/// Account verwijderen, step 2: the mailed link shows a button (a mail scanner that opens links erases nothing);
/// pressing it erases, signs out and shows the confirmation. Only for the signed-in person the link was made for.
/// </summary>
[Authorize]
public sealed class ConfirmEraseModel(EraseAccount erase, SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    public ErasurePlan? Plan { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Response.Headers.CacheControl = "no-store";
        return Show(await erase.CheckLinkAsync(Token, HttpContext.RequestAborted));
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Response.Headers.CacheControl = "no-store";
        var outcome = await erase.ConfirmAsync(Token, HttpContext.RequestAborted);
        if (!outcome.IsOk) return Show(outcome);
        await signIn.SignOutAsync();
        return Redirect("/account/verwijderd");
    }

    private IActionResult Show(Outcome<ErasurePlan> outcome)
    {
        if (outcome.Status == OutcomeStatus.Invalid)
        {
            ModelState.AddErrors(outcome.Errors, l, "");
            Plan = null;
            return Page();
        }
        if (!outcome.IsOk) return this.Fail(outcome, l, "");
        Plan = outcome.Value;
        return Page();
    }
}
