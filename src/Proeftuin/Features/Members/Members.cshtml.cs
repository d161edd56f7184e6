using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Proeftuin.Features.Projects;
using Proeftuin.Web;

namespace Proeftuin.Features.Members;

/// <summary>Members of a project: facilitators invite, change roles and remove; every member sets their own perspective.</summary>
[Authorize]
[EnableRateLimiting(RateLimits.Mail)]
public sealed class MembersModel(GetProjectOverview query, InviteMember invite, ChangeMember change, PublicUrl publicUrl, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public InviteInput Invite { get; set; } = new();
    public ProjectOverview Project { get; private set; } = null!;
    /// <summary>Shown once, right after making it: only its hash is stored.</summary>
    public string? NewInvitationUrl { get; private set; }

    public sealed class InviteInput
    {
        public string? Email { get; set; }
        public ProjectRole Role { get; set; } = ProjectRole.Member;
    }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostInviteAsync(int id) =>
        await InviteAsync(id, byEmail: true, "De uitnodiging is verstuurd.");

    public async Task<IActionResult> OnPostInviteLinkAsync(int id) =>
        await InviteAsync(id, byEmail: false, null);

    public async Task<IActionResult> OnPostRoleAsync(int id, int membershipId, ProjectRole role) =>
        await AfterChangeAsync(id, await change.ChangeRoleAsync(id, membershipId, role, HttpContext.RequestAborted), "De rol is gewijzigd.");

    public async Task<IActionResult> OnPostRemoveAsync(int id, int membershipId) =>
        await AfterChangeAsync(id, await change.RemoveAsync(id, membershipId, HttpContext.RequestAborted), "Het lid is verwijderd uit het project.");

    public async Task<IActionResult> OnPostPerspectiveAsync(int id, Perspective perspective) =>
        await AfterChangeAsync(id, await change.ChangeOwnPerspectiveAsync(id, perspective, HttpContext.RequestAborted), "Je kennisbron is gewijzigd.");

    private async Task<IActionResult> InviteAsync(int id, bool byEmail, string? message)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        if (!ModelState.IsValid) return Page();
        var outcome = await invite.RunAsync(id, Invite.Email, Invite.Role, publicUrl.Base, byEmail, HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l, "Invite");
        if (message is not null)
        {
            this.Flash(message);
            return Redirect($"/projecten/{id}/leden");
        }
        NewInvitationUrl = outcome.Value!.Url;
        return Page();
    }

    private async Task<IActionResult> AfterChangeAsync(int id, Outcome<Membership> outcome, string message)
    {
        if (outcome.IsOk)
        {
            this.Flash(message);
            return Redirect($"/projecten/{id}/leden");
        }
        if (await LoadAsync(id) is { } refused) return refused;
        ModelState.Remove("perspective");
        ModelState.Remove("role");
        return this.Fail(outcome, l, "");
    }

    private async Task<IActionResult?> LoadAsync(int id)
    {
        var project = await query.RunAsync(id, HttpContext.RequestAborted);
        if (project is null) return NotFound();
        if (!project.Permissions.IsMember && !project.Permissions.CanManage) return this.Denied();
        Project = project;
        return null;
    }
}
