using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Proeftuin.Features.Projects;

/// <summary>Shared by the new- and edit-project pages: the input and the theme list for the form.</summary>
public abstract class ProjectFormModel(ManageThemes themes) : PageModel
{
    [BindProperty] public ProjectInput Input { get; set; } = new();
    public IReadOnlyList<Theme> Themes { get; private set; } = [];

    protected async Task LoadThemesAsync() => Themes = await themes.ListAsync(HttpContext.RequestAborted);

    public string? ErrorFor(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
