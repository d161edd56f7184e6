using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Privacy;

namespace Proeftuin.Web;

/// <summary>
/// Request keys of an account: what it sent and when, kept a day so a retry is not done twice. They go with the account;
/// a guest's keys carry only the hash of a browser key and go after a day.
/// </summary>
public sealed class RequestKeysPersonalData(AppDbContext db) : IPersonalDataContributor
{
    public int Order => 91;

    public IReadOnlyList<PersonalColumn> Describe() =>
    [
        PersonalColumn.Row(typeof(RequestKey), "verwijderd; een sleutel wordt hoe dan ook na een dag verwijderd"),
    ];

    public async Task<PersonalDataSection> ExportAsync(PersonRef person, CancellationToken ct)
    {
        var keys = await db.Set<RequestKey>().AsNoTracking().Where(k => k.UserId == person.UserId)
            .OrderBy(k => k.CreatedAt).Select(k => new { k.Target, k.CreatedAt }).ToListAsync(ct);
        return new PersonalDataSection("verzoeksleutels", "Sleutels tegen dubbel versturen",
            "Wat je de afgelopen dag verstuurde, zodat het niet dubbel gebeurt als je het opnieuw probeert. Na een dag verdwijnt dit vanzelf.",
            keys.Select(k => Row.Of(("Verzoek", k.Target), ("Op", k.CreatedAt))).ToList());
    }

    public async Task EraseAsync(PersonRef person, ErasureChoices choices, CancellationToken ct) =>
        await db.Set<RequestKey>().Where(k => k.UserId == person.UserId).ExecuteDeleteAsync(ct);
}
