using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Proeftuin.Web;

namespace Proeftuin.Features.MethodCards;

/// <summary>An own card, by its id: 404 for who may not read its programme or project.</summary>
// Served from the page cache to everyone signed out (Web/PageCache.cs).
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PageCache.Policy)]
public sealed class DetailsModel(GetMethodCard get) : PageModel
{
    public CardDetail Detail { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var detail = await get.RunAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture), HttpContext.RequestAborted);
        if (detail is null) return NotFound();
        Detail = detail;
        return Page();
    }
}
