using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Proeftuin.Features.Projects;
using Proeftuin.Web;

namespace Proeftuin.Features.Members;

/// <summary>Members of a project: facilitators invite, change roles and remove; every member sets their own perspective.</summary>
[Authorize]
public sealed class MembersModel(GetProjectOverview query, ChangeMember change, ManageInvitations invitations, IStringLocalizer<SharedResource> l) : ProjectPageModel(query), IInviteFormPage
{
    public int ProjectId => Project.Id;
    public InviteModel.InviteInput Invite { get; } = new();
    /// <summary>For facilitators: invitations and links that still work.</summary>
    public IReadOnlyList<PendingInvitation> Pending { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await LoadAsync(id, p => p.IsMember || p.CanManage) is { } refused) return refused;
        await LoadPendingAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, int invitationId)
    {
        if (await LoadAsync(id, p => p.CanManage) is { } refused) return refused;
        var outcome = await invitations.RevokeAsync(id, invitationId, HttpContext.RequestAborted);
        if (!outcome.IsOk)
        {
            await LoadPendingAsync();
            return this.Fail(outcome, l, "");
        }
        this.Flash("De uitnodiging is ingetrokken. De link werkt niet meer.");
        return Redirect($"/projecten/{id}/leden");
    }

    private async Task LoadPendingAsync()
    {
        if (!Project.Permissions.CanManage) return;
        Pending = (await invitations.ListAsync(Project.Id, HttpContext.RequestAborted)).Value ?? [];
    }

    /// <summary>Role: a <see cref="ProjectRole"/> name, or "Reviewer" for an observer who is an external reviewer (ADR 0035).</summary>
    public Task<IActionResult> OnPostRoleAsync(int id, int membershipId, string? role)
    {
        var reviewer = role == MemberWords.ReviewerChoice;
        var chosen = reviewer ? ProjectRole.Observer : Validation.ExactName<ProjectRole>(role);
        if (chosen is null) ModelState.AddModelError("role", l["Deze waarde is niet geldig."]);
        return ChangeAsync(id, () => change.ChangeRoleAsync(id, membershipId, chosen!.Value, reviewer, HttpContext.RequestAborted), "De rol is gewijzigd.");
    }

    public Task<IActionResult> OnPostRemoveAsync(int id, int membershipId) =>
        ChangeAsync(id, () => change.RemoveAsync(id, membershipId, HttpContext.RequestAborted), "Het lid is verwijderd uit het project.");

    public Task<IActionResult> OnPostPerspectiveAsync(int id, Perspective perspective) =>
        ChangeAsync(id, () => change.ChangeOwnPerspectiveAsync(id, perspective, HttpContext.RequestAborted), "Je kennisbron is gewijzigd.");

    /// <summary>A value that did not bind (an unknown role, say) is refused before anything changes.</summary>
    private async Task<IActionResult> ChangeAsync(int id, Func<Task<Outcome<Membership>>> run, string message)
    {
        if (await LoadAsync(id, p => p.IsMember || p.CanManage) is { } refused) return refused;
        await LoadPendingAsync();
        if (!ModelState.IsValid) return Page();
        var outcome = await run();
        if (!outcome.IsOk) return this.Fail(outcome, l, "");
        this.Flash(message);
        return Redirect($"/projecten/{id}/leden");
    }

}
