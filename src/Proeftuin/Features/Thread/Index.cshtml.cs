using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Proeftuin.Features.Thread;

/// <summary>The thread of a project: insights, sources, personas, journey maps, needs and questions, grouped by kind.</summary>
public sealed class IndexModel(FindItems find) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "soort")] public string? Soort { get; set; }
    public ThreadOverview View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        // An unknown kind shows everything rather than an error: it came from a hand-made address.
        var filter = ThreadWords.KindFromSlug(Soort) is { } k && ThreadWords.Listed.Contains(k) ? k : (ItemKind?)null;
        var view = await find.RunAsync(id, filter, HttpContext.RequestAborted);
        if (view is null) return NotFound();
        View = view;
        return Page();
    }
}
