using Microsoft.AspNetCore.Mvc;

namespace Proeftuin.Features.Initiatives;

/// <summary>
/// "Initiatieven die hieruit voortkwamen" on an item's page and its trace: the one hook into Features/Thread
/// (one line in _ItemThread.cshtml and in Trace.cshtml). Shows nothing when no readable initiative grew from the item.
/// </summary>
public sealed class InitiativesFromItemViewComponent(FindInitiatives find) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int itemId)
    {
        var found = await find.FromItemAsync(itemId, HttpContext.RequestAborted);
        return View("/Features/Initiatives/_FromItem.cshtml", (itemId, found));
    }
}
