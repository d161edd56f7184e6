using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Proeftuin.Features.Projects;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Features.Lessons;

/// <summary>The team writes a lesson; ?van= names what it comes from (a decision, a reflection, a journey note), which it is linked to.</summary>
[Authorize]
public sealed class NewModel(SaveLesson save, ManageThemes themes, IStringLocalizer<SharedResource> l) : LessonFormModel(themes)
{
    [BindProperty(SupportsGet = true, Name = "van")] public int? FromId { get; set; }
    public int ProjectId { get; private set; }
    public ItemRef? Source { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var denied = await LoadAsync(id);
        if (denied is not null) return denied;
        Input.Result = nameof(LessonResult.Worked);
        Input.Visibility = nameof(LessonVisibility.Team);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var denied = await LoadAsync(id);
        if (denied is not null) return denied;
        if (!ModelState.IsValid) return Page();
        var outcome = await save.AddAsync(id, Input.ToInput(FromId), HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        this.Flash(outcome.Value!.Visibility == LessonVisibility.Public
            ? "De les staat in de lessenbibliotheek. Iedereen kan haar lezen."
            : "De les staat in de lessenbibliotheek, alleen voor het team.");
        return Redirect($"/lessen/{outcome.Value!.Id}");
    }

    private async Task<IActionResult?> LoadAsync(int id)
    {
        ProjectId = id;
        var allowed = await save.CanAddAsync(id, HttpContext.RequestAborted);
        if (!allowed.IsOk) return this.Fail(allowed, l);
        CanPublish = LessonRules.MayPublish(allowed.Value!);
        Source = await save.SourceAsync(id, FromId, HttpContext.RequestAborted);
        await LoadThemesAsync();
        return null;
    }
}
