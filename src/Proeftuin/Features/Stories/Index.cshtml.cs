using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Proeftuin.Features.Stories;

/// <summary>The stories of a project the caller may read, newest first, filtered by prompt with a plain GET form.</summary>
// Served from the page cache to everyone signed out (Web/PageCache.cs).
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Proeftuin.Web.PageCache.Policy)]
public sealed class StoriesIndexModel(FindStories find) : PageModel
{
    public StoryList List { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, [FromQuery(Name = "vraag")] string? prompt, [FromQuery(Name = "pagina")] string? page)
    {
        // An unknown or malformed prompt id just filters to nothing; no error page for a hand-edited address.
        int? promptId = int.TryParse(prompt, out var p) ? p : null;
        var list = await find.RunAsync(id, promptId, int.TryParse(page, out var n) ? n : 1, HttpContext.RequestAborted);
        if (list is null) return NotFound();
        List = list;
        return Page();
    }
}
