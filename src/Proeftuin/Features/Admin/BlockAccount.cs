using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Audit;
using Proeftuin.Features.Accounts;
using Proeftuin.Web;

namespace Proeftuin.Features.Admin;

/// <summary>
/// The platform admin blocks or unblocks an account. Blocked: no sign-in by password or link, unused sign-in links
/// stop working, and open sessions end within a minute (the security stamp changes). Nobody blocks themselves.
/// </summary>
public sealed class BlockAccount(AppDbContext db, UserManager<AppUser> users, Caller me, TimeProvider clock, AuditLog audit)
{
    public const string NotYourself = "Je kunt jezelf niet blokkeren. Vraag een andere beheerder als dat echt nodig is.";

    public async Task<Outcome<AppUser>> BlockAsync(string? userId, CancellationToken ct = default)
    {
        var (outcome, user) = await LoadAsync(userId);
        if (user is null) return outcome;
        if (user.Id == me.Id) return Outcome<AppUser>.Invalid("", NotYourself);
        if (user.IsBlocked) return Outcome<AppUser>.Ok(user);
        var now = clock.GetUtcNow().UtcDateTime;
        user.BlockedAt = now;
        audit.Add(AuditAction.AccountBlocked, subjectType: AuditSubjects.Account, subjectId: user.Id, subjectUserId: user.Id);
        // A new stamp makes the cookies of every open session fail their next check.
        await users.UpdateSecurityStampAsync(user);
        await db.SignInLinks.Where(l => l.UserId == user.Id && l.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.UsedAt, now), ct);
        return Outcome<AppUser>.Ok(user);
    }

    public async Task<Outcome<AppUser>> UnblockAsync(string? userId, CancellationToken ct = default)
    {
        var (outcome, user) = await LoadAsync(userId);
        if (user is null) return outcome;
        if (!user.IsBlocked) return Outcome<AppUser>.Ok(user);
        user.BlockedAt = null;
        audit.Add(AuditAction.AccountUnblocked, subjectType: AuditSubjects.Account, subjectId: user.Id, subjectUserId: user.Id);
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        var result = await users.UpdateAsync(user);
        return result.Succeeded ? Outcome<AppUser>.Ok(user) : Outcome<AppUser>.Invalid("", "Het account kon niet worden gedeblokkeerd. Probeer het opnieuw.");
    }

    private async Task<(Outcome<AppUser>, AppUser?)> LoadAsync(string? userId)
    {
        if (!me.IsAdmin) return (Outcome<AppUser>.Forbidden(), null);
        // Identity ids are at most 450 characters; anything else is no account.
        if (string.IsNullOrEmpty(userId) || userId.Length > 450) return (Outcome<AppUser>.NotFound(), null);
        var user = await users.FindByIdAsync(userId);
        return user is null ? (Outcome<AppUser>.NotFound(), null) : (Outcome<AppUser>.Ok(user), user);
    }
}
