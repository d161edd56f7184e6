using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Journey;

/// <summary>
/// /projecten/{id}/innovatiereis/verslag: the journey as a printable report, optionally for a period (?van=&amp;tot=);
/// ?format=docx gives the same chapters as a Word document.
/// </summary>
// Served from the page cache to everyone signed out (Web/PageCache.cs).
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Proeftuin.Web.PageCache.Policy)]
public sealed class ReportModel(GetJourneyReport get, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "van")] public string? Van { get; set; }
    [BindProperty(SupportsGet = true, Name = "tot")] public string? Tot { get; set; }
    [BindProperty(SupportsGet = true, Name = "format")] public string? Format { get; set; }
    public int ProjectId { get; private set; }
    public JourneyReport? Report { get; private set; }

    public string DocxUrl => QueryHelpers.AddQueryString($"/projecten/{ProjectId}/innovatiereis/verslag",
        new Dictionary<string, string?> { ["van"] = Van, ["tot"] = Tot, ["format"] = "docx" }.Where(p => !string.IsNullOrEmpty(p.Value)));

    public async Task<IActionResult> OnGetAsync(int id)
    {
        ProjectId = id;
        if (Format is not (null or "" or "docx")) return BadRequest(l["Kies docx als formaat, of geen formaat voor de pagina."].Value);
        var outcome = await get.RunAsync(id, Van, Tot, HttpContext.RequestAborted);
        if (outcome.Status == OutcomeStatus.NotFound) return NotFound();
        if (!outcome.IsOk)
        {
            // A wrong period: the page again with the message at the field (a Word file cannot say it).
            ModelState.AddErrors(outcome.Errors.Select(e => e with { Field = e.Field == "van" ? "Van" : "Tot" }), l, prefix: "");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Report = outcome.Value!;
        if (Format != "docx") return Page();
        var bytes = JourneyDocx.Write(Report, key => l[key].Value, (key, args) => l[key, args].Value);
        Response.Headers.CacheControl = "private, no-store";
        return File(bytes, JourneyDocx.ContentType, $"innovatiereis-project-{id}.docx");
    }
}
