using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;

namespace Proeftuin.Features.Privacy;

/// <summary>This feature's own rows: download requests and erasure confirmations.</summary>
public sealed class PrivacyPersonalData(AppDbContext db) : IPersonalDataContributor
{
    public int Order => 95;

    public IReadOnlyList<PersonalColumn> Describe() =>
    [
        PersonalColumn.Row(typeof(PersonalDataExport), "verwijderd, met het bestand"),
        PersonalColumn.Row(typeof(AccountErasureRequest), "verwijderd"),
    ];

    public async Task<PersonalDataSection> ExportAsync(PersonRef person, CancellationToken ct)
    {
        var list = await db.Set<PersonalDataExport>().AsNoTracking().Where(e => e.UserId == person.UserId).OrderBy(e => e.RequestedAt)
            .Select(e => new { e.RequestedAt, e.Status, e.FinishedAt, e.ExpiresAt }).ToListAsync(ct);
        return new PersonalDataSection("downloads", "Eerdere downloads van je gegevens", "Wanneer je eerder je gegevens opvroeg.",
            list.Select(e => Row.Of(("Gevraagd op", e.RequestedAt), ("Status", e.Status.ToString()), ("Klaar op", e.FinishedAt), ("Link geldig tot", e.ExpiresAt))).ToList());
    }

    public async Task EraseAsync(PersonRef person, ErasureChoices choices, CancellationToken ct)
    {
        await db.Set<PersonalDataExport>().Where(e => e.UserId == person.UserId).ExecuteDeleteAsync(ct);
        await db.Set<AccountErasureRequest>().Where(e => e.UserId == person.UserId).ExecuteDeleteAsync(ct);
    }
}
