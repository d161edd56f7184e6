using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Experiments;

/// <summary>/proeven/{id}/besluit: a facilitator decides about an ended proef whose criteria all have a result.</summary>
[Authorize]
public sealed class DecideModel(GetExperiment get, DecideExperiment decide, IStringLocalizer<SharedResource> l) : ExperimentPage(get)
{
    [BindProperty] public DecisionForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await GuardAsync(id, e => e.CanFacilitate) is { } refused) return refused;
        // Decided already: the one decision is on the proef's page.
        if (Experiment.Decision is not null) return Redirect($"/proeven/{id}#besluit");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await GuardAsync(id, e => e.CanFacilitate) is { } refused) return refused;
        if (!ModelState.IsValid) return Page();
        var outcome = await decide.RunAsync(id, Input.ToInput(), HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        this.Flash("Het besluit en de les zijn opgeslagen.");
        return Redirect($"/proeven/{id}#besluit");
    }
}
