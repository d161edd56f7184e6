using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.MethodCards;

/// <summary>Who keeps a card's place changes it. Its place stays: a copy puts it elsewhere.</summary>
[Authorize]
public sealed class EditModel(SaveMethodCard save, GetMethodCard get, IStringLocalizer<SharedResource> l) : PageModel, ICardFormPage
{
    [BindProperty] public CardForm Input { get; set; } = new();
    public IReadOnlyList<CardPlace> Places => [];
    public int Id { get; private set; }
    public string Title { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var denied = await LoadAsync(id);
        if (denied is not null) return denied;
        var card = (await get.ViewAsync(Id.ToString(System.Globalization.CultureInfo.InvariantCulture), HttpContext.RequestAborted))!;
        Input = CardForm.From(CopyMethodCard.InputFrom(card));
        Input.PadForms();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var denied = await LoadAsync(id);
        if (denied is not null) return denied;
        Input.PadForms();
        var outcome = await save.EditAsync(id, Input.ToInput(), HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        this.Flash("De werkvorm is opgeslagen.");
        return Redirect($"/werkvormen/{id}");
    }

    private async Task<IActionResult?> LoadAsync(int id)
    {
        Id = id;
        var allowed = await save.CanEditAsync(id, HttpContext.RequestAborted);
        if (!allowed.IsOk) return this.Fail(allowed, l);
        Title = allowed.Value!.Title;
        return null;
    }
}
