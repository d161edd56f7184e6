using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Proeftuin.Features.Reflections;

// Served from the page cache to everyone signed out (Web/PageCache.cs).
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Proeftuin.Web.PageCache.Policy)]
public sealed class IndexModel(GetReflections get) : PageModel
{
    public ReflectionList List { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var list = await get.RunAsync(id, HttpContext.RequestAborted);
        if (list is null) return NotFound();
        List = list;
        return Page();
    }
}
