using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Proeftuin.Features.Thread;

/// <summary>"Wat is er met mijn verhaal gebeurd?" for the teller (account, private key, or who recorded it).</summary>
public sealed class StoryOutcomeModel(GetStoryOutcome query) : PageModel
{
    public StoryOutcomeView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var view = await query.RunAsync(id, HttpContext.RequestAborted);
        if (view is null) return NotFound();
        View = view;
        // The address may carry the private key: keep it out of other sites' logs.
        Response.Headers["Referrer-Policy"] = "no-referrer";
        return Page();
    }
}
