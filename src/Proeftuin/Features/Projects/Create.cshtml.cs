using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Projects;

[Authorize]
public sealed class CreateModel(CreateProject create, ManageThemes themes, IStringLocalizer<SharedResource> l) : ProjectFormModel(themes)
{
    [BindProperty(SupportsGet = true)] public int ProgrammeId { get; set; }
    [BindProperty(SupportsGet = true)] public int? ParentId { get; set; }
    public string ProgrammeTitle { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadProgrammeAsync()) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadProgrammeAsync()) return NotFound();
        if (!ModelState.IsValid) return Page();
        var outcome = await create.RunAsync(ProgrammeId, ParentId, Input, HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        this.Flash("Het project is gemaakt. Jij bent de procesbegeleider.");
        return Redirect($"/projecten/{outcome.Value!.Id}");
    }

    private async Task<bool> LoadProgrammeAsync()
    {
        ProgrammeTitle = await create.ProgrammeTitleAsync(ProgrammeId, HttpContext.RequestAborted) ?? "";
        await LoadThemesAsync();
        return ProgrammeTitle.Length > 0;
    }
}
