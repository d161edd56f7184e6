using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Prototypes;

public sealed record AttachmentFile(string FileName, string ContentType, byte[] Content);

/// <summary>An attachment's bytes, for whoever may read its project (the same rule as the prototype page); null otherwise.</summary>
public sealed class GetAttachment(AppDbContext db, ProjectAccess access)
{
    public async Task<AttachmentFile?> RunAsync(int id, CancellationToken ct = default)
    {
        var found = await db.Set<PrototypeAttachment>().AsNoTracking().Where(a => a.Id == id)
            .Select(a => new { a.Prototype.ProjectId, a.FileName, a.ContentType, a.Content }).FirstOrDefaultAsync(ct);
        if (found is null || await access.ForProjectAsync(found.ProjectId, ct) is null) return null;
        return new AttachmentFile(found.FileName, found.ContentType, found.Content);
    }
}
