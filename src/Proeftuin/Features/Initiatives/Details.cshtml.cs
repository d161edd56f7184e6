using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Initiatives;

/// <summary>The initiative: what and why, progress towards the threshold, pledges by perspective, the pledge form and the responses.</summary>
public sealed class DetailsModel(GetInitiative get, PledgeToInitiative pledge, IStringLocalizer<SharedResource> l) : PageModel
{
    public InitiativeView Initiative { get; private set; } = null!;
    [BindProperty] public PledgeForm PledgeInput { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        PledgeInput.Kind ??= nameof(PledgeKind.JoinIn);
        return Page();
    }

    // The use case decides first: 404, sign in and 403 come before any form error.
    public async Task<IActionResult> OnPostPledgeAsync(int id)
    {
        var outcome = await pledge.PledgeAsync(id, PledgeInput.ToInput(), HttpContext.RequestAborted);
        if (!outcome.IsOk) return await FailAsync(id, outcome);
        this.Flash(outcome.Value!.Reached
            ? "Je doet mee. Daarmee is de drempel gehaald: het initiatief gaat door! Iedereen die meedoet, krijgt bericht."
            : "Je doet mee. Dank je wel!");
        return Redirect($"/initiatieven/{id}#meedoen");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id)
    {
        var outcome = await pledge.WithdrawAsync(id, HttpContext.RequestAborted);
        if (!outcome.IsOk) return await FailAsync(id, outcome);
        this.Flash("Je doet niet meer mee. Je toezegging is ingetrokken.");
        return Redirect($"/initiatieven/{id}#meedoen");
    }

    private async Task<IActionResult> FailAsync<T>(int id, Outcome<T> outcome)
    {
        if (outcome.Status is OutcomeStatus.NotFound) return NotFound();
        if (outcome.Status is OutcomeStatus.Forbidden) return this.Denied();
        ModelState.AddErrors(outcome.Errors, l, "PledgeInput");
        if (!await LoadAsync(id)) return NotFound();
        return Page();
    }

    private async Task<bool> LoadAsync(int id)
    {
        var outcome = await get.RunAsync(id, HttpContext.RequestAborted);
        if (!outcome.IsOk) return false;
        Initiative = outcome.Value!;
        return true;
    }
}
