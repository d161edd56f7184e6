using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Proeftuin.Features.Experiments;

/// <summary>/proeven/{id}/verslag: the proef on paper (print CSS): hypothesis, regelruimte, criteria, results, decision, lesson.</summary>
public sealed class ReportModel(GetExperiment get) : PageModel
{
    public ExperimentView Experiment { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await get.RunAsync(id, HttpContext.RequestAborted) is not { } view) return NotFound();
        Experiment = view;
        return Page();
    }
}
