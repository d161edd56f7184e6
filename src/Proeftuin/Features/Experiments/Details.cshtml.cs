using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Features.Experiments;

/// <summary>/proeven/{id}: the proef with its plan, regelruimte (warned about when it lapses), run, results and decision.</summary>
public sealed class DetailsModel(GetExperiment get, GetItemThread thread, ChangeExperimentStatus status, IStringLocalizer<SharedResource> l) : PageModel
{
    public ExperimentView Experiment { get; private set; } = null!;
    public ItemThreadView? Thread { get; private set; }
    public string? StatusError { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public Task<IActionResult> OnPostStartAsync(int id) => MoveAsync(id, start: true);

    public Task<IActionResult> OnPostEndAsync(int id) => MoveAsync(id, start: false);

    private async Task<IActionResult> MoveAsync(int id, bool start)
    {
        var outcome = start ? await status.StartAsync(id, HttpContext.RequestAborted) : await status.EndAsync(id, HttpContext.RequestAborted);
        switch (outcome.Status)
        {
            case OutcomeStatus.NotFound: return NotFound();
            case OutcomeStatus.Forbidden: return this.Denied();
            case OutcomeStatus.Invalid:
                // Wrong state (a stale page, a second click): the page again, with the reason, and a 400 (InvalidFormStatusFilter).
                StatusError = outcome.Errors[0].Localize(l);
                ModelState.AddModelError("", StatusError);
                return await LoadAsync(id) ? Page() : NotFound();
        }
        this.Flash(start ? "De proef is gestart. Leg nu observaties en metingen vast." : "De proef is afgerond. De procesbegeleider legt nu de resultaten vast.");
        return Redirect($"/proeven/{id}");
    }

    private async Task<bool> LoadAsync(int id)
    {
        var view = await get.RunAsync(id, HttpContext.RequestAborted);
        if (view is null) return false;
        Experiment = view;
        Thread = await thread.RunAsync(id, HttpContext.RequestAborted);
        return true;
    }
}
