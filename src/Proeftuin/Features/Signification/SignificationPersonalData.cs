using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Privacy;

namespace Proeftuin.Features.Signification;

/// <summary>
/// The frameworks (vragen over verhalen) someone last changed. A teller's own answers live on the story and go with
/// the stories' section (see StoriesPersonalData).
/// </summary>
public sealed class SignificationPersonalData(AppDbContext db) : IPersonalDataContributor
{
    public int Order => 50;

    public IReadOnlyList<PersonalColumn> Describe() => [new(typeof(SignificationFramework), nameof(SignificationFramework.UpdatedById), "leeggemaakt")];

    public async Task<PersonalDataSection> ExportAsync(PersonRef person, CancellationToken ct)
    {
        var list = await db.SignificationFrameworks.AsNoTracking().Where(f => f.UpdatedById == person.UserId)
            .Join(db.Projects, f => f.ProjectId, p => p.Id, (f, p) => new { p.Title, f.Version, f.UpdatedAt }).ToListAsync(ct);
        return new PersonalDataSection("duidingskader", "Vragen over verhalen die je aanpaste",
            "Projecten waarvan jij als laatste de vragen over verhalen (het duidingskader) veranderde. Je eigen antwoorden staan bij je verhalen.",
            list.Select(f => Row.Of(("Project", f.Title), ("Versie", f.Version), ("Gewijzigd op", f.UpdatedAt))).ToList());
    }

    public Task EraseAsync(PersonRef person, ErasureChoices choices, CancellationToken ct) =>
        db.SignificationFrameworks.Where(f => f.UpdatedById == person.UserId).ExecuteUpdateAsync(u => u.SetProperty(f => f.UpdatedById, (string?)null), ct);
}
