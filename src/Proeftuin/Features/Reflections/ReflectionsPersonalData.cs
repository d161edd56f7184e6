using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Privacy;

namespace Proeftuin.Features.Reflections;

/// <summary>
/// A person's answers to reflections and their invitations. The answers are part of the team's learning, so they stay
/// when an account goes, without the name (like comments on the thread); the invitations go. Who planned a reflection
/// is in the thread's section (its author).
/// </summary>
public sealed class ReflectionsPersonalData(AppDbContext db) : IPersonalDataContributor
{
    public int Order => 27;

    public IReadOnlyList<PersonalColumn> Describe() =>
    [
        new(typeof(ReflectionAnswer), nameof(ReflectionAnswer.UserId), "leeggemaakt; het antwoord blijft bij de reflectie, zonder naam"),
        new(typeof(ReflectionParticipant), nameof(ReflectionParticipant.UserId), "verwijderd"),
    ];

    public async Task<PersonalDataSection> ExportAsync(PersonRef person, CancellationToken ct)
    {
        var id = person.UserId;
        var answers = await db.Set<ReflectionAnswer>().AsNoTracking().Where(a => a.UserId == id).OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)
            .Join(db.Set<ReflectionPrompt>(), a => a.PromptId, p => p.Id, (a, p) => new { a.ReflectionId, Prompt = p.Text, a.Text, a.Perspective, a.UpdatedAt })
            .ToListAsync(ct);
        var invited = await db.Set<ReflectionParticipant>().AsNoTracking().Where(p => p.UserId == id).OrderBy(p => p.ReflectionId).Select(p => p.ReflectionId).ToListAsync(ct);
        var rows = new List<IReadOnlyDictionary<string, object?>>();
        rows.AddRange(answers.Select(a => Row.Of(("Soort", "Je antwoord in een reflectie"), ("Bij", "Reflectie " + a.ReflectionId), ("Vraag", a.Prompt),
            ("Antwoord", a.Text), ("Kennisbron", a.Perspective.ToString()), ("Op", a.UpdatedAt))));
        rows.AddRange(invited.Select(r => Row.Of(("Soort", "Je bent uitgenodigd voor een reflectie"), ("Bij", "Reflectie " + r))));
        return new PersonalDataSection("reflecties", "Reflecties", "Je antwoorden op de vragen van reflecties, en de reflecties waarvoor je bent uitgenodigd.", rows);
    }

    public async Task EraseAsync(PersonRef person, ErasureChoices choices, CancellationToken ct)
    {
        var id = person.UserId;
        await db.Set<ReflectionAnswer>().Where(a => a.UserId == id).ExecuteUpdateAsync(u => u.SetProperty(a => a.UserId, (string?)null), ct);
        await db.Set<ReflectionParticipant>().Where(p => p.UserId == id).ExecuteDeleteAsync(ct);
    }
}
