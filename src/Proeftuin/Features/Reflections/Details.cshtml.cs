using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Features.Reflections;

/// <summary>A reflection: its plan, the answers by prompt, the outcome; a facilitator gathers it in a live session from here.</summary>
// Served from the page cache to everyone signed out (Web/PageCache.cs); the POST handler is never cached.
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Proeftuin.Web.PageCache.Policy)]
public sealed class DetailsModel(GetReflection get, GetItemThread thread, GatherInSession gather, IStringLocalizer<SharedResource> l) : PageModel
{
    public ReflectionView Reflection { get; private set; } = null!;
    public ItemThreadView Thread { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var outcome = await get.RunAsync(id, HttpContext.RequestAborted);
        if (!outcome.IsOk) return NotFound();
        Reflection = outcome.Value!;
        Thread = (await thread.RunAsync(id, HttpContext.RequestAborted))!;
        return Page();
    }

    public async Task<IActionResult> OnPostSessionAsync(int id)
    {
        var outcome = await gather.RunAsync(id, HttpContext.RequestAborted);
        if (outcome.Status == OutcomeStatus.Invalid)
        {
            // A wrong state (closed, already gathering): the page again, with the reason on top.
            ModelState.AddErrors(outcome.Errors, l, "Input");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await OnGetAsync(id);
        }
        if (!outcome.IsOk) return this.Fail(outcome, l);
        this.Flash("De live sessie staat klaar. Gasten doen mee met de code.");
        return Redirect($"/sessies/{outcome.Value}/voorbereiden");
    }
}
