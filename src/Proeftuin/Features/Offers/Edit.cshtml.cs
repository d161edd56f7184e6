using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Offers;

/// <summary>The owner changes an aanbod or vraag.</summary>
[Authorize]
public sealed class EditModel(EditOffer edit, IStringLocalizer<SharedResource> l) : PageModel, IOfferFormPage
{
    [BindProperty] public OfferForm Input { get; set; } = new();
    public int Id { get; private set; }
    public string CurrentTitle { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var loaded = await LoadAsync(id);
        if (!loaded.IsOk) return this.Fail(loaded, l);
        Input = OfferForm.From(loaded.Value!.Offer);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var loaded = await LoadAsync(id);
        if (!loaded.IsOk) return this.Fail(loaded, l);
        var outcome = await edit.RunAsync(id, Input.ToInput(), HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        this.Flash("Opgeslagen.");
        return Redirect($"/vraag-en-aanbod/{id}");
    }

    private async Task<Outcome<OfferContext>> LoadAsync(int id)
    {
        Id = id;
        var loaded = await edit.CanEditAsync(id, HttpContext.RequestAborted);
        if (loaded.IsOk) CurrentTitle = loaded.Value!.Offer.Title;
        return loaded;
    }
}
