using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Activities;

/// <summary>A facilitator cancels an activity with a reason; everyone signed up is told.</summary>
[Authorize]
public sealed class CancelModel(CancelActivity cancel, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public CancelForm Input { get; set; } = new();
    public Activity Activity { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var found = await cancel.CanCancelAsync(id, HttpContext.RequestAborted);
        if (!found.IsOk) return this.Fail(found, l);
        Activity = found.Value!;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var found = await cancel.CanCancelAsync(id, HttpContext.RequestAborted);
        if (!found.IsOk) return this.Fail(found, l);
        Activity = found.Value!;
        if (!ModelState.IsValid) return Page();
        var outcome = await cancel.RunAsync(id, Input.Reason, HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        this.Flash("De activiteit is afgelast. Iedereen die zich had aangemeld, krijgt bericht.");
        return Redirect($"/activiteiten/{id}");
    }
}

public sealed class CancelForm
{
    public string? Reason { get; set; }
}
