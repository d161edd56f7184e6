using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Privacy;

/// <summary>Account verwijderen, step 1: choose per story, then a confirmation link is mailed.</summary>
[Authorize]
public sealed class EraseModel(EraseAccount erase, Caller me, PublicUrl publicUrl, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public Dictionary<int, StoryChoice?> Choices { get; set; } = [];
    public ErasurePlan Plan { get; private set; } = null!;
    public bool Sent { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var outcome = await erase.PlanAsync(me.Id, HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l, "");
        Plan = outcome.Value!;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // A choice that is no choice (a tampered form) reaches the use case as missing, and gets its message.
        ModelState.Clear();
        var outcome = await erase.RequestAsync(Choices, publicUrl.Base, HttpContext.RequestAborted);
        if (outcome.IsOk)
        {
            Plan = outcome.Value!;
            Sent = true;
            return Page();
        }
        var planned = await erase.PlanAsync(me.Id, HttpContext.RequestAborted);
        if (!planned.IsOk) return this.Fail(planned, l, "");
        Plan = planned.Value!;
        return this.Fail(outcome, l, "");
    }
}
