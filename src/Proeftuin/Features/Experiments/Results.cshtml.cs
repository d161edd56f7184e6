using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Experiments;

/// <summary>/proeven/{id}/resultaten: a facilitator records the result of every criterion of an ended proef.</summary>
[Authorize]
public sealed class ResultsModel(GetExperiment get, RecordResults record, IStringLocalizer<SharedResource> l) : ExperimentPage(get)
{
    [BindProperty] public ResultsForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await GuardAsync(id, e => e.CanFacilitate) is { } refused) return refused;
        Input.Results = [.. Experiment.Criteria.Select(c => new ResultForm { CriterionId = c.Id, Result = c.Result, Evidence = c.Evidence })];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await GuardAsync(id, e => e.CanFacilitate) is { } refused) return refused;
        if (!ModelState.IsValid) return Page();
        var outcome = await record.RunAsync(id, Input.ToInput(), HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        this.Flash("De resultaten zijn opgeslagen. Neem nu een besluit.");
        return Redirect($"/proeven/{id}#besluit");
    }

    /// <summary>The criterion a row of the form is about (the posted id, so a refused form shows the same rows).</summary>
    public CriterionView? CriterionOf(int row) =>
        row < Input.Results.Count ? Experiment.Criteria.FirstOrDefault(c => c.Id == Input.Results[row].CriterionId) : null;
}
