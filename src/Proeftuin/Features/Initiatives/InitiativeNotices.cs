using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Notifications;
using Proeftuin.Web;
using Proeftuin.Web.Mail;

namespace Proeftuin.Features.Initiatives;

/// <summary>
/// Meldingen and mails about initiatives. The meldingen join the caller's unit of work (saved in its transaction);
/// the mails are returned and sent only after the commit, so a rolled-back change mails nobody. A mail that fails is
/// logged; the change and the melding stand.
/// </summary>
public sealed class InitiativeNotices(AppDbContext db, PublicUrl publicUrl, IMailer mailer, TimeProvider clock, ILogger<InitiativeNotices> logger)
{
    public const string ReachedSubject = "Het initiatief gaat door: de drempel is gehaald";
    public const string ResponseSubject = "Er is een reactie op je initiatief";

    public static string Path(int id) => $"/initiatieven/{id}";

    private static string Short(string title) => title.Length > 120 ? title[..120] + " …" : title;

    /// <summary>Everyone with an active pledge hears, once, that the threshold is reached.</summary>
    public async Task<IReadOnlyList<MailMessage>> ReachedAsync(Initiative initiative, int count, CancellationToken ct)
    {
        var id = initiative.Id;
        var people = await db.Set<Pledge>().Where(p => p.InitiativeId == id && p.WithdrawnAt == null && p.UserId != null)
            .Join(db.Users, p => p.UserId, u => u.Id, (p, u) => new { u.Id, u.Email }).Distinct().ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var title = Short(initiative.Title);
        var mails = new List<MailMessage>();
        foreach (var person in people)
        {
            db.Notifications.Add(new Notification { UserId = person.Id, Text = $"Het initiatief „{title}” gaat door: {count} mensen doen mee. De drempel is gehaald!", Url = Path(id), CreatedAt = now });
            if (string.IsNullOrWhiteSpace(person.Email)) continue;
            mails.Add(new MailMessage(person.Email, ReachedSubject,
                $"Hallo,\n\nJe zei dat je meedoet met het initiatief \"{title}\" in Proeftuin. Nu doen er genoeg mensen mee: {count}. " +
                $"De drempel is gehaald, het initiatief gaat door!\n\nBekijk wie wat doet en wat er nodig is (log in als dat gevraagd wordt):\n{publicUrl.Base}{Path(id)}\n\n" +
                "Je krijgt deze e-mail één keer, omdat je toezegde mee te doen.\n"));
        }
        return mails;
    }

    /// <summary>The initiators hear of a response (not the one who gave it, when they are an initiator too).</summary>
    public async Task<IReadOnlyList<MailMessage>> RespondedAsync(Initiative initiative, InitiativeStatus status, string? byUserId, CancellationToken ct)
    {
        var id = initiative.Id;
        var people = await db.Set<InitiativeInitiator>().Where(x => x.InitiativeId == id && x.UserId != byUserId)
            .Join(db.Users, x => x.UserId, u => u.Id, (x, u) => new { u.Id, u.Email }).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var title = Short(initiative.Title);
        var mails = new List<MailMessage>();
        foreach (var person in people)
        {
            db.Notifications.Add(new Notification { UserId = person.Id, Text = $"Er is een reactie op je initiatief „{title}”: {status.Label().ToLowerInvariant()}.", Url = Path(id) + "#reacties", CreatedAt = now });
            if (string.IsNullOrWhiteSpace(person.Email)) continue;
            mails.Add(new MailMessage(person.Email, ResponseSubject,
                $"Hallo,\n\nEr is een reactie op je initiatief \"{title}\" in Proeftuin. De status is nu: {status.Label().ToLowerInvariant()}.\n\n" +
                $"Lees de reactie en de redenen (log in als dat gevraagd wordt):\n{publicUrl.Base}{Path(id)}#reacties\n"));
        }
        return mails;
    }

    public async Task SendAsync(IReadOnlyList<MailMessage> mails, CancellationToken ct = default)
    {
        foreach (var mail in mails)
        {
            try
            {
                await mailer.SendAsync(mail, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "An initiative's mail could not be sent");
            }
        }
    }
}

/// <summary>
/// The threshold, counted and reached in one place. A pledge counts when its own condition is met (the other active
/// pledges number at least its "als er nog N anderen meedoen"). Reaching sets ReachedAt with a conditional update
/// (WHERE ReachedAt IS NULL) inside the caller's transaction: of two requests that both see the threshold reached, only
/// the one whose update changed the row tells the pledgers.
/// </summary>
public static class ThresholdCheck
{
    /// <summary>Counted pledges: active ones whose condition is met.</summary>
    public static int Counted(IReadOnlyCollection<int?> activeConditions) =>
        activeConditions.Count(c => (c ?? 0) <= activeConditions.Count - 1);

    /// <summary>Counted pledges and all active ones.</summary>
    public static async Task<(int Counted, int Active)> CountAsync(AppDbContext db, int initiativeId, CancellationToken ct)
    {
        var conditions = await db.Set<Pledge>().Where(p => p.InitiativeId == initiativeId && p.WithdrawnAt == null)
            .Select(p => p.IfOthers).ToListAsync(ct);
        return (Counted(conditions), conditions.Count);
    }

    /// <summary>True for the one call that set ReachedAt.</summary>
    public static async Task<bool> TryReachAsync(AppDbContext db, int initiativeId, int threshold, int counted, DateTime now, CancellationToken ct)
    {
        if (counted < threshold) return false;
        return await db.Set<Initiative>().Where(i => i.Id == initiativeId && i.ReachedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.ReachedAt, now), ct) == 1;
    }

    /// <summary>First thing in a pledge's transaction: take the initiative's row, so pledges on it queue (both databases).</summary>
    public static Task<int> QueueAsync(AppDbContext db, int initiativeId, CancellationToken ct) =>
        db.Set<Initiative>().Where(i => i.Id == initiativeId).ExecuteUpdateAsync(u => u.SetProperty(i => i.Revision, i => i.Revision + 1), ct);

    /// <summary>
    /// The same lock, taken only while the initiative is open for pledges: 0 means a response (niet nu), a closing or
    /// moderation got there between the page's check and this pledge, and the pledge is refused.
    /// </summary>
    public static Task<int> QueueOpenAsync(AppDbContext db, int initiativeId, CancellationToken ct) =>
        db.Set<Initiative>().Where(i => i.Id == initiativeId && i.HiddenAt == null && i.Status != InitiativeStatus.NotNow && i.PledgesClosedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.Revision, i => i.Revision + 1), ct);
}
