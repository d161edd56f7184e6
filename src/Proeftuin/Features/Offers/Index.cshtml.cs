using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Proeftuin.Web;

namespace Proeftuin.Features.Offers;

/// <summary>Vraag en aanbod the caller may read, filtered by programme, project, direction and category (<c>?programma=&amp;project=&amp;soort=&amp;categorie=</c>).</summary>
public sealed class IndexModel(FindOffers find, ProjectAccess access, Caller me) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "programma")] public string? Programme { get; set; }
    [BindProperty(SupportsGet = true, Name = "project")] public string? Project { get; set; }
    [BindProperty(SupportsGet = true, Name = "soort")] public string? Direction { get; set; }
    [BindProperty(SupportsGet = true, Name = "categorie")] public string? Category { get; set; }
    [BindProperty(SupportsGet = true, Name = "pagina")] public string? Pagina { get; set; }
    public OfferList List { get; private set; } = null!;
    /// <summary>Where "Zet iets op vraag en aanbod" leads: the filtered project when the caller may post there, else the programme.</summary>
    public string? NewUrl { get; private set; }

    private static int? Number(string? text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    public async Task<IActionResult> OnGetAsync()
    {
        // Unknown filter values show everything rather than an error: they came from a hand-made address.
        var filter = new OfferFilter(Number(Programme), Number(Project), OfferWords.DirectionFromUrlWord(Direction), OfferWords.CategoryFromUrlWord(Category));
        List = await find.RunAsync(filter, Number(Pagina) ?? 1, HttpContext.RequestAborted);
        if (me.IsSignedIn)
        {
            if (filter.ProjectId is { } pid && await access.ForProjectAsync(pid, HttpContext.RequestAborted) is { } p)
                NewUrl = p.IsTeam || p.IsAdmin ? $"/vraag-en-aanbod/nieuw?project={pid}" : $"/vraag-en-aanbod/nieuw?programma={p.ProgrammeId}";
            else if (filter.ProgrammeId is { } gid && List.Programmes.Any(x => x.Id == gid))
                NewUrl = $"/vraag-en-aanbod/nieuw?programma={gid}";
            else if (List.Programmes.Count > 0)
                NewUrl = $"/vraag-en-aanbod/nieuw?programma={List.Programmes[0].Id}";
        }
        return Page();
    }

    public string PageUrl(int page)
    {
        var f = List.Filter;
        var parts = new List<string>();
        if (f.ProgrammeId is { } g) parts.Add($"programma={g}");
        if (f.ProjectId is { } p) parts.Add($"project={p}");
        if (f.Direction is { } d) parts.Add($"soort={d.UrlWord()}");
        if (f.Category is { } c) parts.Add($"categorie={c.UrlWord()}");
        parts.Add($"pagina={page}");
        return "/vraag-en-aanbod?" + string.Join('&', parts);
    }
}
