using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Proeftuin.Features.Projects;
using Proeftuin.Web;

namespace Proeftuin.Features.Lessons;

/// <summary>The team completes or rewords a lesson; a facilitator or evaluator makes it public (or team-only again).</summary>
[Authorize]
public sealed class EditModel(SaveLesson save, ManageThemes themes, IStringLocalizer<SharedResource> l) : LessonFormModel(themes)
{
    public int Id { get; private set; }
    public int ProjectId { get; private set; }
    public string Title { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var denied = await LoadAsync(id);
        if (denied is not null) return denied;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var denied = await LoadAsync(id, keepInput: true);
        if (denied is not null) return denied;
        if (!ModelState.IsValid) return Page();
        var outcome = await save.EditAsync(id, Input.ToInput(), HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        this.Flash("De les is bijgewerkt.");
        return Redirect($"/lessen/{id}");
    }

    private async Task<IActionResult?> LoadAsync(int id, bool keepInput = false)
    {
        Id = id;
        var allowed = await save.CanEditAsync(id, HttpContext.RequestAborted);
        if (!allowed.IsOk) return this.Fail(allowed, l);
        var (lesson, p) = allowed.Value;
        ProjectId = lesson.ProjectId;
        Title = lesson.Title;
        CanPublish = LessonRules.MayPublish(p);
        if (!keepInput)
        {
            Input = new LessonForm
            {
                Title = lesson.Title,
                Text = lesson.Text,
                Context = lesson.Context,
                Mechanism = lesson.Mechanism,
                Outcome = lesson.Outcome,
                Result = lesson.Result?.ToString(),
                Domains = [.. lesson.Domains.Split().Select(d => d.ToString())],
                ThemeIds = [.. lesson.Themes.Select(t => t.Id)],
                Visibility = lesson.Visibility.ToString(),
            };
        }
        await LoadThemesAsync();
        return null;
    }
}
