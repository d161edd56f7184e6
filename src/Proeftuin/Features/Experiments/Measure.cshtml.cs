using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Experiments;

/// <summary>/proeven/{id}/meting: the team logs a measured value for one criterion while the proef runs.</summary>
[Authorize]
public sealed class MeasureModel(GetExperiment get, LogMeasurement log, TimeProvider clock, IStringLocalizer<SharedResource> l) : ExperimentPage(get)
{
    [BindProperty] public MeasurementForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await GuardAsync(id, e => e.CanContribute) is { } refused) return refused;
        Input.MeasuredOn = ExperimentDates.Iso(ExperimentDates.Today(clock));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await GuardAsync(id, e => e.CanContribute) is { } refused) return refused;
        if (!ModelState.IsValid) return Page();
        var outcome = await log.RunAsync(id, Input.ToInput(), HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        this.Flash("De meting is opgeslagen.");
        return Redirect($"/proeven/{id}#metingen");
    }
}
