using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Sessions;

/// <summary>"Klaar" as a plain form post: a participant finished the current step, or takes it back.</summary>
public sealed class DoneModel(MarkDone markDone, IStringLocalizer<SharedResource> l) : PageModel
{
    public IActionResult OnGet(int id) => Redirect($"/sessies/{id}");

    public async Task<IActionResult> OnPostAsync(int id, bool done)
    {
        var outcome = await markDone.RunAsync(id, done, HttpContext.RequestAborted);
        switch (outcome.Status)
        {
            case OutcomeStatus.Ok:
                this.Flash(done ? "Je bent klaar met deze stap." : "Je bent nog bezig met deze stap.");
                return Redirect($"/sessies/{id}#stap");
            case OutcomeStatus.NotFound when HttpContext.RequestServices.GetRequiredService<SessionAccess>().IsRemovedFrom(id):
                return Redirect($"/sessies/{id}"); // the session page says they were taken out
            case OutcomeStatus.NotFound:
                return NotFound();
            case OutcomeStatus.Forbidden:
                return this.Denied();
            default:
                this.Flash(string.Join(" ", outcome.Errors.Select(e => e.Localize(l))));
                return Redirect($"/sessies/{id}#stap");
        }
    }
}
