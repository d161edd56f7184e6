using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Proeftuin.Features.Moderation;

/// <summary>The moderation queue for facilitators and admins.</summary>
[Authorize]
public sealed class IndexModel(GetModerationQueue query) : PageModel
{
    public ModerationQueue Queue { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var queue = await query.RunAsync(HttpContext.RequestAborted);
        if (queue is null) return StatusCode(StatusCodes.Status403Forbidden);
        Queue = queue;
        return Page();
    }
}
