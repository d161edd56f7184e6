using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Proeftuin.Features.Thread;

public sealed class TraceModel(GetTrace query) : PageModel
{
    public TraceView Trace { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var trace = await query.RunAsync(id, HttpContext.RequestAborted);
        if (trace is null) return NotFound();
        Trace = trace;
        return Page();
    }
}
