using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Reflections;

/// <summary>The planner changes the plan while the reflection is open; prompts with answers stay.</summary>
[Authorize]
public sealed class EditModel(PlanReflection plan, IStringLocalizer<SharedResource> l) : PageModel, IReflectionFormPage
{
    [BindProperty] public ReflectionForm Input { get; set; } = new();
    public int Id { get; private set; }
    public int ProjectId { get; private set; }
    public string Title { get; private set; } = "";
    public IReadOnlyList<TeamChoice> Team { get; private set; } = [];
    public IReadOnlyList<QuestionChoice> Questions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var loaded = await LoadAsync(id);
        if (!loaded.IsOk) return this.Fail(loaded, l);
        Input = ReflectionForm.From(loaded.Value.Reflection, await plan.LinkedQuestionsAsync(id, HttpContext.RequestAborted));
        if (loaded.Value.Reflection.Status == ReflectionStatus.Done) ModelState.AddModelError("Input.Title", l[ReflectionRules.ClosedPlan]);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var loaded = await LoadAsync(id);
        if (!loaded.IsOk) return this.Fail(loaded, l);
        Input.Padded();
        if (!ModelState.IsValid) return Page();
        var outcome = await plan.EditAsync(id, Input.ToInput(), HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        this.Flash("Opgeslagen.");
        return Redirect($"/reflecties/{id}");
    }

    private async Task<Outcome<(Reflection Reflection, ProjectPermissions Permissions)>> LoadAsync(int id)
    {
        Id = id;
        var loaded = await plan.CanEditAsync(id, HttpContext.RequestAborted);
        if (loaded.IsOk)
        {
            ProjectId = loaded.Value.Reflection.ProjectId;
            Title = loaded.Value.Reflection.Title;
            Team = await plan.TeamAsync(ProjectId, HttpContext.RequestAborted);
            Questions = await plan.QuestionsAsync(ProjectId, HttpContext.RequestAborted);
        }
        return loaded;
    }
}
