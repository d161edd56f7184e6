using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Learning;

/// <summary>/projecten/{id}/leeragenda/export?format=csv|xlsx: the learning agenda as a file, for the team.</summary>
public sealed class ExportModel(ExportLearningAgenda export, IStringLocalizer<SharedResource> l) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, string? format) =>
        this.Download(await export.RunAsync(id, format, HttpContext.RequestAborted), l);
}
