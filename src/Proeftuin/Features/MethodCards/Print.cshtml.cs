using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Proeftuin.Web;
using Proeftuin.Features.Projects;

namespace Proeftuin.Features.MethodCards;

/// <summary>
/// Cards to print, one per A5 page without the site's navigation: the cards named by ?kaart= (from a card's page), or
/// the library as filtered (q, fase, project). On screen they stand one below the other.
/// </summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Proeftuin.Web.PageCache.Policy)]
public sealed class PrintModel(FindMethodCards find, GetMethodCard get) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "kaart")] public List<string> Keys { get; set; } = [];
    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "fase")] public string? Fase { get; set; }
    [BindProperty(SupportsGet = true, Name = "project")] public int? ProjectId { get; set; }
    public IReadOnlyList<CardView> Cards { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        if (Keys.Count > 0)
        {
            var cards = new List<CardView>();
            foreach (var key in Keys.Distinct().Take(MethodCardLimits.MaxCardsPerSession))
                if (await get.ViewAsync(key, ct) is { } card) cards.Add(card);
            if (cards.Count == 0) return NotFound();
            Cards = cards;
            return Page();
        }
        var phase = Validation.ExactName<Phase>(Fase);
        var q = Q is { Length: > FindMethodCards.MaxQuery } ? Q[..FindMethodCards.MaxQuery] : Q;
        var list = await find.RunAsync(new CardQuery(q, phase, ProjectId), ct);
        if (list is null) return NotFound();
        Cards = list.Cards;
        return Page();
    }
}
