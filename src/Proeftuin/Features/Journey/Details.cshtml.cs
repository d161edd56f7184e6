using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Proeftuin.Features.Thread;

namespace Proeftuin.Features.Journey;

// Served from the page cache to everyone signed out (Web/PageCache.cs).
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Proeftuin.Web.PageCache.Policy)]
public sealed class DetailsModel(GetJourneyEntry get, GetItemThread thread) : PageModel
{
    public JourneyEntryView Entry { get; private set; } = null!;
    public ItemThreadView Thread { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var outcome = await get.RunAsync(id, HttpContext.RequestAborted);
        if (!outcome.IsOk) return NotFound();
        Entry = outcome.Value!;
        Thread = (await thread.RunAsync(id, HttpContext.RequestAborted))!;
        return Page();
    }
}
