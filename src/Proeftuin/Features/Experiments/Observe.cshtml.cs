using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Experiments;

/// <summary>/proeven/{id}/observatie: the team logs what it saw or heard while the proef runs.</summary>
[Authorize]
public sealed class ObserveModel(GetExperiment get, LogObservation log, TimeProvider clock, IStringLocalizer<SharedResource> l) : ExperimentPage(get)
{
    [BindProperty] public ObservationForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await GuardAsync(id, e => e.CanContribute) is { } refused) return refused;
        Input.ObservedOn = ExperimentDates.Iso(ExperimentDates.Today(clock));
        Input.KnowledgeSource = Experiment.Permissions.Perspective;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await GuardAsync(id, e => e.CanContribute) is { } refused) return refused;
        if (!ModelState.IsValid) return Page();
        var outcome = await log.RunAsync(id, Input.ToInput(), HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        this.Flash("De observatie is opgeslagen.");
        return Redirect($"/proeven/{id}#observaties");
    }
}
