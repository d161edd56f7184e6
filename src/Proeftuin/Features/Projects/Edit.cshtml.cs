using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Projects;

[Authorize]
public sealed class EditModel(EditProject edit, ManageThemes themes, IStringLocalizer<SharedResource> l) : ProjectFormModel(themes)
{
    public int Id { get; private set; }
    public string Title { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var loaded = await edit.LoadAsync(id, HttpContext.RequestAborted);
        if (!loaded.IsOk) return this.Fail(loaded, l);
        Id = id;
        Title = loaded.Value!.Title;
        Input = ProjectInput.From(loaded.Value);
        await LoadThemesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        Id = id;
        // Who may edit comes before what was typed: an outsider learns nothing from a bad form.
        var loaded = await edit.LoadAsync(id, HttpContext.RequestAborted);
        if (!loaded.IsOk) return this.Fail(loaded, l);
        Title = loaded.Value!.Title;
        await LoadThemesAsync();
        if (!ModelState.IsValid) return Page();
        var outcome = await edit.RunAsync(loaded.Value, Input, HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        this.Flash("Het project is opgeslagen.");
        return Redirect($"/projecten/{id}");
    }
}
