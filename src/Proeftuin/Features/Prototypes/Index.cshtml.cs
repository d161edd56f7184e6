using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Proeftuin.Features.Prototypes;

public sealed class IndexModel(ListPrototypes list) : PageModel
{
    public PrototypeList View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var view = await list.RunAsync(id, HttpContext.RequestAborted);
        if (view is null) return NotFound();
        View = view;
        return Page();
    }
}
