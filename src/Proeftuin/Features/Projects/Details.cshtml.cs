using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Proeftuin.Features.Projects;

// Served from the page cache to everyone signed out (Web/PageCache.cs).
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Proeftuin.Web.PageCache.Policy)]
public sealed class DetailsModel(GetProjectOverview query) : PageModel
{
    public ProjectOverview Project { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var project = await query.RunAsync(id, HttpContext.RequestAborted);
        if (project is null) return NotFound();
        Project = project;
        return Page();
    }
}
