using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Proeftuin.Data;
using Proeftuin.Features.Notifications;
using Proeftuin.Web.Mail;

namespace Proeftuin.Features.Activities;

public sealed class ActivityReminderOptions
{
    public bool Enabled { get; set; } = true;
    public int IntervalMinutes { get; set; } = 15;
}

/// <summary>
/// One pass of the reminder the day before: everyone registered for an activity that starts within the next 24 hours
/// (and is not cancelled or hidden) gets one mail, and accounts a melding. ReminderSentAt is set with a conditional
/// update (only where it is still empty) before the mail goes, so two app nodes never send the same reminder twice.
/// </summary>
public sealed class SendActivityReminders(AppDbContext db, TimeProvider clock, ActivityMail mail, IMailer mailer, ILogger<SendActivityReminders> logger)
{
    public static readonly TimeSpan Ahead = TimeSpan.FromHours(24);

    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + Ahead;
        var due = await db.Set<ActivityRegistration>().AsNoTracking()
            .Where(r => r.Status == RegistrationStatus.Registered && r.ReminderSentAt == null)
            .Join(db.Set<Activity>().Where(a => a.CancelledAt == null && a.HiddenAt == null && a.StartsAt > now && a.StartsAt <= until),
                r => r.ActivityId, a => a.Id, (r, a) => new { Registration = r, Activity = a })
            .OrderBy(x => x.Activity.StartsAt).Take(500).ToListAsync(ct);
        var sent = 0;
        foreach (var x in due)
        {
            var claimed = await db.Set<ActivityRegistration>()
                .Where(r => r.Id == x.Registration.Id && r.ReminderSentAt == null && r.Status == RegistrationStatus.Registered)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.ReminderSentAt, now), ct);
            if (claimed == 0) continue;
            if (x.Registration.UserId is { } userId)
            {
                db.Notifications.Add(new Notification { UserId = userId, Text = $"Morgen: „{x.Activity.Title}”. Je bent aangemeld.", Url = $"/activiteiten/{x.Activity.Id}", CreatedAt = now });
                await db.SaveChangesAsync(ct);
            }
            if (await mail.AddressOfAsync(x.Registration, ct) is { } to)
            {
                try
                {
                    await mailer.SendAsync(new MailMessage(to, $"Herinnering: {x.Activity.Title}",
                        mail.Body(x.Activity, x.Registration, "Een herinnering: je bent aangemeld voor deze activiteit. Tot dan!", cancelToken: null)), ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "A reminder for activity {Activity} could not be sent", x.Activity.Id);
                }
            }
            sent++;
        }
        return sent;
    }
}

/// <summary>Runs <see cref="SendActivityReminders"/> every few minutes on the app's clock.</summary>
public sealed class ActivityReminderJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<ActivityReminderOptions> options, ILogger<ActivityReminderJob> logger)
    : Web.PeriodicJob<SendActivityReminders>(scopes, clock, logger)
{
    protected override bool Enabled => options.Value.Enabled;

    protected override TimeSpan Interval => TimeSpan.FromMinutes(Math.Max(1, options.Value.IntervalMinutes));

    protected override Task<int> RunPassAsync(SendActivityReminders pass, CancellationToken ct) => pass.RunOnceAsync(ct);
}
