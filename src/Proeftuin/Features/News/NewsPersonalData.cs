using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Privacy;

namespace Proeftuin.Features.News;

/// <summary>News someone wrote stays (it belongs to the programme or project); only the author goes.</summary>
public sealed class NewsPersonalData(AppDbContext db) : IPersonalDataContributor
{
    public int Order => 50;

    public IReadOnlyList<PersonalColumn> Describe() => [new(typeof(NewsItem), nameof(NewsItem.AuthorId), "leeggemaakt; het bericht blijft")];

    public async Task<PersonalDataSection> ExportAsync(PersonRef person, CancellationToken ct)
    {
        var list = await db.NewsItems.AsNoTracking().Where(n => n.AuthorId == person.UserId).OrderBy(n => n.PublishedAt)
            .Select(n => new { n.Id, n.Title, n.BodyMarkdown, n.PublishedAt }).ToListAsync(ct);
        return new PersonalDataSection("nieuws", "Nieuws dat je schreef", "Nieuwsberichten bij een programma of project die jij plaatste.",
            list.Select(n => Row.Of(("Nummer", n.Id), ("Titel", n.Title), ("Tekst", n.BodyMarkdown), ("Geplaatst op", n.PublishedAt))).ToList());
    }

    public Task EraseAsync(PersonRef person, ErasureChoices choices, CancellationToken ct) =>
        db.NewsItems.Where(n => n.AuthorId == person.UserId).ExecuteUpdateAsync(u => u.SetProperty(n => n.AuthorId, (string?)null), ct);
}
