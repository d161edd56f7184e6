using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Thread;

/// <summary>Deletes an item with its steps, comments and links (the database cascades). Author or facilitator.</summary>
public sealed class DeleteItem(AppDbContext db, SaveItem save)
{
    public async Task<Outcome<ThreadItem>> RunAsync(int id, CancellationToken ct = default)
    {
        var loaded = await save.LoadForEditAsync(id, ct);
        if (!loaded.IsOk) return loaded;
        db.Items.Remove(loaded.Value!);
        await db.SaveChangesAsync(ct);
        return loaded;
    }
}
