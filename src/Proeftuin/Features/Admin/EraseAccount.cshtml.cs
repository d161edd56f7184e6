using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Features.Privacy;
using Proeftuin.Web;

namespace Proeftuin.Features.Admin;

/// <summary>An admin removes an account on the person's request, with a reason for the audit log.</summary>
[Authorize(Policy = Caller.AdminRole)]
public sealed class EraseAccountModel(EraseAccount erase, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? UserId { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public StoryChoice? Stories { get; set; }
    public ErasurePlan Plan { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var outcome = await erase.PlanAsync(UserId, HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l, "");
        Plan = outcome.Value!;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var outcome = await erase.EraseByAdminAsync(UserId, Reason, Stories, HttpContext.RequestAborted);
        if (outcome.IsOk)
        {
            this.Flash("Het account is verwijderd.");
            return Redirect("/beheer/mensen");
        }
        var planned = await erase.PlanAsync(UserId, HttpContext.RequestAborted);
        if (!planned.IsOk) return this.Fail(planned, l, "");
        Plan = planned.Value!;
        return this.Fail(outcome, l, "");
    }
}
