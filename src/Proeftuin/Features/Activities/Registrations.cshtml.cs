using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Activities;

/// <summary>Who is coming, and the waiting list in its order: for the activity's facilitators (guest e-mail addresses only here).</summary>
[Authorize]
public sealed class RegistrationsModel(GetRegistrations get, IStringLocalizer<SharedResource> l) : PageModel
{
    public RegistrationList List { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var outcome = await get.RunAsync(id, HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        List = outcome.Value!;
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
