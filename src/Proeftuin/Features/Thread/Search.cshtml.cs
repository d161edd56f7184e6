using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Proeftuin.Features.Thread;

public sealed class SearchModel(SearchProject search) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }
    public SearchResult Result { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var result = await search.RunAsync(id, Q, HttpContext.RequestAborted);
        if (result is null) return NotFound();
        Result = result;
        return Page();
    }
}
