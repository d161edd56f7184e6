using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Accounts;

/// <summary>Signs in with a mailed link: valid 15 minutes, single use.</summary>
public sealed class UseSignInLink(AppDbContext db, AppSignInManager signIn, PasswordThrottle throttle, TimeProvider clock, Audit.AuditLog audit)
{
    public const string Expired = "Deze inloglink is verlopen of al gebruikt. Vraag een nieuwe link aan.";
    public const string Blocked = "Dit account is geblokkeerd. Neem contact op met de beheerder van Proeftuin als je denkt dat dit niet klopt.";

    public async Task<Outcome<AppUser>> RunAsync(string? token, CancellationToken ct = default)
    {
        if (!Tokens.LooksValid(token)) return Outcome<AppUser>.Invalid("", Expired);
        var hash = Tokens.Hash(token!);
        var now = clock.GetUtcNow().UtcDateTime;
        var link = await db.SignInLinks.FirstOrDefaultAsync(l => l.TokenHash == hash, ct);
        if (link is null || link.UsedAt is not null || link.ExpiresAt <= now)
            return Outcome<AppUser>.Invalid("", Expired);

        // Mark used with a guarded update, so two clicks at the same moment cannot both sign in.
        var claimed = await db.SignInLinks
            .Where(l => l.Id == link.Id && l.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.UsedAt, now), ct);
        if (claimed == 0) return Outcome<AppUser>.Invalid("", Expired);

        var users = signIn.UserManager;
        var user = await users.FindByIdAsync(link.UserId);
        // A link sent to an address the account no longer has proves nothing.
        if (user is null || !string.Equals(user.Email, link.Email, StringComparison.OrdinalIgnoreCase))
            return Outcome<AppUser>.Invalid("", Expired);
        // Only the mailbox's owner gets this far, so saying why is safe.
        if (user.IsBlocked) return Outcome<AppUser>.Invalid("", Blocked);
        if (!user.EmailConfirmed)
        {
            // Following the link proves the mailbox.
            user.EmailConfirmed = true;
            if (link.PasswordHash is not null)
                user.PasswordHash = link.PasswordHash;
            else if (!link.ConfirmsAddress)
            {
                // A plain sign-in link to an unconfirmed account: someone else may have registered this
                // address. The password they chose and their sessions end here.
                user.PasswordHash = null;
                user.SecurityStamp = Guid.NewGuid().ToString("N");
            }
        }
        // Wrong passwords typed by someone else must not lock the owner out: the link always works, and
        // having proven the mailbox, the address starts afresh for passwords too.
        user.AccessFailedCount = 0;
        user.LockoutEnd = null;
        user.LastSignInAt = now;
        audit.Add(Audit.AuditAction.SignedIn, subjectType: Audit.AuditSubjects.Account, subjectId: user.Id, subjectUserId: user.Id, detail: "Met een inloglink", actorUserId: user.Id);
        await users.UpdateAsync(user);
        await throttle.ClearAsync(user.Email!, ct);
        await signIn.SignInAsync(user, isPersistent: true);
        return Outcome<AppUser>.Ok(user);
    }
}
