using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Proeftuin.Features.Projects;
using Proeftuin.Web;

namespace Proeftuin.Features.Programmes;

// Served from the page cache to everyone signed out (Web/PageCache.cs).
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Proeftuin.Web.PageCache.Policy)]
public sealed class DetailsModel(GetProgrammeOverview query, ManageThemes themes, Caller me) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "domein")] public string? Domain { get; set; }
    [BindProperty(SupportsGet = true, Name = "thema")] public string? Theme { get; set; }
    [BindProperty(SupportsGet = true, Name = "fase")] public string? Phase { get; set; }
    [BindProperty(SupportsGet = true, Name = "status")] public string? Status { get; set; }

    public ProgrammeOverview Programme { get; private set; } = null!;
    public IReadOnlyList<string> ThemeNames { get; private set; } = [];
    public bool CanManage => me.IsAdmin;
    public bool CanStartProject => me.IsSignedIn;
    public bool Filtered => Domain is not null || Theme is not null || Phase is not null || Status is not null;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        // Unknown filter values are ignored rather than refused: a shared link with an old value still shows the programme.
        var filter = new ProjectFilter(
            Domain: ProjectWords.DomainFromSlug(Domain),
            Theme: string.IsNullOrWhiteSpace(Theme) || Theme.Length > ProjectLimits.ThemeName || Validation.HasControlCharacters(Theme) ? null : Theme,
            Phase: ProjectWords.PhaseFromSlug(Phase),
            Status: Enum.TryParse<ProjectStatus>(Status, true, out var s) && Enum.IsDefined(s) ? s : null);
        var programme = await query.RunAsync(id, filter, HttpContext.RequestAborted);
        if (programme is null) return NotFound();
        Programme = programme;
        ThemeNames = (await themes.ListAsync(HttpContext.RequestAborted)).Select(t => t.Name).ToList();
        return Page();
    }
}
