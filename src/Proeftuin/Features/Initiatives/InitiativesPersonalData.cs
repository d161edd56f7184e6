using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Privacy;

namespace Proeftuin.Features.Initiatives;

/// <summary>
/// Initiatives a person started or co-initiated, their pledges and their responses. On erasure an initiative stays
/// (others pledged to it) without the name of its starter or initiator; the person's pledges are deleted; a response
/// stays (the municipality's answer) without who gave it.
/// </summary>
public sealed class InitiativesPersonalData(AppDbContext db) : IPersonalDataContributor
{
    public int Order => 29;

    public IReadOnlyList<PersonalColumn> Describe() =>
    [
        new(typeof(Initiative), nameof(Initiative.StarterId), "leeggemaakt; het initiatief blijft, zonder naam"),
        new(typeof(InitiativeInitiator), nameof(InitiativeInitiator.UserId), "verwijderd"),
        new(typeof(Pledge), nameof(Pledge.UserId), "verwijderd, met wat je toezegde"),
        new(typeof(InitiativeResponse), nameof(InitiativeResponse.ByUserId), "leeggemaakt; de reactie blijft bij het initiatief"),
    ];

    public async Task<PersonalDataSection> ExportAsync(PersonRef person, CancellationToken ct)
    {
        var id = person.UserId;
        var started = await db.Set<InitiativeInitiator>().AsNoTracking().Where(x => x.UserId == id)
            .Join(db.Set<Initiative>(), x => x.InitiativeId, i => i.Id, (x, i) => new { i.Id, i.Title, i.What, i.Why, i.ForWhom, i.Needed, Starter = i.StarterId == id, x.AddedAt })
            .OrderBy(x => x.AddedAt).ToListAsync(ct);
        var pledges = await db.Set<Pledge>().AsNoTracking().Where(p => p.UserId == id).OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).ToListAsync(ct);
        var responses = await db.Set<InitiativeResponse>().AsNoTracking().Where(r => r.ByUserId == id).OrderBy(r => r.At).ToListAsync(ct);
        var rows = new List<IReadOnlyDictionary<string, object?>>();
        rows.AddRange(started.Select(s => Row.Of(("Soort", s.Starter ? "Initiatief dat je startte" : "Initiatief waarvan je mede-initiatiefnemer bent"),
            ("Initiatief", s.Id), ("Naam", s.Title), ("Wat", s.What), ("Waarom", s.Why), ("Voor wie", s.ForWhom), ("Wat er nodig is", s.Needed), ("Op", s.AddedAt))));
        rows.AddRange(pledges.Select(p => Row.Of(("Soort", "Je toezegging bij een initiatief"), ("Initiatief", p.InitiativeId), ("Hoe", p.Kind.ToString()),
            ("Uren per week", p.HoursPerWeek), ("Neem je mee", p.Bring), ("Als er nog zoveel anderen meedoen", p.IfOthers), ("Kennisbron", p.Perspective.ToString()),
            ("Gegeven op", p.CreatedAt), ("Ingetrokken op", p.WithdrawnAt))));
        rows.AddRange(responses.Select(r => Row.Of(("Soort", "Je reactie op een initiatief"), ("Initiatief", r.InitiativeId), ("Status", r.Status.Label()), ("Redenen", r.Reasons), ("Op", r.At))));
        return new PersonalDataSection("initiatieven", "Initiatieven",
            "De initiatieven die je startte of mee organiseert, je toezeggingen om mee te doen, en je reacties op initiatieven.", rows);
    }

    public async Task EraseAsync(PersonRef person, ErasureChoices choices, CancellationToken ct)
    {
        var id = person.UserId;
        await db.Set<Pledge>().Where(p => p.UserId == id).ExecuteDeleteAsync(ct);
        await db.Set<InitiativeInitiator>().Where(x => x.UserId == id).ExecuteDeleteAsync(ct);
        await db.Set<Initiative>().Where(i => i.StarterId == id).ExecuteUpdateAsync(u => u.SetProperty(i => i.StarterId, (string?)null), ct);
        await db.Set<InitiativeResponse>().Where(r => r.ByUserId == id).ExecuteUpdateAsync(u => u.SetProperty(r => r.ByUserId, (string?)null), ct);
    }
}
