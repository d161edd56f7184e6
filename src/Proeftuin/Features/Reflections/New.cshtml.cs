using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Features.Experiments;
using Proeftuin.Web;

namespace Proeftuin.Features.Reflections;

/// <summary>An evaluator or facilitator plans a reflection; it starts with the three prompts of reflexive monitoring.</summary>
[Authorize]
public sealed class NewModel(PlanReflection plan, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel, IReflectionFormPage
{
    [BindProperty] public ReflectionForm Input { get; set; } = new();
    public int ProjectId { get; private set; }
    public IReadOnlyList<TeamChoice> Team { get; private set; } = [];
    public IReadOnlyList<QuestionChoice> Questions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var denied = await LoadAsync(id);
        if (denied is not null) return denied;
        Input = new ReflectionForm { HeldOn = ExperimentDates.Iso(ExperimentDates.Today(clock).AddDays(7)), Prompts = [.. ReflectionLimits.DefaultPrompts.Select(p => (string?)l[p].Value)] }.Padded();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var denied = await LoadAsync(id);
        if (denied is not null) return denied;
        Input.Padded();
        if (!ModelState.IsValid) return Page();
        var outcome = await plan.AddAsync(id, Input.ToInput(), HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        this.Flash("De reflectie is gepland.");
        return Redirect($"/reflecties/{outcome.Value!.Id}");
    }

    private async Task<IActionResult?> LoadAsync(int id)
    {
        ProjectId = id;
        var allowed = await plan.CanPlanAsync(id, HttpContext.RequestAborted);
        if (!allowed.IsOk) return this.Fail(allowed, l);
        Team = await plan.TeamAsync(id, HttpContext.RequestAborted);
        Questions = await plan.QuestionsAsync(id, HttpContext.RequestAborted);
        return null;
    }
}
