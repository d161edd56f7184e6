using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Proeftuin.Features.Dashboard;

/// <summary>/projecten/{id}/overzicht: the project dashboard, for whoever may read the project (404 otherwise).</summary>
public sealed class OverviewModel(GetDashboard get) : PageModel
{
    public DashboardView Dashboard { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await get.RunAsync(id, HttpContext.RequestAborted) is not { } view) return NotFound();
        Dashboard = view;
        return Page();
    }
}
