using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Proeftuin.Features.Sessions;

/// <summary>The printable summary of a session, for everyone who may see the session.</summary>
public sealed class SummaryModel(GetSessionSummary query) : PageModel
{
    public SessionSummary Summary { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var summary = await query.RunAsync(id, HttpContext.RequestAborted);
        if (summary is null) return NotFound();
        Summary = summary;
        // Residents' notes: no browser or proxy keeps a copy.
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    /// <summary>The step's way of working in the summary's own words (localizer keys).</summary>
    public static string ModeLabel(StepMode mode) => mode switch
    {
        StepMode.Write => "Schrijven van post-its",
        StepMode.Share => "Delen van post-its",
        StepMode.Cluster => "Ordenen in clusters",
        StepMode.Vote => "Stemmen met stippen",
        StepMode.Discuss => "Bespreken met elkaar",
        _ => mode.ToString(),
    };
}
