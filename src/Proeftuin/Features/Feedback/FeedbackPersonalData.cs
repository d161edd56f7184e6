using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Privacy;

namespace Proeftuin.Features.Feedback;

/// <summary>
/// Feedback forms someone made and evidence links someone laid. Responses hold no account (participants answer
/// without one), so there is nothing of a person in them to export or erase. The forms are the team's work: they stay
/// when the account goes; only who made them is removed.
/// </summary>
public sealed class FeedbackPersonalData(AppDbContext db) : IPersonalDataContributor
{
    public int Order => 26;

    public IReadOnlyList<PersonalColumn> Describe() =>
    [
        new(typeof(FeedbackForm), nameof(FeedbackForm.CreatedById), "leeggemaakt; het formulier blijft van het team"),
        new(typeof(FeedbackEvidence), nameof(FeedbackEvidence.LinkedById), "leeggemaakt; het bewijs blijft van het team"),
    ];

    public async Task<PersonalDataSection> ExportAsync(PersonRef person, CancellationToken ct)
    {
        var id = person.UserId;
        var forms = await db.Set<FeedbackForm>().AsNoTracking().Where(f => f.CreatedById == id).OrderBy(f => f.CreatedAt)
            .Select(f => new { f.Id, f.ExperimentId, f.Title, f.Intro, f.CreatedAt }).ToListAsync(ct);
        var links = await db.Set<FeedbackEvidence>().AsNoTracking().Where(e => e.LinkedById == id).OrderBy(e => e.LinkedAt)
            .Select(e => new { e.Id, e.ResponseId, e.ObservationId, e.LinkedAt }).ToListAsync(ct);
        var rows = new List<IReadOnlyDictionary<string, object?>>();
        rows.AddRange(forms.Select(f => Row.Of(("Soort", "Feedbackformulier"), ("Nummer", f.Id), ("Proef", f.ExperimentId), ("Titel", f.Title),
            ("Uitleg", f.Intro), ("Gemaakt op", f.CreatedAt))));
        rows.AddRange(links.Select(l => Row.Of(("Soort", "Bewijs uit feedback"), ("Nummer", l.Id), ("Antwoord", l.ResponseId), ("Observatie", l.ObservationId),
            ("Gekoppeld op", l.LinkedAt))));
        return new PersonalDataSection("feedback", "Je feedbackformulieren",
            "Feedbackformulieren die je maakte en antwoorden die je als bewijs aan een observatie koppelde. De antwoorden van deelnemers zelf bevatten geen account.", rows);
    }

    public async Task EraseAsync(PersonRef person, ErasureChoices choices, CancellationToken ct)
    {
        var id = person.UserId;
        await db.Set<FeedbackForm>().Where(f => f.CreatedById == id).ExecuteUpdateAsync(u => u.SetProperty(f => f.CreatedById, (string?)null), ct);
        await db.Set<FeedbackEvidence>().Where(e => e.LinkedById == id).ExecuteUpdateAsync(u => u.SetProperty(e => e.LinkedById, (string?)null), ct);
    }
}
