using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Activities;

/// <summary>
/// Someone cancels their registration (signed in), or a guest with the link from their mail (no sign-in). The place is
/// given to the first on the waiting list in the same transaction; they get a melding and a mail.
/// </summary>
public sealed class CancelRegistration(AppDbContext db, ActivityRules rules, Caller user, TimeProvider clock, WaitingList places)
{
    public const string NoLink = "Deze afmeldlink klopt niet of is al gebruikt.";

    /// <summary>The caller's own registration (signed in).</summary>
    public async Task<Outcome<ActivityRegistration>> MineAsync(int activityId, CancellationToken ct = default)
    {
        if (user.Id is not { } uid || await rules.ReadAsync(activityId, ct: ct) is null) return Outcome<ActivityRegistration>.NotFound();
        var registration = await db.Set<ActivityRegistration>().AsNoTracking()
            .FirstOrDefaultAsync(r => r.ActivityId == activityId && r.UserId == uid && r.Status != RegistrationStatus.Cancelled, ct);
        if (registration is null) return Outcome<ActivityRegistration>.Invalid("", "Je bent niet aangemeld voor deze activiteit.");
        await CancelAsync(registration, ct);
        return Outcome<ActivityRegistration>.Ok(registration);
    }

    /// <summary>A guest's registration, found by the token in their mail; NotFound for a wrong or used token.</summary>
    public async Task<ActivityRegistration?> FindByTokenAsync(int activityId, string? token, CancellationToken ct = default)
    {
        if (!Tokens.LooksValid(token)) return null;
        var hash = Tokens.Hash(token!);
        return await db.Set<ActivityRegistration>().AsNoTracking()
            .FirstOrDefaultAsync(r => r.ActivityId == activityId && r.CancelTokenHash == hash && r.Status != RegistrationStatus.Cancelled, ct);
    }

    public async Task<Outcome<ActivityRegistration>> ByTokenAsync(int activityId, string? token, CancellationToken ct = default)
    {
        var registration = await FindByTokenAsync(activityId, token, ct);
        if (registration is null) return Outcome<ActivityRegistration>.NotFound();
        await CancelAsync(registration, ct);
        return Outcome<ActivityRegistration>.Ok(registration);
    }

    /// <summary>
    /// Cancels one registration and moves the waiting list up, in one transaction; a registration already cancelled (by
    /// a request at the same moment) changes nothing. <paramref name="delete"/>: the row goes (erasure of personal data).
    /// </summary>
    public async Task CancelAsync(ActivityRegistration registration, CancellationToken ct, bool delete = false)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Erasure runs all contributors in one transaction of its own: this joins it rather than start a second.
        await db.InTransactionAsync(async (tx, ct) =>
        {
            places.DropQueued();
            await CancelLockedAsync(registration, delete, now, ct);
            await tx.CommitAsync(ct);
        }, ct);
        await places.SendAsync(ct);
    }

    private async Task CancelLockedAsync(ActivityRegistration registration, bool delete, DateTime now, CancellationToken ct)
    {
        await places.LockAsync(registration.ActivityId, ct);
        var was = await db.Set<ActivityRegistration>().AsNoTracking().Where(r => r.Id == registration.Id).Select(r => (RegistrationStatus?)r.Status).FirstOrDefaultAsync(ct);
        if (was is { } old)
        {
            var changed = delete
                ? await db.Set<ActivityRegistration>().Where(r => r.Id == registration.Id && r.Status == old).ExecuteDeleteAsync(ct)
                : await db.Set<ActivityRegistration>().Where(r => r.Id == registration.Id && r.Status == old)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RegistrationStatus.Cancelled).SetProperty(r => r.CancelledAt, now), ct);
            if (changed == 1 && old == RegistrationStatus.Registered)
            {
                await places.GiveBackPlaceAsync(registration.ActivityId, ct);
                await places.FillAsync(registration.ActivityId, now, ct);
            }
        }
    }
}
