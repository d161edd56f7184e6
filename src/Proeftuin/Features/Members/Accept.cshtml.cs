using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Members;

[EnableRateLimiting(RateLimits.SignIn)]
public sealed class AcceptModel(AcceptInvitation accept, Caller me, Microsoft.AspNetCore.Identity.UserManager<Accounts.AppUser> users, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Token { get; set; } = "";
    [BindProperty] public Perspective Perspective { get; set; }
    public InvitationView? Invitation { get; private set; }
    public bool SignedIn => me.IsSignedIn;

    public async Task<IActionResult> OnGetAsync()
    {
        var view = await accept.ViewAsync(Token, HttpContext.RequestAborted);
        if (!view.IsOk) return this.Fail(view, l, "");
        Invitation = view.Value;
        if (me.IsSignedIn && await users.GetUserAsync(User) is { } user) Perspective = user.DefaultPerspective;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!me.IsSignedIn) return Challenge();
        if (!ModelState.IsValid)
        {
            Invitation = (await accept.ViewAsync(Token, HttpContext.RequestAborted)).Value;
            return Page();
        }
        var outcome = await accept.RunAsync(Token, Perspective, HttpContext.RequestAborted);
        if (!outcome.IsOk)
        {
            var view = await accept.ViewAsync(Token, HttpContext.RequestAborted);
            Invitation = view.Value;
            return this.Fail(outcome, l, "");
        }
        this.Flash("Welkom in het project!");
        return Redirect($"/projecten/{outcome.Value!.ProjectId}");
    }
}
