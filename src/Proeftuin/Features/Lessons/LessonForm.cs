using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Proeftuin.Features.Projects;

namespace Proeftuin.Features.Lessons;

/// <summary>The fields of the lesson's write and edit pages (bound as Input.*).</summary>
public sealed class LessonForm
{
    public string? Title { get; set; }
    public string? Text { get; set; }
    public string? Context { get; set; }
    public string? Mechanism { get; set; }
    public string? Outcome { get; set; }
    public string? Result { get; set; }
    public List<string> Domains { get; set; } = [];
    public List<int> ThemeIds { get; set; } = [];
    public string? Visibility { get; set; }

    public LessonInput ToInput(int? fromId = null) => new(Title, Text, Context, Mechanism, Outcome, Result, Domains, ThemeIds, Visibility, fromId);
}

/// <summary>Shared by the write and edit pages: the form, the theme list, and whether the caller may make it public.</summary>
public abstract class LessonFormModel(ManageThemes themes) : PageModel
{
    [BindProperty] public LessonForm Input { get; set; } = new();
    public IReadOnlyList<Theme> Themes { get; private set; } = [];
    public bool CanPublish { get; protected set; }

    protected async Task LoadThemesAsync() => Themes = await themes.ListAsync(HttpContext.RequestAborted);

    public string? ErrorFor(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
