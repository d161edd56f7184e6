using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Proeftuin.Features.Accounts;

/// <summary>
/// Identity's sign-in with two additions: a blocked account may not sign in (by password or link) and its
/// cookies fail the periodic security-stamp check; and every successful sign-in is recorded.
/// </summary>
public sealed class AppSignInManager(
    UserManager<AppUser> users,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation,
    TimeProvider clock,
    Audit.AuditLog audit)
    : SignInManager<AppUser>(users, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(AppUser user) =>
        !user.IsBlocked && await base.CanSignInAsync(user);

    public override async Task<bool> ValidateSecurityStampAsync(AppUser? user, string? securityStamp) =>
        user is { IsBlocked: false } && await base.ValidateSecurityStampAsync(user, securityStamp);

    /// <summary>Call after a successful sign-in (not after a refresh): admins see who still uses Proeftuin.</summary>
    public async Task RecordSignInAsync(AppUser user)
    {
        user.LastSignInAt = clock.GetUtcNow().UtcDateTime;
        audit.Add(Audit.AuditAction.SignedIn, subjectType: Audit.AuditSubjects.Account, subjectId: user.Id, subjectUserId: user.Id, detail: "Met wachtwoord", actorUserId: user.Id);
        await UserManager.UpdateAsync(user);
    }
}
