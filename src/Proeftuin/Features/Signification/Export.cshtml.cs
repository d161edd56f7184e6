using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Signification;

/// <summary>/projecten/{id}/verhalen/export?format=csv|xlsx: the stories and their signification as a file, for facilitators and evaluators.</summary>
public sealed class ExportModel(ExportStories export, IStringLocalizer<SharedResource> l) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, string? format) =>
        this.Download(await export.RunAsync(id, format, HttpContext.RequestAborted), l);
}
