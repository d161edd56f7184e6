using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Proeftuin.Features.Journey;

// Served from the page cache to everyone signed out (Web/PageCache.cs).
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Proeftuin.Web.PageCache.Policy)]
public sealed class IndexModel(GetJourney get) : PageModel
{
    public JourneyView Journey { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var journey = await get.RunAsync(id, HttpContext.RequestAborted);
        if (journey is null) return NotFound();
        Journey = journey;
        return Page();
    }
}
