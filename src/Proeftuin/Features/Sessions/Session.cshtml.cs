using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Proeftuin.Data;
using Proeftuin.Features.Members;
using Proeftuin.Web;

namespace Proeftuin.Features.Sessions;

/// <summary>
/// The live session page for everyone in it: the same server-rendered view works without JavaScript (plain forms post
/// to the step, note and vote pages); with JavaScript, session.js keeps it live over the hub.
/// </summary>
public sealed class SessionModel(SessionAccess access, JoinSession join, GetSessionState state, GetResults results, PublicUrl publicUrl, AppDbContext db,
    ManageParticipants manage, IStringLocalizer<SharedResource> l) : PageModel
{
    public SessionView View { get; private set; } = null!;
    public SessionCaller Caller { get; private set; } = null!;
    /// <summary>Only for the project's members: guests and other participants see nothing of the project outside the session.</summary>
    public string? ProjectTitle { get; private set; }

    /// <summary>The caller was taken out of this session: the page says so and shows nothing of it (403).</summary>
    public bool Removed { get; private set; }

    public StepView? CurrentStep => View.Steps.FirstOrDefault(s => s.Id == View.CurrentStepId);

    /// <summary>Every closed vote's results, read once for the results tables and the stippen on the cards.</summary>
    public IReadOnlyList<ResultsView> Results { get; private set; } = [];

    /// <summary>Where people type the join code, as the facilitator says it out loud.</summary>
    public string JoinAddress => publicUrl.Base + "/doe-mee";

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var ct = HttpContext.RequestAborted;
        // The team joins by opening the page; observers watch; anyone else needs the join code.
        await join.JoinAsTeamMemberAsync(id, ct);
        var caller = await access.ForSessionAsync(id, ct);
        if (caller is null && access.IsRemovedFrom(id))
        {
            Removed = true;
            var page = Page();
            page.StatusCode = StatusCodes.Status403Forbidden;
            return page;
        }
        if (caller is null) return NotFound();
        Caller = caller;
        View = await state.ViewAsync(caller, ct);
        if (View.Steps.Any(s => s.Mode == StepMode.Vote && s.VotingClosed)) Results = await results.ClosedStepsAsync(caller, ct);
        if (caller.Project is { IsMember: true } or { CanManage: true })
            ProjectTitle = await db.Projects.Where(p => p.Id == View.ProjectId).Select(p => p.Title).FirstAsync(ct);
        return Page();
    }

    /// <summary>"Andere kennisbron": a participant changes the perspective they declared, until the first vote step starts.</summary>
    public async Task<IActionResult> OnPostPerspectiveAsync(int id, string? perspective)
    {
        var chosen = Enum.TryParse<Perspective>(perspective, out var p) && Enum.IsDefined(p) ? p : (Perspective)(-1);
        var outcome = await manage.ChangePerspectiveAsync(id, chosen, HttpContext.RequestAborted);
        switch (outcome.Status)
        {
            case OutcomeStatus.Ok:
                this.Flash("Je kennisbron is aangepast.");
                return Redirect($"/sessies/{id}#mijn-kennisbron");
            case OutcomeStatus.NotFound when access.IsRemovedFrom(id):
                return Redirect($"/sessies/{id}");
            case OutcomeStatus.NotFound:
                return NotFound();
            case OutcomeStatus.Forbidden:
                return this.Denied();
            default:
                this.Flash(string.Join(" ", outcome.Errors.Select(e => e.Localize(l))));
                return Redirect($"/sessies/{id}#mijn-kennisbron");
        }
    }
}
