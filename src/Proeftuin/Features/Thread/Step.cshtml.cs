using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Thread;

/// <summary>Adds a step to a journey map (no step id) or edits one.</summary>
[Authorize]
public sealed class StepModel(SaveJourneyStep steps, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public StepForm Input { get; set; } = new();
    public int Id { get; private set; }
    public int? StepId { get; private set; }
    public string MapTitle { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, int? stepId)
    {
        var map = await LoadAsync(id, stepId);
        if (!map.IsOk) return this.Fail(map, l);
        if (stepId is { } sid)
        {
            var step = map.Value!.Steps.FirstOrDefault(s => s.Id == sid);
            if (step is null) return NotFound();
            Input = new StepForm { Name = step.Name, WhatHappens = step.WhatHappens, Emotion = step.Emotion, PainPoints = step.PainPoints };
        }
        else
        {
            Input.Emotion = 0;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int? stepId)
    {
        var map = await LoadAsync(id, stepId);
        if (!map.IsOk) return this.Fail(map, l);
        if (!ModelState.IsValid) return Page();
        var outcome = stepId is { } sid
            ? await steps.EditAsync(id, sid, Input.ToInput(), HttpContext.RequestAborted)
            : await steps.AddAsync(id, Input.ToInput(), HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        this.Flash("De stap is opgeslagen.");
        return Redirect($"/draad/{id}/bewerken#stappen");
    }

    private async Task<Outcome<JourneyMap>> LoadAsync(int id, int? stepId)
    {
        Id = id;
        StepId = stepId;
        var map = await steps.LoadAsync(id, HttpContext.RequestAborted);
        if (map.IsOk) MapTitle = map.Value!.Title;
        return map;
    }
}
