using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Prototypes;

/// <summary>Finds a prototype with the project's reading rules (ThreadAccess): null when it is not there or may not be read.</summary>
public sealed class PrototypeAccess(AppDbContext db, ProjectAccess access)
{
    /// <summary>Tracked, so a use case can change it.</summary>
    public async Task<(Prototype Prototype, ProjectPermissions Permissions)?> ReadableAsync(int id, CancellationToken ct = default)
    {
        var prototype = await db.Items.OfType<Prototype>().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (prototype is null) return null;
        var p = await access.ForProjectAsync(prototype.ProjectId, ct);
        return p is null ? null : (prototype, p);
    }
}
