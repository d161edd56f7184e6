using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Moderation;

public sealed class ReportForm
{
    public ReportReason? Reason { get; set; }
    public string? Note { get; set; }
}

/// <summary>"Melden": why this contribution should be looked at. The reader goes back to where they were.</summary>
[Authorize]
public sealed class ReportModel(ReportContent report, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public ReportForm Input { get; set; } = new();
    public ModeratedContent Reported { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string kind, int id)
    {
        var allowed = await report.CanReportAsync(kind, id, HttpContext.RequestAborted);
        if (!allowed.IsOk) return this.Fail(allowed, l);
        Reported = allowed.Value!;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string kind, int id)
    {
        var allowed = await report.CanReportAsync(kind, id, HttpContext.RequestAborted);
        if (!allowed.IsOk) return this.Fail(allowed, l);
        Reported = allowed.Value!;
        if (!ModelState.IsValid)
        {
            // An unknown reason value fails binding: say it in the form's words.
            ModelState.Clear();
            ModelState.AddModelError("Input.Reason", l["Kies waarom je dit meldt."]);
            return Page();
        }
        var outcome = await report.RunAsync(kind, id, new ReportInput(Input.Reason, Input.Note), HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        this.Flash("Bedankt voor je melding. Een begeleider van het project kijkt ernaar; je krijgt bericht als het is bekeken.");
        return Redirect(Reported.Url);
    }
}
