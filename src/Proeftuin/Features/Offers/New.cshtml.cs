using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Offers;

/// <summary>Put an aanbod or a vraag in a programme (<c>?programma=</c>) or a project (<c>?project=</c>); <c>&amp;soort=vraag</c> chooses the vraag first.</summary>
[Authorize]
public sealed class NewModel(PostOffer post, IStringLocalizer<SharedResource> l) : PageModel, IOfferFormPage
{
    [BindProperty(SupportsGet = true, Name = "programma")] public string? Programme { get; set; }
    [BindProperty(SupportsGet = true, Name = "project")] public string? Project { get; set; }
    [BindProperty(SupportsGet = true, Name = "soort")] public string? Direction { get; set; }
    [BindProperty] public OfferForm Input { get; set; } = new();
    public OfferPlace Place { get; private set; } = null!;

    private static int? Id(string? text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    public async Task<IActionResult> OnGetAsync()
    {
        var denied = await LoadAsync();
        if (denied is not null) return denied;
        Input = new OfferForm { Direction = (OfferWords.DirectionFromUrlWord(Direction) ?? OfferDirection.Offer).ToString(), Category = nameof(OfferCategory.Time) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var denied = await LoadAsync();
        if (denied is not null) return denied;
        var outcome = await post.RunAsync(Place.ProgrammeId, Place.ProjectId, Input.ToInput(), HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        this.Flash("Het staat erop. Wie erop reageert, stuurt je een bericht via Proeftuin; je krijgt dan een melding.");
        return Redirect($"/vraag-en-aanbod/{outcome.Value!.Id}");
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var place = await post.CanPostAsync(Id(Programme), Id(Project), HttpContext.RequestAborted);
        if (!place.IsOk) return this.Fail(place, l);
        Place = place.Value!;
        return null;
    }
}
