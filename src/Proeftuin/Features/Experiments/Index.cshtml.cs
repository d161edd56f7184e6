using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Proeftuin.Features.Experiments;

/// <summary>/projecten/{id}/proeven: the project's proeven with status, days left and lapsing regelruimte.</summary>
public sealed class IndexModel(FindExperiments find) : PageModel
{
    public ExperimentList List { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await find.RunAsync(id, HttpContext.RequestAborted) is not { } list) return NotFound();
        List = list;
        return Page();
    }
}
