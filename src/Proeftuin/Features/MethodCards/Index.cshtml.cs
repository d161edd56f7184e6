using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Proeftuin.Web;
using Proeftuin.Features.Projects;

namespace Proeftuin.Features.MethodCards;

/// <summary>
/// The werkvormen library: every card the reader may see, to search by word and filter by phase. Opened for a project
/// (?project=) it shows that project's cards and its programme's, and its facilitators plan a session from them.
/// </summary>
// Served from the page cache to everyone signed out (Web/PageCache.cs).
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Proeftuin.Web.PageCache.Policy)]
public sealed class IndexModel(FindMethodCards find) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "fase")] public string? Fase { get; set; }
    [BindProperty(SupportsGet = true, Name = "project")] public int? ProjectId { get; set; }
    public CardList List { get; private set; } = null!;
    public Phase? Phase { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        // An unknown phase or an over-long search is ignored rather than refused: the page still shows every card.
        Phase = Validation.ExactName<Phase>(Fase);
        if (Q is { Length: > FindMethodCards.MaxQuery }) Q = Q[..FindMethodCards.MaxQuery];
        var list = await find.RunAsync(new CardQuery(Q, Phase, ProjectId), HttpContext.RequestAborted);
        if (list is null) return NotFound();
        List = list;
        return Page();
    }

    /// <summary>The same filters for the print page.</summary>
    public string PrintUrl => "/werkvormen/afdrukken" + QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = string.IsNullOrWhiteSpace(Q) ? null : Q,
        ["fase"] = Phase?.ToString(),
        ["project"] = ProjectId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => p.Value is not null));
}
