using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Privacy;

namespace Proeftuin.Features.Gates;

/// <summary>
/// Gate decisions someone took, advice requests someone made and advice someone gave. The gate history is the team's,
/// so it stays when the account goes; only who did it is removed.
/// </summary>
public sealed class GatesPersonalData(AppDbContext db) : IPersonalDataContributor
{
    public int Order => 26;

    public IReadOnlyList<PersonalColumn> Describe() =>
    [
        new(typeof(GateDecision), nameof(GateDecision.ByUserId), "leeggemaakt; het besluit over de fase blijft van het team"),
        new(typeof(GateAdviceRequest), nameof(GateAdviceRequest.AskedByUserId), "leeggemaakt; de adviesvraag blijft van het team"),
        new(typeof(GateAdvice), nameof(GateAdvice.EvaluatorId), "leeggemaakt; het advies blijft van het team"),
    ];

    public async Task<PersonalDataSection> ExportAsync(PersonRef person, CancellationToken ct)
    {
        var id = person.UserId;
        var decisions = await db.Set<GateDecision>().AsNoTracking().Where(d => d.ByUserId == id).OrderBy(d => d.At)
            .Select(d => new { d.Id, d.ProjectId, d.Verdict, d.Reasons, d.WhatChanges, d.At }).ToListAsync(ct);
        var requests = await db.Set<GateAdviceRequest>().AsNoTracking().Where(r => r.AskedByUserId == id).OrderBy(r => r.AskedAt)
            .Select(r => new { r.Id, r.ProjectId, r.ProposedVerdict, r.Question, r.AskedAt }).ToListAsync(ct);
        var advice = await db.Set<GateAdvice>().AsNoTracking().Where(a => a.EvaluatorId == id && a.Recommendation != null).OrderBy(a => a.GivenAt)
            .Select(a => new { a.Id, a.RequestId, a.Recommendation, a.Text, a.GivenAt }).ToListAsync(ct);
        var rows = new List<IReadOnlyDictionary<string, object?>>();
        rows.AddRange(decisions.Select(d => Row.Of(("Soort", "Besluit over de fase"), ("Nummer", d.Id), ("Project", d.ProjectId), ("Besluit", d.Verdict.Label()),
            ("Reden", d.Reasons), ("Wat er verandert", d.WhatChanges), ("Op", d.At))));
        rows.AddRange(requests.Select(r => Row.Of(("Soort", "Adviesvraag"), ("Nummer", r.Id), ("Project", r.ProjectId), ("Voorstel", r.ProposedVerdict.Label()),
            ("Vraag", r.Question), ("Op", r.AskedAt))));
        rows.AddRange(advice.Select(a => Row.Of(("Soort", "Advies"), ("Nummer", a.Id), ("Adviesvraag", a.RequestId), ("Advies", a.Recommendation?.Label()),
            ("Toelichting", a.Text), ("Op", a.GivenAt))));
        return new PersonalDataSection("fasebesluiten", "Je besluiten en adviezen over fasen",
            "Besluiten over de fase van een project die je nam, adviesvragen die je stelde en adviezen die je gaf.", rows);
    }

    public async Task EraseAsync(PersonRef person, ErasureChoices choices, CancellationToken ct)
    {
        var id = person.UserId;
        await db.Set<GateDecision>().Where(d => d.ByUserId == id).ExecuteUpdateAsync(u => u.SetProperty(d => d.ByUserId, (string?)null), ct);
        await db.Set<GateAdviceRequest>().Where(r => r.AskedByUserId == id).ExecuteUpdateAsync(u => u.SetProperty(r => r.AskedByUserId, (string?)null), ct);
        await db.Set<GateAdvice>().Where(a => a.EvaluatorId == id).ExecuteUpdateAsync(u => u.SetProperty(a => a.EvaluatorId, (string?)null), ct);
    }
}
