using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Privacy;

namespace Proeftuin.Features.Prototypes;

/// <summary>
/// The assumptions someone wrote and the attachments they uploaded. Both are the team's work on a prototype, so they stay
/// when the account goes; only who wrote or uploaded them is removed. (The prototype itself is a thread item: its author
/// is in the thread's section.)
/// </summary>
public sealed class PrototypesPersonalData(AppDbContext db) : IPersonalDataContributor
{
    public int Order => 25;

    public IReadOnlyList<PersonalColumn> Describe() =>
    [
        new(typeof(Assumption), nameof(Assumption.AuthorId), "leeggemaakt; de aanname blijft bij het prototype"),
        new(typeof(PrototypeAttachment), nameof(PrototypeAttachment.UploadedById), "leeggemaakt; de bijlage blijft bij het prototype"),
        new(typeof(PrototypeAttachment), nameof(PrototypeAttachment.FileName), "blijft: de naam van het bestand hoort bij de bijlage; staat in je gegevens bij wat jij toevoegde"),
    ];

    public async Task<PersonalDataSection> ExportAsync(PersonRef person, CancellationToken ct)
    {
        var rows = new List<IReadOnlyDictionary<string, object?>>();
        var assumptions = await db.Set<Assumption>().AsNoTracking().Where(a => a.AuthorId == person.UserId).OrderBy(a => a.CreatedAt)
            .Select(a => new { a.Id, a.PrototypeId, a.Text, a.Risk, a.Certainty, a.CreatedAt, a.UpdatedAt }).ToListAsync(ct);
        rows.AddRange(assumptions.Select(a => Row.Of(("Soort", "Aanname"), ("Nummer", a.Id), ("Bij", "Prototype " + a.PrototypeId), ("Tekst", a.Text),
            ("Risico", a.Risk.Label()), ("Zekerheid", a.Certainty.Label()), ("Gemaakt op", a.CreatedAt), ("Laatst gewijzigd", a.UpdatedAt))));
        // The file's name and description, not its bytes: the bijlage stays on the prototype for the team to open.
        var attachments = await db.Set<PrototypeAttachment>().AsNoTracking().Where(a => a.UploadedById == person.UserId).OrderBy(a => a.UploadedAt)
            .Select(a => new { a.Id, a.PrototypeId, a.FileName, a.ContentType, a.Size, a.AltText, a.UploadedAt }).ToListAsync(ct);
        rows.AddRange(attachments.Select(a => Row.Of(("Soort", "Bijlage"), ("Nummer", a.Id), ("Bij", "Prototype " + a.PrototypeId), ("Bestand", a.FileName),
            ("Type", a.ContentType), ("Grootte in bytes", a.Size), ("Beschrijving", a.AltText), ("Toegevoegd op", a.UploadedAt))));
        return new PersonalDataSection("prototypes", "Aannames en bijlagen bij prototypes",
            "Aannames die je opschreef bij een prototype, en bestanden die je toevoegde (hun naam en beschrijving).", rows);
    }

    public async Task EraseAsync(PersonRef person, ErasureChoices choices, CancellationToken ct)
    {
        var id = person.UserId;
        await db.Set<Assumption>().Where(a => a.AuthorId == id).ExecuteUpdateAsync(u => u.SetProperty(a => a.AuthorId, (string?)null), ct);
        await db.Set<PrototypeAttachment>().Where(a => a.UploadedById == id).ExecuteUpdateAsync(u => u.SetProperty(a => a.UploadedById, (string?)null), ct);
    }
}
