using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.MethodCards;

/// <summary>
/// Copy and adapt a card (built-in by slug, own by id) into a programme or project the caller keeps. The form starts
/// with the card's content; ?project= chooses the place beforehand.
/// </summary>
[Authorize]
public sealed class CopyModel(CopyMethodCard copy, CardPlaces places, IStringLocalizer<SharedResource> l) : PageModel, ICardFormPage
{
    [BindProperty(SupportsGet = true, Name = "project")] public int? ProjectId { get; set; }
    [BindProperty] public CardForm Input { get; set; } = new();
    public IReadOnlyList<CardPlace> Places { get; private set; } = [];
    public CardView Source { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string key)
    {
        var ct = HttpContext.RequestAborted;
        var prepared = await copy.PrepareAsync(key, ct);
        if (!prepared.IsOk) return this.Fail(prepared, l);
        (Source, var input) = prepared.Value;
        Places = await PlacesAsync();
        Input = CardForm.From(input);
        // The copy goes where it was asked for, else to the source's own project when the caller keeps it, else it is chosen.
        Input.Place = Places.FirstOrDefault(p => p.ProjectId == ProjectId)?.Value
            ?? Places.FirstOrDefault(p => p.Value == input.Place)?.Value
            ?? (Places.Count == 1 ? Places[0].Value : null);
        Input.PadForms();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key)
    {
        var ct = HttpContext.RequestAborted;
        var prepared = await copy.PrepareAsync(key, ct);
        if (!prepared.IsOk) return this.Fail(prepared, l);
        Source = prepared.Value.Source;
        Places = await PlacesAsync();
        Input.PadForms();
        var outcome = await copy.RunAsync(key, Input.ToInput(), ct);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        this.Flash("De kopie staat in de bibliotheek. Je kunt hem altijd weer aanpassen.");
        return Redirect($"/werkvormen/{outcome.Value!.Id}");
    }

    private Task<List<CardPlace>> PlacesAsync() => places.KeptAsync(HttpContext.RequestAborted);
}
