using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Activities;

/// <summary>One person on the list: a name, and for a guest the e-mail address (only facilitators see this list).</summary>
public sealed record RegistrationRow(string Name, string? GuestEmail, bool IsGuest, RegistrationStatus Status, DateTime CreatedAt);

public sealed record RegistrationList(Activity Activity, IReadOnlyList<RegistrationRow> Registered, IReadOnlyList<RegistrationRow> Waiting, int CancelledCount);

/// <summary>The registration list for the activity's facilitators (and admins): registered, then the waiting list in its order.</summary>
public sealed class GetRegistrations(AppDbContext db, ActivityRules rules)
{
    public async Task<Outcome<RegistrationList>> RunAsync(int id, CancellationToken ct = default)
    {
        var found = await rules.ReadAsync(id, ct: ct);
        if (found is not var (activity, manage)) return Outcome<RegistrationList>.NotFound();
        if (!manage) return Outcome<RegistrationList>.Forbidden();
        var rows = await db.Set<ActivityRegistration>().AsNoTracking().Where(r => r.ActivityId == id).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .Select(r => new
            {
                r.Status,
                r.CreatedAt,
                r.GuestName,
                r.GuestEmail,
                Name = db.Users.Where(u => u.Id == r.UserId).Select(u => u.DisplayName).FirstOrDefault(),
            }).ToListAsync(ct);
        var list = rows.Select(r => new RegistrationRow(r.Name ?? r.GuestName ?? Privacy.FormerMember.Name, r.GuestEmail, r.GuestEmail is not null, r.Status, r.CreatedAt)).ToList();
        return Outcome<RegistrationList>.Ok(new RegistrationList(activity,
            [.. list.Where(r => r.Status == RegistrationStatus.Registered)], [.. list.Where(r => r.Status == RegistrationStatus.WaitingList)],
            list.Count(r => r.Status == RegistrationStatus.Cancelled)));
    }
}
