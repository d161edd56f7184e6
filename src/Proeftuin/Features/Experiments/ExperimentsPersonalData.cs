using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Privacy;

namespace Proeftuin.Features.Experiments;

/// <summary>
/// Measurements someone logged and results someone recorded. Proeven, observations, decisions and lessons are thread
/// items (their author is in ThreadPersonalData). It is the team's work, so it stays when the account goes; only who
/// did it is removed. Participants are described as a group (ParticipantsWho), never by name.
/// </summary>
public sealed class ExperimentsPersonalData(AppDbContext db) : IPersonalDataContributor
{
    public int Order => 25;

    public IReadOnlyList<PersonalColumn> Describe() =>
    [
        new(typeof(Measurement), nameof(Measurement.AuthorId), "leeggemaakt; de meting blijft van het team"),
        new(typeof(SuccessCriterion), nameof(SuccessCriterion.ResultById), "leeggemaakt; het resultaat blijft van het team"),
    ];

    public async Task<PersonalDataSection> ExportAsync(PersonRef person, CancellationToken ct)
    {
        var id = person.UserId;
        var measurements = await db.Set<Measurement>().AsNoTracking().Where(m => m.AuthorId == id).OrderBy(m => m.CreatedAt)
            .Join(db.Set<SuccessCriterion>(), m => m.CriterionId, c => c.Id, (m, c) => new { m.Id, m.ExperimentId, Criterion = c.What, m.Value, m.MeasuredOn, m.Note, m.CreatedAt })
            .ToListAsync(ct);
        var results = await db.Set<SuccessCriterion>().AsNoTracking().Where(c => c.ResultById == id).OrderBy(c => c.ResultAt)
            .Select(c => new { c.Id, c.ExperimentId, c.What, c.Result, c.Evidence, c.ResultAt }).ToListAsync(ct);
        var rows = new List<IReadOnlyDictionary<string, object?>>();
        rows.AddRange(measurements.Select(m => Row.Of(("Soort", "Meting"), ("Nummer", m.Id), ("Proef", m.ExperimentId), ("Criterium", m.Criterion),
            ("Waarde", m.Value), ("Gemeten op", m.MeasuredOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), ("Toelichting", m.Note), ("Vastgelegd op", m.CreatedAt))));
        rows.AddRange(results.Select(c => Row.Of(("Soort", "Resultaat van een criterium"), ("Nummer", c.Id), ("Proef", c.ExperimentId), ("Criterium", c.What),
            ("Resultaat", c.Result?.Label()), ("Onderbouwing", c.Evidence), ("Vastgelegd op", c.ResultAt))));
        return new PersonalDataSection("proeven", "Je metingen en resultaten in proeven",
            "Metingen die je vastlegde en resultaten van succescriteria die je invulde. Je observaties en besluiten staan bij je bijdragen aan de rode draad.", rows);
    }

    public async Task EraseAsync(PersonRef person, ErasureChoices choices, CancellationToken ct)
    {
        var id = person.UserId;
        await db.Set<Measurement>().Where(m => m.AuthorId == id).ExecuteUpdateAsync(u => u.SetProperty(m => m.AuthorId, (string?)null), ct);
        await db.Set<SuccessCriterion>().Where(c => c.ResultById == id).ExecuteUpdateAsync(u => u.SetProperty(c => c.ResultById, (string?)null), ct);
    }
}
