using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Privacy;

/// <summary>The mailed link: the ZIP, for the signed-in person it was made for, until it expires (then a Dutch page, 410).</summary>
[Authorize]
public sealed class DownloadModel(ExportPersonalData exports, IStringLocalizer<SharedResource> l) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, string? token)
    {
        Response.Headers.CacheControl = "no-store";
        var outcome = await exports.DownloadAsync(id, token, HttpContext.RequestAborted);
        if (outcome.Status == OutcomeStatus.Invalid)
        {
            ModelState.AddErrors(outcome.Errors, l, "");
            // Gone, not a form error: the link was real but has expired.
            var page = Page();
            page.StatusCode = StatusCodes.Status410Gone;
            return page;
        }
        if (!outcome.IsOk) return this.Fail(outcome, l, "");
        return File(outcome.Value!, "application/zip", "mijn-gegevens-proeftuin.zip");
    }
}
