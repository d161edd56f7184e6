using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Audit;
using Proeftuin.Features.Notifications;
using Proeftuin.Web;
using Proeftuin.Web.Mail;

namespace Proeftuin.Features.Activities;

/// <summary>
/// A facilitator (or admin) cancels an activity, with a reason. It stays on the list as "afgelast" and in the calendar
/// feed with STATUS:CANCELLED (a higher SEQUENCE), so calendars take it out. Everyone registered or waiting gets a
/// melding (accounts) and a mail. The change, the meldingen and the audit entry are saved together, once.
/// </summary>
public sealed class CancelActivity(AppDbContext db, ActivityRules rules, AuditLog audit, TimeProvider clock, WaitingList places, ActivityMail mail)
{
    public const string AlreadyCancelled = "Deze activiteit is al afgelast.";

    public Task<Outcome<Activity>> CanCancelAsync(int id, CancellationToken ct = default) => rules.ManageAsync(id, ct);

    public async Task<Outcome<Activity>> RunAsync(int id, string? reason, CancellationToken ct = default)
    {
        var found = await rules.ManageAsync(id, ct);
        if (!found.IsOk) return found;
        var activity = found.Value!;
        var v = new Validation();
        var why = PlanActivity.PlainText(v, "Reason", reason, ActivityLimits.CancelReason, "de reden");
        if (!v.IsValid) return v;
        if (activity.IsCancelled) return Outcome<Activity>.Invalid("Reason", AlreadyCancelled);
        var now = clock.GetUtcNow().UtcDateTime;

        var refusal = await db.InTransactionAsync(async (tx, ct) =>
        {
            places.DropQueued();
            await places.LockAsync(id, ct);
            var changed = await db.Set<Activity>().Where(a => a.Id == id && a.CancelledAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.CancelledAt, now).SetProperty(a => a.CancelReason, why)
                    .SetProperty(a => a.Sequence, a => a.Sequence + 1).SetProperty(a => a.UpdatedAt, now), ct);
            if (changed == 0) return Outcome<Activity>.Invalid("Reason", AlreadyCancelled);
            activity.CancelledAt = now;
            activity.CancelReason = why;
            db.Entry(activity).State = EntityState.Unchanged;

            var people = await db.Set<ActivityRegistration>().AsNoTracking()
                .Where(r => r.ActivityId == id && r.Status != RegistrationStatus.Cancelled).ToListAsync(ct);
            foreach (var r in people)
            {
                if (r.UserId is { } userId)
                    db.Notifications.Add(new Notification { UserId = userId, Text = $"De activiteit „{activity.Title}” is afgelast.", Url = $"/activiteiten/{id}", CreatedAt = now });
                if (await mail.AddressOfAsync(r, ct) is { } to)
                    places.Queue(new MailMessage(to, $"Afgelast: {activity.Title}", mail.Body(activity, r, $"Deze activiteit gaat niet door. De reden: {why}", cancelToken: null)));
            }
            audit.Add(AuditAction.ActivityCancelled, activity.ProjectId, AuditSubjects.Activity, id.ToString(CultureInfo.InvariantCulture),
                detail: $"{people.Count} aanmeldingen");
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return null;
        }, ct);
        if (refusal is not null) return refusal;
        await places.SendAsync(ct);
        return Outcome<Activity>.Ok(activity);
    }
}
