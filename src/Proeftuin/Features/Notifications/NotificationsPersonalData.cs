using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Privacy;

namespace Proeftuin.Features.Notifications;

/// <summary>Meldingen are addressed to one person: exported as they are, deleted with the account.</summary>
public sealed class NotificationsPersonalData(AppDbContext db) : IPersonalDataContributor
{
    public int Order => 40;

    public IReadOnlyList<PersonalColumn> Describe() => [new(typeof(Notification), nameof(Notification.UserId), "verwijderd")];

    public async Task<PersonalDataSection> ExportAsync(PersonRef person, CancellationToken ct)
    {
        var list = await db.Notifications.AsNoTracking().Where(n => n.UserId == person.UserId).OrderBy(n => n.CreatedAt)
            .Select(n => new { n.Text, n.Url, n.CreatedAt, n.ReadAt }).ToListAsync(ct);
        return new PersonalDataSection("meldingen", "Je meldingen", "De meldingen die Proeftuin je gaf, bijvoorbeeld als je verhaal ergens voor gebruikt werd.",
            list.Select(n => Row.Of(("Melding", n.Text), ("Adres", n.Url), ("Gemaakt op", n.CreatedAt), ("Gelezen op", n.ReadAt))).ToList());
    }

    public Task EraseAsync(PersonRef person, ErasureChoices choices, CancellationToken ct) =>
        db.Notifications.Where(n => n.UserId == person.UserId).ExecuteDeleteAsync(ct);
}
