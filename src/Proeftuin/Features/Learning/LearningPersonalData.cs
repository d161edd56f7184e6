using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Moderation;
using Proeftuin.Features.Privacy;

namespace Proeftuin.Features.Learning;

/// <summary>
/// Who looks after a learning question or barrier, and who changed the agenda. The agenda is the team's work, so it
/// stays when an account goes; the person is taken off it (owner and the versions' "door"), and the question is then
/// looked after by nobody until the team chooses someone. (Who wrote one down is in the thread's section.)
/// </summary>
public sealed class LearningPersonalData(AppDbContext db) : IPersonalDataContributor
{
    public int Order => 26;

    public IReadOnlyList<PersonalColumn> Describe() =>
    [
        new(typeof(LearningQuestion), nameof(LearningQuestion.OwnerId), "leeggemaakt; de leervraag heeft dan niemand die ervoor zorgt"),
        new(typeof(SystemBarrier), nameof(SystemBarrier.OwnerId), "leeggemaakt; de barrière heeft dan niemand die ervoor zorgt"),
        new(typeof(AgendaVersion), nameof(AgendaVersion.OwnerId), "leeggemaakt in de geschiedenis"),
        new(typeof(AgendaVersion), nameof(AgendaVersion.ChangedById), "leeggemaakt; de versie blijft in de geschiedenis"),
    ];

    public async Task<PersonalDataSection> ExportAsync(PersonRef person, CancellationToken ct)
    {
        var id = person.UserId;
        var rows = new List<IReadOnlyDictionary<string, object?>>();
        var questions = await db.Items.WithHidden().OfType<LearningQuestion>().AsNoTracking().Where(q => q.OwnerId == id).OrderBy(q => q.Id)
            .Select(q => new { q.Id, Project = q.Project.Title, q.Title }).ToListAsync(ct);
        rows.AddRange(questions.Select(q => Row.Of(("Soort", "Je zorgt voor deze leervraag"), ("Nummer", q.Id), ("Project", q.Project), ("Titel", q.Title))));
        var barriers = await db.Items.WithHidden().OfType<SystemBarrier>().AsNoTracking().Where(b => b.OwnerId == id).OrderBy(b => b.Id)
            .Select(b => new { b.Id, Project = b.Project.Title, b.Title }).ToListAsync(ct);
        rows.AddRange(barriers.Select(b => Row.Of(("Soort", "Je zorgt voor deze systeembarrière"), ("Nummer", b.Id), ("Project", b.Project), ("Titel", b.Title))));
        // The versions name the item by number: what it said then is the team's text, not the person's data.
        var versions = await db.Set<AgendaVersion>().AsNoTracking().Where(v => v.ChangedById == id || v.OwnerId == id).OrderBy(v => v.ChangedAt).ThenBy(v => v.Id)
            .Select(v => new { v.ItemId, v.Number, v.Change, v.Reason, v.ChangedAt, Changed = v.ChangedById == id }).ToListAsync(ct);
        rows.AddRange(versions.Select(v => Row.Of(("Soort", v.Changed ? "Je veranderde de leeragenda" : "Je werd genoemd als wie ervoor zorgt"),
            ("Bij", "Leeragenda " + v.ItemId), ("Versie", v.Number), ("Wat", v.Change.ToString()), ("Waarom", v.Changed ? v.Reason : null), ("Op", v.ChangedAt))));
        return new PersonalDataSection("leeragenda", "De leeragenda",
            "Leervragen en systeembarrières waar je voor zorgt, en de keren dat je de leeragenda veranderde.", rows);
    }

    public async Task EraseAsync(PersonRef person, ErasureChoices choices, CancellationToken ct)
    {
        var id = person.UserId;
        await db.Items.WithHidden().OfType<LearningQuestion>().Where(q => q.OwnerId == id).ExecuteUpdateAsync(u => u.SetProperty(q => q.OwnerId, (string?)null), ct);
        await db.Items.WithHidden().OfType<SystemBarrier>().Where(b => b.OwnerId == id).ExecuteUpdateAsync(u => u.SetProperty(b => b.OwnerId, (string?)null), ct);
        await db.Set<AgendaVersion>().Where(v => v.OwnerId == id).ExecuteUpdateAsync(u => u.SetProperty(v => v.OwnerId, (string?)null), ct);
        await db.Set<AgendaVersion>().Where(v => v.ChangedById == id).ExecuteUpdateAsync(u => u.SetProperty(v => v.ChangedById, (string?)null), ct);
    }
}
