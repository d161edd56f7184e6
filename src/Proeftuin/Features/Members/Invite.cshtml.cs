using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Proeftuin.Features.Projects;
using Proeftuin.Web;

namespace Proeftuin.Features.Members;

/// <summary>
/// Inviting has its own page so that only sending invitations falls under the e-mail rate limit,
/// not the other changes on the members page.
/// </summary>
[Authorize]
[EnableRateLimiting(RateLimits.Mail)]
public sealed class InviteModel(GetProjectOverview query, InviteMember invite, PublicUrl publicUrl, IStringLocalizer<SharedResource> l) : ProjectPageModel(query), IInviteFormPage
{
    [BindProperty] public InviteInput Invite { get; set; } = new();
    public int ProjectId => Project.Id;
    /// <summary>Shown once, right after making it: only its hash is stored.</summary>
    public string? NewInvitationUrl { get; private set; }

    public sealed class InviteInput
    {
        public string? Email { get; set; }
        public ProjectRole Role { get; set; } = ProjectRole.Member;
    }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id, p => p.CanManage) ?? Page();

    /// <summary>By e-mail.</summary>
    public async Task<IActionResult> OnPostAsync(int id) => await InviteAsync(id, byEmail: true);

    /// <summary>A link to share some other way.</summary>
    public async Task<IActionResult> OnPostLinkAsync(int id) => await InviteAsync(id, byEmail: false);

    private async Task<IActionResult> InviteAsync(int id, bool byEmail)
    {
        if (await LoadAsync(id, p => p.CanManage) is { } refused) return refused;
        if (!ModelState.IsValid) return Page();
        var outcome = await invite.RunAsync(id, Invite.Email, Invite.Role, publicUrl.Base, byEmail, HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l, "Invite");
        if (byEmail)
        {
            this.Flash("De uitnodiging is verstuurd.");
            return Redirect($"/projecten/{id}/leden");
        }
        NewInvitationUrl = outcome.Value!.Url;
        return Page();
    }

}

/// <summary>The members page and the invite page share the invite form.</summary>
public interface IInviteFormPage
{
    int ProjectId { get; }
    InviteModel.InviteInput Invite { get; }
}
