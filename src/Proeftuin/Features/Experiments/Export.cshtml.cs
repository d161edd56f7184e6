using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Experiments;

/// <summary>/projecten/{id}/proeven/export?format=csv|xlsx: the project's proeven as a file, for the team.</summary>
public sealed class ExportModel(ExportExperiments export, IStringLocalizer<SharedResource> l) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, string? format) =>
        this.Download(await export.RunAsync(id, format, HttpContext.RequestAborted), l);
}
