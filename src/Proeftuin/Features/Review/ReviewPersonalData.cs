using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Privacy;
using Proeftuin.Features.Projects;

namespace Proeftuin.Features.Review;

/// <summary>
/// Review advice someone wrote. As with advice on a gate (GatesPersonalData), the advice is the project's: when the
/// account goes, the text stays with the gate it was for and only who wrote it is removed.
/// </summary>
public sealed class ReviewPersonalData(AppDbContext db) : IPersonalDataContributor
{
    public int Order => 27;

    public IReadOnlyList<PersonalColumn> Describe() =>
    [
        new(typeof(ReviewAdvice), nameof(ReviewAdvice.AuthorId), "leeggemaakt; het advies blijft bij het project en het besluit over de fase"),
    ];

    public async Task<PersonalDataSection> ExportAsync(PersonRef person, CancellationToken ct)
    {
        var id = person.UserId;
        var advice = await db.Set<ReviewAdvice>().AsNoTracking().Where(a => a.AuthorId == id).OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)
            .Select(a => new
            {
                a.Id,
                a.ProjectId,
                Project = db.Projects.Where(p => p.Id == a.ProjectId).Select(p => p.Title).FirstOrDefault(),
                a.Phase,
                a.AboutQuestionId,
                a.Text,
                a.CreatedAt,
                a.GateDecisionId,
            })
            .ToListAsync(ct);
        var rows = advice.Select(a => Row.Of(("Soort", "Reviewadvies"), ("Nummer", a.Id), ("Project", a.Project), ("Fase", a.Phase.Label()),
            ("Over leervraag", a.AboutQuestionId), ("Advies", a.Text), ("Op", a.CreatedAt), ("Bij besluit over de fase", a.GateDecisionId))).ToList();
        return new PersonalDataSection("reviewadvies", "Je advies op het reviewbord",
            "Advies dat je als evaluator of externe reviewer gaf voor een besluit over de fase.", rows);
    }

    public async Task EraseAsync(PersonRef person, ErasureChoices choices, CancellationToken ct)
    {
        var id = person.UserId;
        await db.Set<ReviewAdvice>().Where(a => a.AuthorId == id).ExecuteUpdateAsync(u => u.SetProperty(a => a.AuthorId, (string?)null), ct);
    }
}
