using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Proeftuin.Web;

namespace Proeftuin.Features.Experiments;

/// <summary>
/// The pages that act on one proef (observation, measurement, results, decision): the proef is read first (404 when it
/// is not there or may not be read), then who may act (403, or sign in), then the proef's state.
/// </summary>
public abstract class ExperimentPage(GetExperiment get) : PageModel
{
    public ExperimentView Experiment { get; private set; } = null!;

    /// <summary>Null when the page may be shown; otherwise the answer.</summary>
    protected async Task<IActionResult?> GuardAsync(int id, Func<ExperimentView, bool> may)
    {
        if (await get.RunAsync(id, HttpContext.RequestAborted) is not { } view) return NotFound();
        Experiment = view;
        return may(view) ? null : this.Denied();
    }

    /// <summary>Shown again after a refused post: the proef as it is now.</summary>
    protected async Task ReloadAsync(int id)
    {
        if (await get.RunAsync(id, HttpContext.RequestAborted) is { } view) Experiment = view;
    }
}
