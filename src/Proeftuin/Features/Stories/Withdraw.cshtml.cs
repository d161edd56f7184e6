using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Stories;

/// <summary>Verhaal intrekken: confirm, then erase. Open without an account for whoever holds the key.</summary>
public sealed class WithdrawModel(WithdrawStory withdraw, IStringLocalizer<SharedResource> l) : PageModel
{
    public WithdrawTarget Target { get; private set; } = null!;
    [BindProperty] public bool RequestedByTeller { get; set; }
    /// <summary>Kept in the form's address (the page's own query) so the POST carries it too.</summary>
    [BindProperty(SupportsGet = true, Name = "sleutel")] public string? Key { get; set; }
    public bool JustWithdrawn { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (Key is not null) Response.Headers.CacheControl = "no-store";
        var outcome = await withdraw.LoadAsync(id, HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l, "");
        Target = outcome.Value!;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        Response.Headers.CacheControl = "no-store";
        var outcome = await withdraw.RunAsync(id, RequestedByTeller, HttpContext.RequestAborted);
        if (outcome.Status == OutcomeStatus.Invalid)
        {
            var loaded = await withdraw.LoadAsync(id, HttpContext.RequestAborted);
            if (!loaded.IsOk) return this.Fail(loaded, l, "");
            Target = loaded.Value!;
            return this.Fail(outcome, l, "");
        }
        if (!outcome.IsOk) return this.Fail(outcome, l, "");
        Target = outcome.Value!;
        JustWithdrawn = true;
        return Page();
    }
}
