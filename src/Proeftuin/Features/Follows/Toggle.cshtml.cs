using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Proeftuin.Web;

namespace Proeftuin.Features.Follows;

/// <summary>
/// /volgen/{onderwerp}/{id}: the Volgen button posts here and goes back to the page it came from. The page itself
/// (GET) explains what following means, for whoever opens the address directly.
/// </summary>
[Authorize]
public sealed class ToggleModel(FollowThing follows) : PageModel
{
    public Followed Thing { get; private set; } = null!;
    public bool Following { get; private set; }

    public async Task<IActionResult> OnGetAsync(string topic, int id)
    {
        if (FollowTopics.Slugs.Parse(topic) is not { } t || await follows.StateAsync(t, id, HttpContext.RequestAborted) is not var (thing, following))
            return NotFound();
        Thing = thing;
        Following = following;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string topic, int id, bool follow, string? terug)
    {
        if (FollowTopics.Slugs.Parse(topic) is not { } t) return NotFound();
        var result = await follows.SetAsync(t, id, follow, HttpContext.RequestAborted);
        if (!result.IsOk) return NotFound();
        if (result.Value) this.Flash("Je volgt dit nu. Je krijgt een melding als er iets gebeurt, en een samenvatting per e-mail zoals je koos op Volgen.");
        else this.Flash("Je volgt dit niet meer.");
        return LocalRedirect(this.SafeReturnUrl(terug, FollowTopics.Path(t, id)));
    }
}
