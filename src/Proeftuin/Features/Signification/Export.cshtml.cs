using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Signification;

/// <summary>/projecten/{id}/verhalen/export?format=csv|xlsx: the stories and their signification as a file, for facilitators and evaluators.</summary>
public sealed class ExportModel(ExportStories export, IStringLocalizer<SharedResource> l) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, string? format)
    {
        var outcome = await export.RunAsync(id, format, HttpContext.RequestAborted);
        if (outcome.Status == OutcomeStatus.Invalid)
            return BadRequest(outcome.Errors[0].Localize(l));
        if (!outcome.IsOk) return this.Fail(outcome, l);
        var file = outcome.Value!;
        // Personal stories: never kept in a shared cache.
        Response.Headers.CacheControl = "no-store";
        return File(file.Content, file.ContentType, file.FileName);
    }
}
