using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Proeftuin.Features.MethodCards;

/// <summary>A built-in werkvorm's card, by its slug (/werkvormen/stil-schrijven). Readable by everyone.</summary>
// Served from the page cache to everyone signed out (Web/PageCache.cs).
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Proeftuin.Web.PageCache.Policy)]
public sealed class BuiltInModel(GetMethodCard get) : PageModel
{
    public CardDetail Detail { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        if (BuiltInCards.BySlug(slug) is null) return NotFound();
        Detail = (await get.RunAsync(slug, HttpContext.RequestAborted))!;
        return Page();
    }
}
