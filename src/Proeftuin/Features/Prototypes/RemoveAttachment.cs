using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Prototypes;

/// <summary>The team removes an attachment from a prototype.</summary>
public sealed class RemoveAttachment(AppDbContext db, SaveAssumption rules)
{
    public async Task<Outcome<bool>> RunAsync(int prototypeId, int attachmentId, CancellationToken ct = default)
    {
        var allowed = await rules.AllowedAsync(prototypeId, ct);
        if (!allowed.IsOk) return allowed.Status == OutcomeStatus.NotFound ? Outcome<bool>.NotFound() : Outcome<bool>.Forbidden();
        var removed = await db.Set<PrototypeAttachment>().Where(a => a.Id == attachmentId && a.PrototypeId == prototypeId).ExecuteDeleteAsync(ct);
        return removed == 0 ? Outcome<bool>.NotFound() : Outcome<bool>.Ok(true);
    }
}
