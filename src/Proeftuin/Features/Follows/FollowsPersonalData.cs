using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Privacy;

namespace Proeftuin.Features.Follows;

/// <summary>What a person follows, their digest choice and the lines waiting for their digest; all deleted on erasure.</summary>
public sealed class FollowsPersonalData(AppDbContext db) : IPersonalDataContributor
{
    public int Order => 31;

    public IReadOnlyList<PersonalColumn> Describe() =>
    [
        new(typeof(Follow), nameof(Follow.UserId), "verwijderd"),
        new(typeof(DigestSetting), nameof(DigestSetting.UserId), "verwijderd"),
        new(typeof(DigestEntry), nameof(DigestEntry.UserId), "verwijderd"),
    ];

    public async Task<PersonalDataSection> ExportAsync(PersonRef person, CancellationToken ct)
    {
        var id = person.UserId;
        var follows = await db.Set<Follow>().AsNoTracking().Where(f => f.UserId == id).OrderBy(f => f.CreatedAt).ToListAsync(ct);
        var setting = await db.Set<DigestSetting>().AsNoTracking().FirstOrDefaultAsync(s => s.UserId == id, ct);
        var lines = await db.Set<DigestEntry>().AsNoTracking().Where(e => e.UserId == id).OrderBy(e => e.CreatedAt).ToListAsync(ct);
        var rows = new List<IReadOnlyDictionary<string, object?>>
        {
            Row.Of(("Soort", "Hoe vaak je e-mail krijgt"), ("Keuze", (setting?.Frequency ?? DigestFrequency.Daily).Label()), ("Laatste e-mail", setting?.LastSentAt)),
        };
        rows.AddRange(follows.Select(f => Row.Of(("Soort", "Wat je volgt"), ("Onderwerp", FollowTopics.Slugs.Of(f.Topic)), ("Nummer", f.TargetId), ("Sinds", f.CreatedAt))));
        rows.AddRange(lines.Select(l => Row.Of(("Soort", "Regel voor je samenvatting"), ("Bij", l.Group), ("Tekst", l.Text), ("Op", l.CreatedAt), ("Verstuurd", l.SentAt))));
        return new PersonalDataSection("volgen", "Volgen", "Wat je volgt, hoe vaak je een samenvatting per e-mail krijgt, en de regels voor je samenvattingen.", rows);
    }

    public async Task EraseAsync(PersonRef person, ErasureChoices choices, CancellationToken ct)
    {
        var id = person.UserId;
        await db.Set<DigestEntry>().Where(e => e.UserId == id).ExecuteDeleteAsync(ct);
        await db.Set<DigestSetting>().Where(s => s.UserId == id).ExecuteDeleteAsync(ct);
        await db.Set<Follow>().Where(f => f.UserId == id).ExecuteDeleteAsync(ct);
    }
}
