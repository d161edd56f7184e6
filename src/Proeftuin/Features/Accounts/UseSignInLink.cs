using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Accounts;

/// <summary>Signs in with a mailed link: valid 15 minutes, single use.</summary>
public sealed class UseSignInLink(AppDbContext db, SignInManager<AppUser> signIn, TimeProvider clock)
{
    public const string Expired = "Deze inloglink is verlopen of al gebruikt. Vraag een nieuwe link aan.";

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
        if (user is null) return Outcome<AppUser>.Invalid("", Expired);
        if (!user.EmailConfirmed)
        {
            // Following the link proves the mailbox. A plain sign-in link to an unconfirmed account means
            // someone else may have registered this address: their password and sessions end here.
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
            if (!link.ConfirmsRegistration)
            {
                if (await users.HasPasswordAsync(user)) await users.RemovePasswordAsync(user);
                await users.UpdateSecurityStampAsync(user);
            }
        }
        // Wrong passwords typed by someone else must not lock the owner out of the link too.
        await users.ResetAccessFailedCountAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        await signIn.SignInAsync(user, isPersistent: true);
        return Outcome<AppUser>.Ok(user);
    }
}
