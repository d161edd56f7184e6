using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Thread;

public sealed record StepInput(string? Name, string? WhatHappens, int? Emotion, string? PainPoints);

/// <summary>
/// Adds, edits, removes and moves the steps of a journey map, with plain forms. Whoever may edit the map may
/// change its steps. Positions stay 1…n without gaps.
/// </summary>
public sealed class SaveJourneyStep(AppDbContext db, SaveItem save, TimeProvider clock)
{
    public const int MaxSteps = 50;

    /// <summary>The map, with its steps in order, when the caller may change it.</summary>
    public async Task<Outcome<JourneyMap>> LoadAsync(int mapId, CancellationToken ct = default)
    {
        var loaded = await save.LoadForEditAsync(mapId, ct);
        if (!loaded.IsOk) return loaded.Status == OutcomeStatus.NotFound ? Outcome<JourneyMap>.NotFound() : Outcome<JourneyMap>.Forbidden();
        if (loaded.Value is not JourneyMap map) return Outcome<JourneyMap>.NotFound();
        map.Steps = await db.JourneySteps.Where(s => s.JourneyMapId == mapId).OrderBy(s => s.Position).ToListAsync(ct);
        return Outcome<JourneyMap>.Ok(map);
    }

    public async Task<Outcome<JourneyStep>> AddAsync(int mapId, StepInput input, CancellationToken ct = default)
    {
        var loaded = await LoadAsync(mapId, ct);
        if (!loaded.IsOk) return Fail(loaded);
        var map = loaded.Value!;
        if (map.Steps.Count >= MaxSteps)
            return Outcome<JourneyStep>.Invalid("Name", "Een klantreis heeft hoogstens {0} stappen.", MaxSteps);
        var step = new JourneyStep { JourneyMapId = mapId, Position = map.Steps.Count + 1 };
        var v = Apply(step, input);
        if (!v.IsValid) return v;
        map.Steps.Add(step);
        Touch(map);
        await db.SaveChangesAsync(ct);
        return Outcome<JourneyStep>.Ok(step);
    }

    public async Task<Outcome<JourneyStep>> EditAsync(int mapId, int stepId, StepInput input, CancellationToken ct = default)
    {
        var loaded = await LoadAsync(mapId, ct);
        if (!loaded.IsOk) return Fail(loaded);
        var step = loaded.Value!.Steps.FirstOrDefault(s => s.Id == stepId);
        if (step is null) return Outcome<JourneyStep>.NotFound();
        var v = Apply(step, input);
        if (!v.IsValid) return v;
        Touch(loaded.Value!);
        await db.SaveChangesAsync(ct);
        return Outcome<JourneyStep>.Ok(step);
    }

    public async Task<Outcome<JourneyStep>> RemoveAsync(int mapId, int stepId, CancellationToken ct = default)
    {
        var loaded = await LoadAsync(mapId, ct);
        if (!loaded.IsOk) return Fail(loaded);
        var map = loaded.Value!;
        var step = map.Steps.FirstOrDefault(s => s.Id == stepId);
        if (step is null) return Outcome<JourneyStep>.NotFound();
        map.Steps.Remove(step);
        db.JourneySteps.Remove(step);
        Renumber(map);
        Touch(map);
        await db.SaveChangesAsync(ct);
        return Outcome<JourneyStep>.Ok(step);
    }

    /// <summary>One place up (by −1) or down (by +1); at either end nothing changes.</summary>
    public async Task<Outcome<JourneyStep>> MoveAsync(int mapId, int stepId, int by, CancellationToken ct = default)
    {
        var loaded = await LoadAsync(mapId, ct);
        if (!loaded.IsOk) return Fail(loaded);
        var map = loaded.Value!;
        var index = map.Steps.FindIndex(s => s.Id == stepId);
        if (index < 0 || by is not (-1 or 1)) return Outcome<JourneyStep>.NotFound();
        var target = index + by;
        var step = map.Steps[index];
        if (target < 0 || target >= map.Steps.Count) return Outcome<JourneyStep>.Ok(step);
        map.Steps.RemoveAt(index);
        map.Steps.Insert(target, step);
        Renumber(map);
        Touch(map);
        await db.SaveChangesAsync(ct);
        return Outcome<JourneyStep>.Ok(step);
    }

    private static Outcome<JourneyStep> Fail(Outcome<JourneyMap> o) =>
        o.Status == OutcomeStatus.NotFound ? Outcome<JourneyStep>.NotFound() : Outcome<JourneyStep>.Forbidden();

    private static void Renumber(JourneyMap map)
    {
        for (var i = 0; i < map.Steps.Count; i++) map.Steps[i].Position = i + 1;
    }

    private void Touch(JourneyMap map)
    {
        map.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        map.SearchTerms = SaveItem.SearchTermsOf(map, map.Steps);
    }

    private static Validation Apply(JourneyStep step, StepInput input)
    {
        var v = new Validation();
        var name = v.Text("Name", input.Name, ThreadLimits.StepName, label: "de naam van de stap");
        var what = v.Text("WhatHappens", input.WhatHappens, ThreadLimits.StepText, required: false, label: "de beschrijving van wat er gebeurt");
        var pains = v.Text("PainPoints", input.PainPoints, ThreadLimits.StepText, required: false, label: "de knelpunten");
        if (input.Emotion is not (>= -2 and <= 2))
            v.Add("Emotion", "Kies een gevoel van −2 (heel naar) tot +2 (heel fijn).");
        if (!v.IsValid) return v;
        step.Name = name;
        step.WhatHappens = what;
        step.PainPoints = pains;
        step.Emotion = input.Emotion!.Value;
        return v;
    }
}
