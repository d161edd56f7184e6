using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Privacy;

namespace Proeftuin.Features.MethodCards;

/// <summary>
/// Who wrote a werkvorm. A card is the team's tool and stays when its author's account goes; only the link to the
/// person is cleared.
/// </summary>
public sealed class MethodCardsPersonalData(AppDbContext db) : IPersonalDataContributor
{
    public int Order => 27;

    public IReadOnlyList<PersonalColumn> Describe() =>
    [
        new(typeof(MethodCard), nameof(MethodCard.AuthorId), "leeggemaakt; de werkvorm blijft voor het programma of project"),
    ];

    public async Task<PersonalDataSection> ExportAsync(PersonRef person, CancellationToken ct)
    {
        var id = person.UserId;
        var cards = await db.Set<MethodCard>().AsNoTracking().Where(c => c.AuthorId == id).OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.Title, c.Purpose, c.CreatedAt, c.UpdatedAt }).ToListAsync(ct);
        var rows = cards.Select(c => Row.Of(("Soort", "Je schreef deze werkvorm"), ("Nummer", c.Id), ("Titel", c.Title), ("Doel", c.Purpose),
            ("Gemaakt", c.CreatedAt), ("Gewijzigd", c.UpdatedAt))).ToList();
        return new PersonalDataSection("werkvormen", "Werkvormen", "Werkvormen die je toevoegde of kopieerde.", rows);
    }

    public async Task EraseAsync(PersonRef person, ErasureChoices choices, CancellationToken ct)
    {
        var id = person.UserId;
        await db.Set<MethodCard>().Where(c => c.AuthorId == id).ExecuteUpdateAsync(u => u.SetProperty(c => c.AuthorId, (string?)null), ct);
    }
}
