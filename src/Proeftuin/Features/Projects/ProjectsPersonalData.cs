using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Privacy;

namespace Proeftuin.Features.Projects;

/// <summary>Phase moves someone made: the project's history keeps the move and its reason, not who made it.</summary>
public sealed class ProjectsPersonalData(AppDbContext db) : IPersonalDataContributor
{
    public int Order => 50;

    public IReadOnlyList<PersonalColumn> Describe() => [new(typeof(PhaseTransition), nameof(PhaseTransition.ByUserId), "leeggemaakt; de stap blijft in de tijdlijn")];

    public async Task<PersonalDataSection> ExportAsync(PersonRef person, CancellationToken ct)
    {
        var list = await db.PhaseTransitions.AsNoTracking().Where(t => t.ByUserId == person.UserId).OrderBy(t => t.At)
            .Join(db.Projects, t => t.ProjectId, p => p.Id, (t, p) => new { p.Title, t.FromPhase, t.ToPhase, t.Reason, t.At }).ToListAsync(ct);
        return new PersonalDataSection("fases", "Fases die je veranderde", "Wanneer je een project naar een andere fase bracht, en waarom.",
            list.Select(t => Row.Of(("Project", t.Title), ("Van", t.FromPhase?.Label()), ("Naar", t.ToPhase.Label()), ("Reden", t.Reason), ("Wanneer", t.At))).ToList());
    }

    public Task EraseAsync(PersonRef person, ErasureChoices choices, CancellationToken ct) =>
        db.PhaseTransitions.Where(t => t.ByUserId == person.UserId).ExecuteUpdateAsync(u => u.SetProperty(t => t.ByUserId, (string?)null), ct);
}
