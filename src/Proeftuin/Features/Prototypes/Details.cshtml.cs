using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Proeftuin.Features.Thread;

namespace Proeftuin.Features.Prototypes;

public sealed class DetailsModel(GetPrototype query, GetItemThread thread) : PageModel
{
    public PrototypeView Prototype { get; private set; } = null!;
    public ItemThreadView Thread { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var outcome = await query.RunAsync(id, HttpContext.RequestAborted);
        if (!outcome.IsOk) return NotFound();
        Prototype = outcome.Value!;
        Thread = (await thread.RunAsync(id, HttpContext.RequestAborted))!;
        return Page();
    }
}
