using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Prototypes;

/// <summary>The team removes an assumption from a prototype.</summary>
public sealed class RemoveAssumption(AppDbContext db, SaveAssumption rules)
{
    public async Task<Outcome<bool>> RunAsync(int prototypeId, int assumptionId, CancellationToken ct = default)
    {
        var loaded = await rules.LoadAsync(prototypeId, assumptionId, ct);
        if (!loaded.IsOk) return loaded.Status == OutcomeStatus.NotFound ? Outcome<bool>.NotFound() : Outcome<bool>.Forbidden();
        db.Remove(loaded.Value!);
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(true);
    }
}
