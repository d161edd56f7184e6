using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Offers;

/// <summary>An aanbod or vraag: what it is, the matches both ways, "Past bij…", the private conversations and, for the owner, "Geregeld".</summary>
public sealed class DetailsModel(GetOffer get, SuggestMatch match, SendOfferMessage send, EditOffer edit, IStringLocalizer<SharedResource> l) : PageModel
{
    public OfferView Offer { get; private set; } = null!;
    [BindProperty] public MatchForm MatchInput { get; set; } = new();
    [BindProperty] public MessageForm MessageInput { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    // The use case decides first: 404, sign in and 403 come before any form error.
    public async Task<IActionResult> OnPostMatchAsync(int id)
    {
        var outcome = await match.RunAsync(id, OfferForm.Id(MatchInput.Other), HttpContext.RequestAborted);
        if (!outcome.IsOk) return await FailAsync(id, outcome, "MatchInput");
        this.Flash("Dank je wel. De eigenaren van allebei krijgen een melding.");
        return Redirect($"/vraag-en-aanbod/{id}#matches");
    }

    public async Task<IActionResult> OnPostMessageAsync(int id)
    {
        var outcome = await send.RunAsync(id, MessageInput.Text, MessageInput.With, HttpContext.RequestAborted);
        if (!outcome.IsOk) return await FailAsync(id, outcome, "MessageInput");
        this.Flash("Je bericht is verstuurd. Alleen jullie tweeën kunnen het lezen.");
        return Redirect($"/vraag-en-aanbod/{id}#gesprekken");
    }

    public async Task<IActionResult> OnPostCloseAsync(int id)
    {
        var outcome = await edit.CloseAsync(id, close: true, HttpContext.RequestAborted);
        if (!outcome.IsOk) return await FailAsync(id, outcome, "MatchInput");
        this.Flash("Fijn dat het geregeld is! Het staat nu op ‘geregeld’.");
        return Redirect($"/vraag-en-aanbod/{id}");
    }

    public async Task<IActionResult> OnPostReopenAsync(int id)
    {
        var outcome = await edit.CloseAsync(id, close: false, HttpContext.RequestAborted);
        if (!outcome.IsOk) return await FailAsync(id, outcome, "MatchInput");
        this.Flash("Het staat weer open.");
        return Redirect($"/vraag-en-aanbod/{id}");
    }

    private async Task<IActionResult> FailAsync<T>(int id, Outcome<T> outcome, string prefix)
    {
        if (outcome.Status is OutcomeStatus.NotFound) return NotFound();
        if (outcome.Status is OutcomeStatus.Forbidden) return this.Denied();
        ModelState.AddErrors(outcome.Errors, l, prefix);
        if (!await LoadAsync(id)) return NotFound();
        return Page();
    }

    private async Task<bool> LoadAsync(int id)
    {
        var outcome = await get.RunAsync(id, HttpContext.RequestAborted);
        if (!outcome.IsOk) return false;
        Offer = outcome.Value!;
        return true;
    }
}
