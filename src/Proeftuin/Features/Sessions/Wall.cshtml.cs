using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Proeftuin.Web;

namespace Proeftuin.Features.Sessions;

/// <summary>
/// The big screen in the room: the join code, the address and a QR code, and the step with its timer.
/// Without JavaScript it refreshes by a link (the CSP allows no meta refresh tricks we would want here).
/// </summary>
public sealed class WallModel(SessionAccess access, GetSessionState state, PublicUrl publicUrl) : PageModel
{
    public SessionView View { get; private set; } = null!;
    public string JoinUrl { get; private set; } = "";
    public string QrSvg { get; private set; } = "";

    public StepView? CurrentStep => View.Steps.FirstOrDefault(s => s.Id == View.CurrentStepId);

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var caller = await access.ForSessionAsync(id, HttpContext.RequestAborted);
        if (caller is null) return NotFound();
        View = await state.ViewAsync(caller, HttpContext.RequestAborted);
        JoinUrl = $"{publicUrl.Base}/doe-mee/{View.JoinCode}";
        QrSvg = QrCodes.Svg(JoinUrl, "QR-code: " + JoinUrl);
        return Page();
    }
}
