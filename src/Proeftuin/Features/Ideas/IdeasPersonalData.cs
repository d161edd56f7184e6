using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Members;
using Proeftuin.Features.Privacy;

namespace Proeftuin.Features.Ideas;

/// <summary>
/// Support for ideas and status changes. On erasure a support stays without a person, under the perspective it was
/// given with, so it keeps counting, as a session's stippen do (SessionsPersonalData); the person can no longer be
/// found in it. A status change keeps what changed and why (the team's decision) but no longer says who made it.
/// </summary>
public sealed class IdeasPersonalData(AppDbContext db) : IPersonalDataContributor
{
    public int Order => 25;

    public IReadOnlyList<PersonalColumn> Describe() =>
    [
        new(typeof(IdeaSupport), nameof(IdeaSupport.UserId), "losgemaakt van het account; de steun blijft meetellen onder zijn kennisbron"),
        new(typeof(IdeaStatusChange), nameof(IdeaStatusChange.ByUserId), "leeggemaakt; de wijziging en de reden blijven van het team"),
        new(typeof(IdeaStatusChange), nameof(IdeaStatusChange.Reason), "blijft bij het idee, zonder naam"),
    ];

    public async Task<PersonalDataSection> ExportAsync(PersonRef person, CancellationToken ct)
    {
        var rows = new List<IReadOnlyDictionary<string, object?>>();
        // The idea is named by number and project only: its title and text may be someone else's.
        var supports = await db.Set<IdeaSupport>().AsNoTracking().Where(s => s.UserId == person.UserId).OrderBy(s => s.CreatedAt)
            .Join(db.Projects, s => s.ProjectId, p => p.Id, (s, p) => new { s.IdeaId, Project = p.Title, s.Perspective, s.CreatedAt })
            .ToListAsync(ct);
        rows.AddRange(supports.Select(s => Row.Of(("Soort", "Steun voor een idee"), ("Idee", s.IdeaId), ("Project", s.Project),
            ("Kennisbron", s.Perspective.Label()), ("Gegeven op", s.CreatedAt))));
        var changes = await db.Set<IdeaStatusChange>().AsNoTracking().Where(c => c.ByUserId == person.UserId).OrderBy(c => c.At)
            .Join(db.Projects, c => c.ProjectId, p => p.Id, (c, p) => new { c.IdeaId, Project = p.Title, c.FromStatus, c.ToStatus, c.Reason, c.At })
            .ToListAsync(ct);
        rows.AddRange(changes.Select(c => Row.Of(("Soort", "Status van een idee gewijzigd"), ("Idee", c.IdeaId), ("Project", c.Project),
            ("Van", c.FromStatus.Label()), ("Naar", c.ToStatus.Label()), ("Reden", c.Reason), ("Op", c.At))));
        return new PersonalDataSection("ideeen", "Ideeën",
            "De ideeën die je steunde, met de kennisbron waaronder je steun telt, en de statussen van ideeën die je veranderde.", rows);
    }

    public async Task EraseAsync(PersonRef person, ErasureChoices choices, CancellationToken ct)
    {
        var id = person.UserId;
        await db.Set<IdeaSupport>().Where(s => s.UserId == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.UserId, (string?)null), ct);
        await db.Set<IdeaStatusChange>().Where(c => c.ByUserId == id).ExecuteUpdateAsync(u => u.SetProperty(c => c.ByUserId, (string?)null), ct);
    }
}
