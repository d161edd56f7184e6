using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Proeftuin.Features.News;

// Served from the page cache to everyone signed out (Web/PageCache.cs).
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Proeftuin.Web.PageCache.Policy)]
public sealed class DetailsModel(GetNewsItem query) : PageModel
{
    public NewsItemView Item { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var item = await query.RunAsync(id, HttpContext.RequestAborted);
        if (item is null) return NotFound();
        Item = item;
        return Page();
    }
}
