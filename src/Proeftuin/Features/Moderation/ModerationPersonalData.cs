using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Privacy;

namespace Proeftuin.Features.Moderation;

/// <summary>
/// What a person reported, and the moderation steps they took. Both stay when an account goes (the queue's history and
/// what happened to a contribution), without the name.
/// </summary>
public sealed class ModerationPersonalData(AppDbContext db) : IPersonalDataContributor
{
    public int Order => 28;

    public IReadOnlyList<PersonalColumn> Describe() =>
    [
        new(typeof(Report), nameof(Report.ReporterId), "leeggemaakt; de melding blijft, zonder naam"),
        new(typeof(ModerationAction), nameof(ModerationAction.ModeratorId), "leeggemaakt; de stap blijft in de geschiedenis van de bijdrage, zonder naam"),
    ];

    public async Task<PersonalDataSection> ExportAsync(PersonRef person, CancellationToken ct)
    {
        var id = person.UserId;
        var reports = await db.Set<Report>().AsNoTracking().Where(r => r.ReporterId == id).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .Select(r => new { r.TargetKind, r.TargetId, r.Reason, r.Note, r.CreatedAt, r.Outcome }).ToListAsync(ct);
        var steps = await db.Set<ModerationAction>().AsNoTracking().Where(a => a.ModeratorId == id).OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)
            .Select(a => new { a.TargetKind, a.TargetId, a.Step, a.Reason, a.CreatedAt }).ToListAsync(ct);
        var rows = new List<IReadOnlyDictionary<string, object?>>();
        rows.AddRange(reports.Select(r => Row.Of(("Soort", "Je melding"), ("Bij", r.TargetKind + " " + r.TargetId), ("Reden", ModerationRules.ReasonLabel(r.Reason)),
            ("Toelichting", r.Note), ("Op", r.CreatedAt), ("Uitkomst", r.Outcome is { } o ? ModerationRules.StepLabel(o) : "open"))));
        rows.AddRange(steps.Select(a => Row.Of(("Soort", "Je stap als moderator"), ("Bij", a.TargetKind + " " + a.TargetId), ("Stap", ModerationRules.StepLabel(a.Step)),
            ("Reden", a.Reason), ("Op", a.CreatedAt))));
        return new PersonalDataSection("moderatie", "Melden en moderatie", "Wat je meldde en wat je als moderator deed.", rows);
    }

    public async Task EraseAsync(PersonRef person, ErasureChoices choices, CancellationToken ct)
    {
        var id = person.UserId;
        await db.Set<Report>().Where(r => r.ReporterId == id).ExecuteUpdateAsync(u => u.SetProperty(r => r.ReporterId, (string?)null), ct);
        await db.Set<ModerationAction>().Where(a => a.ModeratorId == id).ExecuteUpdateAsync(u => u.SetProperty(a => a.ModeratorId, (string?)null), ct);
    }
}
