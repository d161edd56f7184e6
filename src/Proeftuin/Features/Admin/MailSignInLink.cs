using Microsoft.AspNetCore.Identity;
using Proeftuin.Features.Accounts;
using Proeftuin.Features.Audit;
using Proeftuin.Web;

namespace Proeftuin.Features.Admin;

/// <summary>The admin sends someone the ordinary sign-in link mail, e.g. for a resident who lost their password.</summary>
public sealed class MailSignInLink(UserManager<AppUser> users, RequestSignInLink links, Caller me, AuditLog audit)
{
    public async Task<Outcome<AppUser>> RunAsync(string? userId, string baseUrl, CancellationToken ct = default)
    {
        if (!me.IsAdmin) return Outcome<AppUser>.Forbidden();
        if (string.IsNullOrEmpty(userId) || userId.Length > 450) return Outcome<AppUser>.NotFound();
        var user = await users.FindByIdAsync(userId);
        if (user is null) return Outcome<AppUser>.NotFound();
        if (user.IsBlocked)
            return Outcome<AppUser>.Invalid("", "Dit account is geblokkeerd. Deblokkeer het eerst; daarna kun je een inloglink sturen.");
        audit.Add(AuditAction.AdminSignInLinkSent, subjectType: AuditSubjects.Account, subjectId: user.Id, subjectUserId: user.Id);
        await links.SendAsync(user, baseUrl, LinkPurpose.SignIn, returnUrl: null, ct);
        return Outcome<AppUser>.Ok(user);
    }
}
