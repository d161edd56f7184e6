using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Proeftuin.Features.Projects;
using Proeftuin.Web;

namespace Proeftuin.Features.Lessons;

/// <summary>
/// De lessenbibliotheek: lessons from every project the reader may see, searched in Dutch and narrowed by facets (plain
/// links and a GET form, so it all works without JavaScript). ?project= shows one project's lessons, with the button
/// to write one for who is on its team.
/// </summary>
// Served from the page cache to everyone signed out (Web/PageCache.cs).
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PageCache.Policy)]
public sealed class IndexModel(FindLessons find, MethodCards.FindMethodCards cards, ProjectAccess access) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "domein")] public string? Domain { get; set; }
    [BindProperty(SupportsGet = true, Name = "thema")] public string? Theme { get; set; }
    [BindProperty(SupportsGet = true, Name = "fase")] public string? Phase { get; set; }
    [BindProperty(SupportsGet = true, Name = "uitkomst")] public string? Result { get; set; }
    [BindProperty(SupportsGet = true, Name = "project")] public int? ProjectId { get; set; }
    [BindProperty(SupportsGet = true, Name = "pagina")] public int? PageNumber { get; set; }

    public LessonLibrary Library { get; private set; } = null!;
    public string? FilterError { get; private set; }
    /// <summary>The project of ?project=, when the reader may read it.</summary>
    public string? ProjectTitle { get; private set; }
    public bool CanWrite { get; private set; }
    /// <summary>With words: the werkvormen the same search finds (issue 13: "the same search covers method cards").</summary>
    public IReadOnlyList<MethodCards.CardView> Cards { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        if (ProjectId is { } pid)
        {
            // A project the reader may not read is not named: its public lessons still show.
            var p = await access.ForProjectAsync(pid, ct);
            if (p is not null)
            {
                ProjectTitle = await access.ReadableProjects().Where(x => x.Id == pid).Select(x => x.Title).FirstAsync(ct);
                CanWrite = LessonRules.MayWrite(p);
            }
        }
        var filter = LessonsApi.ReadFilter(Q, Domain, Theme, Phase, Result, ProjectId, PageNumber, out var problem);
        if (filter is null)
        {
            // A hand-typed or stale filter word: say so, and show the library without filters rather than an error page.
            FilterError = "Dit filter kennen we niet. We laten alle lessen zien.";
            Domain = Theme = Phase = Result = null;
            PageNumber = null;
            filter = new LessonFilter(Q, ProjectId: ProjectId);
        }
        Library = await find.RunAsync(filter, ct);
        if (Library.Query.Length > 0 && !Library.QueryRefused)
            Cards = [.. ((await cards.RunAsync(new MethodCards.CardQuery(Library.Query), ct))?.Cards ?? []).Take(MaxCards)];
        return Page();
    }

    private const int MaxCards = 5;

    /// <summary>This page with one filter changed (null: off) and back to page 1, as a link.</summary>
    public string With(string? domain = "", string? theme = "", string? phase = "", string? result = "", int? page = null)
    {
        var f = new Dictionary<string, string?>
        {
            ["q"] = Library.Query.Length > 0 ? Library.Query : null,
            ["domein"] = domain == "" ? Library.Filter.Domain?.Slug() : domain,
            ["thema"] = theme == "" ? Library.Filter.Theme : theme,
            ["fase"] = phase == "" ? (Library.Filter.Phase is { } ph ? ProjectSlugs.Phase.Of(ph).ToLowerInvariant() : null) : phase,
            ["uitkomst"] = result == "" ? Library.Filter.Result?.Slug() : result,
            ["project"] = Library.Filter.ProjectId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["pagina"] = page is > 1 ? page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/lessen", f.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value));
    }

    public bool Filtered => Library.Filter.Domain is not null || Library.Filter.Theme is not null || Library.Filter.Phase is not null || Library.Filter.Result is not null;
}
