using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Features.Programmes;
using Proeftuin.Features.Projects;
using Proeftuin.Web;

namespace Proeftuin.Features.Admin;

/// <summary>Platform admin: programmes and the list of themes.</summary>
[Authorize(Policy = Caller.AdminRole)]
public sealed class IndexModel(ManageThemes themes, GetProgrammeOverview programmes, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public ThemeInput Theme { get; set; } = new();
    public IReadOnlyList<Theme> Themes { get; private set; } = [];
    public IReadOnlyList<ProgrammeSummary> Programmes { get; private set; } = [];

    public sealed class ThemeInput
    {
        public string? Name { get; set; }
    }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAddThemeAsync()
    {
        var outcome = await themes.AddAsync(Theme.Name, HttpContext.RequestAborted);
        if (!outcome.IsOk)
        {
            await LoadAsync();
            return this.Fail(outcome, l, "Theme");
        }
        this.Flash("Het thema is toegevoegd.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveThemeAsync(int themeId)
    {
        var outcome = await themes.RemoveAsync(themeId, HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l, "");
        this.Flash("Het thema is verwijderd.");
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        Themes = await themes.ListAsync(HttpContext.RequestAborted);
        Programmes = await programmes.ListAsync(HttpContext.RequestAborted);
    }
}
