using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Prototypes;

public sealed record AssumptionInput(string? Text, AssumptionRisk? Risk, AssumptionCertainty? Certainty);

/// <summary>The team adds an assumption to a prototype, or changes one: its text, how risky if wrong, how sure they are.</summary>
public sealed class SaveAssumption(AppDbContext db, PrototypeAccess find, Caller user, TimeProvider clock)
{
    /// <summary>The prototype when the caller may work on it: 404 when it may not be read, 403 for observers and outsiders.</summary>
    public async Task<Outcome<Prototype>> AllowedAsync(int prototypeId, CancellationToken ct = default)
    {
        var found = await find.ReadableAsync(prototypeId, ct);
        if (found is not var (prototype, p)) return Outcome<Prototype>.NotFound();
        return PrototypeRules.MayWork(p) ? Outcome<Prototype>.Ok(prototype) : Outcome<Prototype>.Forbidden();
    }

    /// <summary>One of this prototype's assumptions, tracked; another prototype's is not there (404).</summary>
    public async Task<Outcome<Assumption>> LoadAsync(int prototypeId, int assumptionId, CancellationToken ct = default)
    {
        var allowed = await AllowedAsync(prototypeId, ct);
        if (!allowed.IsOk) return allowed.Status == OutcomeStatus.NotFound ? Outcome<Assumption>.NotFound() : Outcome<Assumption>.Forbidden();
        var assumption = await db.Set<Assumption>().FirstOrDefaultAsync(a => a.Id == assumptionId && a.PrototypeId == prototypeId, ct);
        return assumption is null ? Outcome<Assumption>.NotFound() : Outcome<Assumption>.Ok(assumption);
    }

    public async Task<Outcome<Assumption>> AddAsync(int prototypeId, AssumptionInput input, CancellationToken ct = default)
    {
        var allowed = await AllowedAsync(prototypeId, ct);
        if (!allowed.IsOk) return allowed.Status == OutcomeStatus.NotFound ? Outcome<Assumption>.NotFound() : Outcome<Assumption>.Forbidden();
        var now = clock.GetUtcNow().UtcDateTime;
        var assumption = new Assumption { PrototypeId = prototypeId, AuthorId = user.Id, CreatedAt = now };
        var v = Apply(assumption, input, now);
        if (v.IsValid && await db.Set<Assumption>().CountAsync(a => a.PrototypeId == prototypeId, ct) >= PrototypeLimits.Assumptions)
            v.Add("Text", "Dit prototype heeft al {0} aannames. Haal er eerst een weg of voeg er een paar samen.", PrototypeLimits.Assumptions);
        if (!v.IsValid) return v;
        db.Add(assumption);
        await db.SaveChangesAsync(ct);
        return Outcome<Assumption>.Ok(assumption);
    }

    public async Task<Outcome<Assumption>> EditAsync(int prototypeId, int assumptionId, AssumptionInput input, CancellationToken ct = default)
    {
        var loaded = await LoadAsync(prototypeId, assumptionId, ct);
        if (!loaded.IsOk) return loaded;
        var v = Apply(loaded.Value!, input, clock.GetUtcNow().UtcDateTime);
        if (!v.IsValid) return v;
        await db.SaveChangesAsync(ct);
        return loaded;
    }

    private static Validation Apply(Assumption assumption, AssumptionInput input, DateTime now)
    {
        var v = new Validation();
        var text = v.Text("Text", input.Text, PrototypeLimits.Assumption, label: "de aanname");
        if (input.Risk is not { } risk || !Enum.IsDefined(risk)) v.Add("Risk", "Kies hoe groot het risico is als de aanname niet klopt.");
        if (input.Certainty is not { } certainty || !Enum.IsDefined(certainty)) v.Add("Certainty", "Kies hoe zeker jullie zijn.");
        if (!v.IsValid) return v;
        assumption.Text = text;
        assumption.Risk = input.Risk!.Value;
        assumption.Certainty = input.Certainty!.Value;
        assumption.UpdatedAt = now;
        return v;
    }
}
