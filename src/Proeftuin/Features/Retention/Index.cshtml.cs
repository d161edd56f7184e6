using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Retention;

/// <summary>/beheer/bewaartermijnen: the periods as configured, the newest run's counts, and a button to run it now.</summary>
[Authorize(Policy = Caller.AdminRole)]
public sealed class IndexModel(ApplyRetention retention, IStringLocalizer<SharedResource> l) : PageModel
{
    public RetentionOverview Overview { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var outcome = await retention.OverviewAsync(HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l, "");
        Overview = outcome.Value!;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = await retention.OverviewAsync(HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l, "");
        var result = await retention.RunAsync(HttpContext.RequestAborted);
        this.Flash(l["De bewaartermijnen zijn toegepast: {0} dingen verwijderd of anoniem gemaakt.", result.Total]);
        return RedirectToPage();
    }
}
