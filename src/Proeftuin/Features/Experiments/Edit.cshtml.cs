using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Experiments;

/// <summary>
/// /proeven/{id}/bewerken: the team changes a proef after it was set up (plan, period, participants, criteria,
/// regelruimte), until it is decided. The prototype is shown, not changed.
/// </summary>
[Authorize]
public sealed class EditModel(GetExperiment get, EditExperiment edit, IStringLocalizer<SharedResource> l) : ExperimentPage(get)
{
    [BindProperty] public ExperimentForm Input { get; set; } = new();
    public IReadOnlySet<int> InUse { get; private set; } = new HashSet<int>();
    public bool Decided => Experiment.Decision is not null;
    /// <summary>Once the proef runs or has ended, its begindatum stays.</summary>
    public DateOnly? FixedStart => Experiment.Status == ExperimentStatus.Preparing ? null : Experiment.StartsOn;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await GuardAsync(id, e => e.CanContribute) is { } refused) return refused;
        if (Decided) return Page();
        Input = ExperimentForm.Of(Experiment);
        await PadAsync(id);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await GuardAsync(id, e => e.CanContribute) is { } refused) return refused;
        await PadAsync(id);
        if (Decided)
        {
            ModelState.AddModelError("", l[EditExperiment.Decided]);
            return Page();
        }
        if (!ModelState.IsValid) return Page();
        var outcome = await edit.RunAsync(id, Input.ToChanges(), HttpContext.RequestAborted);
        if (outcome.Status == OutcomeStatus.Invalid)
        {
            // A message about the whole proef (decided meanwhile) goes to the summary; the rest next to their fields.
            foreach (var e in outcome.Errors)
                ModelState.AddModelError(e.Field.Length == 0 ? "" : "Input." + e.Field, e.Localize(l));
            await ReloadAsync(id);
            return Page();
        }
        if (!outcome.IsOk) return this.Fail(outcome, l);
        this.Flash("De proef is aangepast.");
        return Redirect($"/proeven/{id}");
    }

    /// <summary>The criteria in use, and empty rows to add a criterion (two) or a rule (one, two when there is none), never more rows than a proef may have.</summary>
    private async Task PadAsync(int id)
    {
        InUse = await edit.CriteriaInUseAsync(id, HttpContext.RequestAborted);
        var rules = Input.Rules.Count(r => r.Id is not null);
        Input.Pad(Math.Min(ExperimentPlan.MaxCriteria, Input.Criteria.Count(c => c.Id is not null) + 2),
            Math.Min(ExperimentPlan.MaxRules, rules == 0 ? 2 : rules + 1));
    }
}
