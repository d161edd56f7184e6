using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Features.Members;
using Proeftuin.Web;

namespace Proeftuin.Features.Signification;

/// <summary>
/// /projecten/{id}/analyse: what tellers said their stories mean, for everyone who may read the project, over the
/// stories they may read. Filters are a plain GET form; every chart has a table with the same numbers.
/// </summary>
public sealed class AnalysisModel(GetAnalysis analysis, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "vraag")] public string? Prompt { get; set; }
    [BindProperty(SupportsGet = true, Name = "kennisbron")] public string? Source { get; set; }

    public AnalysisView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        // A filter value that means nothing is ignored rather than refused: it is a link someone may have edited.
        int? promptId = int.TryParse(Prompt, out var p) ? p : null;
        Perspective? perspective = Enum.TryParse<Perspective>(Source, ignoreCase: true, out var k) && Enum.IsDefined(k) ? k : null;
        var outcome = await analysis.RunAsync(id, new AnalysisFilter(promptId, perspective), HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        View = outcome.Value!;
        return Page();
    }
}
