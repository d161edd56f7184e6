using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Experiments;

/// <summary>/projecten/{id}/proeven/export?format=csv|xlsx: the project's proeven as a file, for the team.</summary>
public sealed class ExportModel(ExportExperiments export, IStringLocalizer<SharedResource> l) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, string? format)
    {
        var outcome = await export.RunAsync(id, format, HttpContext.RequestAborted);
        if (outcome.Status == OutcomeStatus.Invalid)
            return BadRequest(outcome.Errors[0].Localize(l));
        if (!outcome.IsOk) return this.Fail(outcome, l);
        var file = outcome.Value!;
        Response.Headers.CacheControl = "no-store";
        return File(file.Content, file.ContentType, file.FileName);
    }
}
