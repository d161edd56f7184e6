using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Proeftuin.Web;

namespace Proeftuin.Features.Sessions;

/// <summary>
/// The big screen in the room, full-screen in its own layout (no site header): the join code, the address and a QR code
/// in a corner, the step with its timer, and the board (read-only) filling the rest.
/// Without JavaScript it refreshes by a link (the CSP allows no meta refresh tricks we would want here).
/// </summary>
public sealed class WallModel(SessionAccess access, GetSessionState state, GetResults results, PublicUrl publicUrl) : PageModel
{
    public SessionView View { get; private set; } = null!;
    public string JoinUrl { get; private set; } = "";
    public string QrSvg { get; private set; } = "";
    /// <summary>The address to type, short enough to read from the back of the room.</summary>
    public string JoinAddress { get; private set; } = "";
    /// <summary>The same board as the session page, without buttons.</summary>
    public NoteBoard Board { get; private set; } = null!;
    /// <summary>The last closed vote: its small groups are named on the wall too (issue 15).</summary>
    public ResultsView? LastResults { get; private set; }

    public StepView? CurrentStep => View.Steps.FirstOrDefault(s => s.Id == View.CurrentStepId);

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var caller = await access.ForSessionAsync(id, HttpContext.RequestAborted);
        if (caller is null) return NotFound();
        View = await state.ViewAsync(caller, HttpContext.RequestAborted);
        var closedVotes = View.Steps.Any(s => s.Mode == StepMode.Vote && s.VotingClosed)
            ? await results.ClosedStepsAsync(caller, HttpContext.RequestAborted) : [];
        Board = new NoteBoard(View, caller, NoteBoard.DotsFrom(closedVotes), ReadOnly: true);
        LastResults = closedVotes.Count > 0 ? closedVotes[^1] : null;
        JoinAddress = publicUrl.Base.Replace("https://", "", StringComparison.Ordinal).Replace("http://", "", StringComparison.Ordinal) + "/doe-mee";
        JoinUrl = $"{publicUrl.Base}/doe-mee/{View.JoinCode}";
        QrSvg = QrCodes.Svg(JoinUrl, "QR-code: " + JoinUrl);
        return Page();
    }
}
