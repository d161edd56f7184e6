using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Privacy;

namespace Proeftuin.Features.Activities;

/// <summary>
/// A person's registrations for activities. Erasure deletes them; a place they held goes to the first on the waiting
/// list (as a cancellation would). Activities a facilitator planned stay, without their name.
/// </summary>
public sealed class ActivitiesPersonalData(AppDbContext db, CancelRegistration cancel) : IPersonalDataContributor
{
    public int Order => 28;

    public IReadOnlyList<PersonalColumn> Describe() =>
    [
        new(typeof(ActivityRegistration), nameof(ActivityRegistration.UserId), "verwijderd; een plek gaat naar de eerste op de wachtlijst"),
        // A guest's registration made with the person's confirmed address is theirs too (PersonRef.Email).
        new(typeof(ActivityRegistration), nameof(ActivityRegistration.GuestName), "verwijderd, met de aanmelding (als gast met je bevestigde adres)"),
        new(typeof(ActivityRegistration), nameof(ActivityRegistration.GuestEmail), "verwijderd, met de aanmelding (als gast met je bevestigde adres)"),
        new(typeof(Activity), nameof(Activity.CreatedById), "leeggemaakt; de activiteit blijft"),
    ];

    public async Task<PersonalDataSection> ExportAsync(PersonRef person, CancellationToken ct)
    {
        var id = person.UserId;
        var email = person.Email?.ToLowerInvariant();
        var rows = await db.Set<ActivityRegistration>().AsNoTracking().Where(r => r.UserId == id || (email != null && r.GuestEmail == email)).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .Join(db.Set<Activity>(), r => r.ActivityId, a => a.Id, (r, a) => new { a.Id, a.Title, a.StartsAt, r.Status, r.CreatedAt })
            .ToListAsync(ct);
        return new PersonalDataSection("activiteiten", "Activiteiten", "De activiteiten waarvoor je je hebt aangemeld.",
            [.. rows.Select(r => Row.Of(("Soort", "Aanmelding voor een activiteit"), ("Bij", "Activiteit " + r.Id), ("Activiteit", r.Title),
                ("Begint", r.StartsAt), ("Status", r.Status.Label()), ("Aangemeld op", r.CreatedAt)))]);
    }

    public async Task EraseAsync(PersonRef person, ErasureChoices choices, CancellationToken ct)
    {
        var id = person.UserId;
        var email = person.Email?.ToLowerInvariant();
        var registrations = await db.Set<ActivityRegistration>().AsNoTracking().Where(r => r.UserId == id || (email != null && r.GuestEmail == email)).ToListAsync(ct);
        foreach (var r in registrations) await cancel.CancelAsync(r, ct, delete: true);
        await db.Set<Activity>().Where(a => a.CreatedById == id).ExecuteUpdateAsync(u => u.SetProperty(a => a.CreatedById, (string?)null), ct);
    }
}
