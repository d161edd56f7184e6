using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Features.Members;
using Proeftuin.Web;

namespace Proeftuin.Features.Mine;

/// <summary>Mijn Proeftuin: a signed-in person's own start page.</summary>
[Authorize]
public sealed class IndexModel(GetMyOverview query, AcceptInvitation accept, IStringLocalizer<SharedResource> l) : PageModel
{
    public MyOverview Overview { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync() => await ShowAsync();

    /// <summary>Accept an invitation mailed to my own address, right here.</summary>
    public async Task<IActionResult> OnPostAcceptAsync(int invitationId, Perspective perspective)
    {
        if (!ModelState.IsValid)
        {
            ModelState.Clear();
            ModelState.AddModelError("", l["Kies een kennisbron."]);
            return await ShowAsync();
        }
        var outcome = await accept.RunForMeAsync(invitationId, perspective, HttpContext.RequestAborted);
        if (!outcome.IsOk)
        {
            if (outcome.Status != OutcomeStatus.Invalid) return this.Fail(outcome, l, "");
            // The fields are per invitation: the messages go in the summary.
            foreach (var e in outcome.Errors) ModelState.AddModelError("", e.Localize(l));
            return await ShowAsync();
        }
        this.Flash("Welkom in het project!");
        return Redirect($"/projecten/{outcome.Value!.ProjectId}");
    }

    private async Task<IActionResult> ShowAsync()
    {
        var overview = await query.RunAsync(HttpContext.RequestAborted);
        if (overview is null) return Challenge();
        Overview = overview;
        return Page();
    }
}
