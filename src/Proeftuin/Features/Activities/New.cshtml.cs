using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Features.Experiments;
using Proeftuin.Web;

namespace Proeftuin.Features.Activities;

/// <summary>A facilitator plans an activity for their project (?project=), or for the whole programme (?programma=).</summary>
[Authorize]
public sealed class NewModel(PlanActivity plan, ActivityRules rules, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel, IActivityFormPage
{
    [BindProperty] public ActivityForm Input { get; set; } = new();
    [BindProperty(SupportsGet = true, Name = "project")] public int? ProjectId { get; set; }
    [BindProperty(SupportsGet = true, Name = "programma")] public int? ProgrammeId { get; set; }
    public ActivityHome Home { get; private set; } = null!;
    public IReadOnlyList<AttachChoice> Sessions { get; private set; } = [];
    public IReadOnlyList<AttachChoice> Reflections { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var denied = await LoadAsync();
        if (denied is not null) return denied;
        Input = new ActivityForm { Day = ExperimentDates.Iso(ExperimentDates.Today(clock).AddDays(14)), StartTime = "14:00", EndTime = "16:00" };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var denied = await LoadAsync();
        if (denied is not null) return denied;
        if (!ModelState.IsValid) return Page();
        var outcome = await plan.AddAsync(ProgrammeId, ProjectId, Input.ToInput(), HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        this.Flash("De activiteit is gepland.");
        return Redirect($"/activiteiten/{outcome.Value!.Id}");
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var allowed = await rules.CanPlanAsync(ProgrammeId, ProjectId, HttpContext.RequestAborted);
        if (!allowed.IsOk) return this.Fail(allowed, l);
        Home = allowed.Value!;
        (Sessions, Reflections) = await plan.ChoicesAsync(Home.ProjectId, HttpContext.RequestAborted);
        return null;
    }
}
