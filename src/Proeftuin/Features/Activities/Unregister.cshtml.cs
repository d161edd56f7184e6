using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Proeftuin.Web;

namespace Proeftuin.Features.Activities;

/// <summary>
/// A guest cancels with the link from their mail, without signing in: the page asks to confirm (a mail scanner that
/// opens the link cancels nothing), the button cancels. A wrong or used link says so, without telling whose it was.
/// Limited per address like the guest sign-up, so links cannot be guessed by trying.
/// </summary>
[EnableRateLimiting(RateLimits.Feedback)]
public sealed class UnregisterModel(CancelRegistration cancel, ActivityRules rules) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    public Activity? Activity { get; private set; }
    public ActivityRegistration? Registration { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await rules.ReadAsync(id, ct: HttpContext.RequestAborted) is not var (activity, _)) return NotFound();
        Activity = activity;
        Registration = await cancel.FindByTokenAsync(id, Code, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await rules.ReadAsync(id, ct: HttpContext.RequestAborted) is null) return NotFound();
        var outcome = await cancel.ByTokenAsync(id, Code, HttpContext.RequestAborted);
        if (!outcome.IsOk) return await OnGetAsync(id);
        this.Flash("Je bent afgemeld. Jammer dat je niet kunt komen.");
        return Redirect($"/activiteiten/{id}");
    }
}
