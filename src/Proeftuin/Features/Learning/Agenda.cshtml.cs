using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Proeftuin.Features.Learning;

// Served from the page cache to everyone signed out (Web/PageCache.cs).
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Proeftuin.Web.PageCache.Policy)]
public sealed class AgendaModel(GetLearningAgenda get) : PageModel
{
    public LearningAgenda Agenda { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var agenda = await get.RunAsync(id, HttpContext.RequestAborted);
        if (agenda is null) return NotFound();
        Agenda = agenda;
        return Page();
    }
}
