using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Web;
using Proeftuin.Web.Mail;

namespace Proeftuin.Features.Activities;

/// <summary>A guest's name and e-mail address; ignored for who is signed in.</summary>
public sealed record RegisterInput(string? Name, string? Email);

/// <summary>
/// Signs someone up for an activity they may see: an account, or a guest with a name and an e-mail address (no
/// account). A free place makes them registered, a full activity puts them on the waiting list. All under the
/// activity's lock in one transaction (<see cref="WaitingList"/>), so N sign-ups at once for K places give exactly K
/// registered. A guest gets a mail with a link to cancel (only its hash is stored).
/// </summary>
public sealed class RegisterForActivity(AppDbContext db, ActivityRules rules, Caller user, TimeProvider clock, WaitingList places, ActivityMail mail)
{
    public const string Cancelled = "Deze activiteit is afgelast. Aanmelden kan niet meer.";
    public const string Past = "Deze activiteit is al begonnen of voorbij. Aanmelden kan niet meer.";
    public const string Twice = "Je bent al aangemeld voor deze activiteit.";
    public const string TwiceWaiting = "Je staat al op de wachtlijst voor deze activiteit.";

    public async Task<Outcome<ActivityRegistration>> RunAsync(int activityId, RegisterInput input, CancellationToken ct = default)
    {
        if (await rules.ReadAsync(activityId, ct: ct) is not var (activity, _)) return Outcome<ActivityRegistration>.NotFound();
        var v = new Validation();
        string? name = null, email = null;
        if (!user.IsSignedIn)
        {
            name = PlanActivity.PlainText(v, "Name", input.Name, ActivityLimits.GuestName, "je naam");
            email = Email(v, "Email", input.Email);
        }
        if (!v.IsValid) return v;
        var now = clock.GetUtcNow().UtcDateTime;

        var token = user.IsSignedIn ? null : Tokens.New();
        ActivityRegistration registration = null!;
        var refusal = await db.InTransactionAsync(async (tx, ct) =>
        {
            await places.LockAsync(activityId, ct);
            // Read again under the lock: a cancellation at the same moment is seen here.
            var state = await db.Set<Activity>().AsNoTracking().Where(a => a.Id == activityId).Select(a => new { a.CancelledAt, a.StartsAt }).FirstAsync(ct);
            if (state.CancelledAt is not null) return Outcome<ActivityRegistration>.Invalid("Name", Cancelled);
            if (state.StartsAt <= now) return Outcome<ActivityRegistration>.Invalid("Name", Past);
            var mine = db.Set<ActivityRegistration>().Where(r => r.ActivityId == activityId && r.Status != RegistrationStatus.Cancelled);
            mine = user.Id is { } uid ? mine.Where(r => r.UserId == uid) : mine.Where(r => r.GuestEmail == email);
            if (await mine.Select(r => (RegistrationStatus?)r.Status).FirstOrDefaultAsync(ct) is { } already)
                return Outcome<ActivityRegistration>.Invalid(user.IsSignedIn ? "" : "Email", already == RegistrationStatus.WaitingList ? TwiceWaiting : Twice);

            registration = new ActivityRegistration
            {
                ActivityId = activityId,
                UserId = user.Id,
                GuestName = name,
                GuestEmail = email,
                Status = await places.TakePlaceAsync(activityId, ct) ? RegistrationStatus.Registered : RegistrationStatus.WaitingList,
                CreatedAt = now,
                CancelTokenHash = token is null ? null : Tokens.Hash(token),
            };
            db.Set<ActivityRegistration>().Add(registration);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return null;
        }, ct);
        if (refusal is not null) return refusal;

        if (email is not null)
        {
            var registered = registration.Status == RegistrationStatus.Registered;
            places.Queue(new MailMessage(email,
                registered ? $"Je bent aangemeld: {activity.Title}" : $"Je staat op de wachtlijst: {activity.Title}",
                mail.Body(activity, registration,
                    registered ? "Je bent aangemeld. Fijn dat je komt!" : "De activiteit is vol. Je staat op de wachtlijst. Komt er een plek vrij, dan krijg je een mail.",
                    token)));
            await places.SendAsync(ct);
        }
        return Outcome<ActivityRegistration>.Ok(registration);
    }

    /// <summary>A plain e-mail address, stored in lower case.</summary>
    public static string? Email(Validation v, string field, string? value)
    {
        var text = v.Text(field, value, ActivityLimits.Email, label: "een e-mailadres");
        if (text.Length == 0 || !v.IsValid && v.Errors.Any(e => e.Field == field)) return null;
        if (text.Contains(' ', StringComparison.Ordinal) || !System.Net.Mail.MailAddress.TryCreate(text, out var address) || address.Address != text || !text.Contains('.', StringComparison.Ordinal)
            || text.IndexOfAny(['<', '>', '"', '(', ')', ',', ';']) >= 0)
        {
            v.Add(field, "Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.");
            return null;
        }
        return text.ToLowerInvariant();
    }
}
