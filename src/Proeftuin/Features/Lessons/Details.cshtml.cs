using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Features.Lessons;

/// <summary>
/// A lesson: what was learned, for whom and where, why, what came of it; the kennisbronnen behind it, the thread back
/// to the evidence (for who may read the project) and lessons like it.
/// </summary>
// Served from the page cache to everyone signed out (Web/PageCache.cs).
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PageCache.Policy)]
public sealed class DetailsModel(GetLesson get, GetItemThread thread) : PageModel
{
    public LessonView Lesson { get; private set; } = null!;
    /// <summary>Null when the reader may not read the project.</summary>
    public ItemThreadView? Thread { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var outcome = await get.RunAsync(id, HttpContext.RequestAborted);
        if (!outcome.IsOk) return NotFound();
        Lesson = outcome.Value!;
        if (Lesson.ProjectTitle is not null) Thread = await thread.RunAsync(id, HttpContext.RequestAborted);
        return Page();
    }
}
