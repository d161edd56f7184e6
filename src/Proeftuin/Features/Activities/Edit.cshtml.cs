using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Activities;

/// <summary>A facilitator changes an activity that is not cancelled; calendars get the new version (SEQUENCE).</summary>
[Authorize]
public sealed class EditModel(PlanActivity plan, ActivityRules rules, IStringLocalizer<SharedResource> l) : PageModel, IActivityFormPage
{
    [BindProperty] public ActivityForm Input { get; set; } = new();
    public int Id { get; private set; }
    public string Title { get; private set; } = "";
    public IReadOnlyList<AttachChoice> Sessions { get; private set; } = [];
    public IReadOnlyList<AttachChoice> Reflections { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var found = await LoadAsync(id);
        if (!found.IsOk) return this.Fail(found, l);
        Input = ActivityForm.From(found.Value!);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var found = await LoadAsync(id);
        if (!found.IsOk) return this.Fail(found, l);
        if (!ModelState.IsValid) return Page();
        var outcome = await plan.EditAsync(id, Input.ToInput(), HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        this.Flash("De activiteit is aangepast.");
        return Redirect($"/activiteiten/{id}");
    }

    private async Task<Outcome<Activity>> LoadAsync(int id)
    {
        Id = id;
        var found = await rules.ManageAsync(id, HttpContext.RequestAborted);
        if (!found.IsOk) return found;
        Title = found.Value!.Title;
        (Sessions, Reflections) = await plan.ChoicesAsync(found.Value.ProjectId, HttpContext.RequestAborted);
        return found;
    }
}
