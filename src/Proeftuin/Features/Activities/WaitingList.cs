using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Notifications;
using Proeftuin.Web.Mail;

namespace Proeftuin.Features.Activities;

/// <summary>
/// The places of one activity, for use inside a transaction. <see cref="LockAsync"/> takes the activity's row first
/// (PostgreSQL: a row lock; SQLite: the write lock of its immediate transaction), so sign-ups and cancellations of one
/// activity happen one after the other; places are taken with a conditional UPDATE that never passes the capacity.
/// Mails are collected and sent after the commit (<see cref="SendAsync"/>): a mail for a change that was rolled back
/// would be wrong.
/// </summary>
public sealed class WaitingList(AppDbContext db, IMailer mailer, ActivityMail mail, ILogger<WaitingList> logger)
{
    private readonly List<MailMessage> outbox = [];

    /// <summary>Locks the activity's row for the transaction; the number of places taken.</summary>
    public async Task<int> LockAsync(int activityId, CancellationToken ct)
    {
        await Activities(activityId).ExecuteUpdateAsync(s => s.SetProperty(a => a.RegisteredCount, a => a.RegisteredCount), ct);
        return await Activities(activityId).Select(a => a.RegisteredCount).FirstAsync(ct);
    }

    /// <summary>Takes a place when one is free (a conditional update); false when the activity is full.</summary>
    public async Task<bool> TakePlaceAsync(int activityId, CancellationToken ct) =>
        await Activities(activityId).Where(a => a.Capacity == null || a.RegisteredCount < a.Capacity)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.RegisteredCount, a => a.RegisteredCount + 1), ct) == 1;

    public Task GiveBackPlaceAsync(int activityId, CancellationToken ct) =>
        Activities(activityId).Where(a => a.RegisteredCount > 0).ExecuteUpdateAsync(s => s.SetProperty(a => a.RegisteredCount, a => a.RegisteredCount - 1), ct);

    /// <summary>
    /// Moves people up from the waiting list (first come, first served) while places are free, each with a conditional
    /// update on their old status; they get a melding (accounts) and a mail after the commit. Nothing moves up for a
    /// cancelled or past activity.
    /// </summary>
    public async Task<int> FillAsync(int activityId, DateTime now, CancellationToken ct)
    {
        var activity = await Activities(activityId).AsNoTracking().FirstAsync(ct);
        if (activity.IsCancelled || activity.StartsAt <= now) return 0;
        var moved = 0;
        while (await TakePlaceAsync(activityId, ct))
        {
            var next = await db.Set<ActivityRegistration>().AsNoTracking()
                .Where(r => r.ActivityId == activityId && r.Status == RegistrationStatus.WaitingList)
                .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).FirstOrDefaultAsync(ct);
            if (next is null)
            {
                await GiveBackPlaceAsync(activityId, ct);
                break;
            }
            var promoted = await db.Set<ActivityRegistration>().Where(r => r.Id == next.Id && r.Status == RegistrationStatus.WaitingList)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RegistrationStatus.Registered).SetProperty(r => r.PromotedAt, now), ct);
            if (promoted == 0)
            {
                await GiveBackPlaceAsync(activityId, ct);
                continue;
            }
            moved++;
            if (next.UserId is { } userId)
                db.Notifications.Add(new Notification { UserId = userId, Text = $"Er is een plek vrijgekomen. Je bent nu aangemeld voor „{activity.Title}”.", Url = $"/activiteiten/{activityId}", CreatedAt = now });
            if (await mail.AddressOfAsync(next, ct) is { } to)
                Queue(new MailMessage(to, $"Er is plek: je bent aangemeld voor {activity.Title}",
                    mail.Body(activity, next, "Er is een plek vrijgekomen. Je stond op de wachtlijst en bent nu aangemeld.", cancelToken: null)));
        }
        if (moved > 0) await db.SaveChangesAsync(ct);
        return moved;
    }

    public void Queue(MailMessage message) => outbox.Add(message);

    /// <summary>At the start of a transaction's body: mails an attempt queued before it was rolled back and retried go.</summary>
    public void DropQueued() => outbox.Clear();

    /// <summary>After the commit. A mail that fails is logged: the change itself stands.</summary>
    public async Task SendAsync(CancellationToken ct)
    {
        foreach (var message in outbox)
        {
            try { await mailer.SendAsync(message, ct); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "An activity mail could not be sent");
            }
        }
        outbox.Clear();
    }

    private IQueryable<Activity> Activities(int id) => db.Set<Activity>().Where(a => a.Id == id);
}
