using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Dashboard;

/// <summary>/programmas/{id}/overzicht.csv: the programme dashboard's numbers as a file, for the same people as the page.</summary>
public sealed class ProgrammeOverviewCsvModel(ExportProgrammeDashboard export, IStringLocalizer<SharedResource> l) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id) =>
        this.Download(await export.RunAsync(id, HttpContext.RequestAborted), l);
}
