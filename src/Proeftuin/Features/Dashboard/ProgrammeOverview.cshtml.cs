using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Proeftuin.Features.Dashboard;

/// <summary>/programmas/{id}/overzicht: the programme dashboard, for everyone who may read the programme (404 for an unknown one).</summary>
public sealed class ProgrammeOverviewModel(GetProgrammeDashboard get) : PageModel
{
    public ProgrammeDashboardView Dashboard { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await get.RunAsync(id, HttpContext.RequestAborted) is not { } view) return NotFound();
        Dashboard = view;
        return Page();
    }
}
