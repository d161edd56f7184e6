using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Proeftuin.Web;

namespace Proeftuin.Features.Initiatives;

/// <summary>All initiatives the caller may read, filtered by programme, project, status and type (<c>?programma=&amp;project=&amp;status=&amp;soort=</c>).</summary>
public sealed class IndexModel(FindInitiatives find, ProjectAccess access, Caller me) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "programma")] public string? Programme { get; set; }
    [BindProperty(SupportsGet = true, Name = "project")] public string? Project { get; set; }
    [BindProperty(SupportsGet = true, Name = "status")] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "soort")] public string? Type { get; set; }
    [BindProperty(SupportsGet = true, Name = "pagina")] public string? Pagina { get; set; }
    public InitiativeList List { get; private set; } = null!;
    /// <summary>Where "Start een initiatief" leads: the filtered project when the caller may start there, else the programme.</summary>
    public string? StartUrl { get; private set; }

    private static int? Number(string? text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    public async Task<IActionResult> OnGetAsync()
    {
        // Unknown filter values show every initiative rather than an error: they came from a hand-made address.
        var filter = new InitiativeFilter(Number(Programme), Number(Project), InitiativeWords.StatusFromUrlWord(Status), InitiativeWords.TypeFromUrlWord(Type));
        List = await find.RunAsync(filter, Number(Pagina) ?? 1, HttpContext.RequestAborted);
        if (me.IsSignedIn)
        {
            if (filter.ProjectId is { } pid && await access.ForProjectAsync(pid, HttpContext.RequestAborted) is { } p)
                StartUrl = p.IsTeam || p.IsAdmin ? $"/initiatieven/nieuw?project={pid}" : $"/initiatieven/nieuw?programma={p.ProgrammeId}";
            else if (filter.ProgrammeId is { } gid && List.Programmes.Any(x => x.Id == gid))
                StartUrl = $"/initiatieven/nieuw?programma={gid}";
            else if (List.Programmes.Count > 0)
                StartUrl = $"/initiatieven/nieuw?programma={List.Programmes[0].Id}";
        }
        return Page();
    }

    public string PageUrl(int page)
    {
        var f = List.Filter;
        var parts = new List<string>();
        if (f.ProgrammeId is { } g) parts.Add($"programma={g}");
        if (f.ProjectId is { } p) parts.Add($"project={p}");
        if (f.Status is { } s) parts.Add($"status={s.UrlWord()}");
        if (f.Type is { } t) parts.Add($"soort={t.UrlWord()}");
        parts.Add($"pagina={page}");
        return "/initiatieven?" + string.Join('&', parts);
    }
}
