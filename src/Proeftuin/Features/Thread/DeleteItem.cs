using Proeftuin.Data;
using Proeftuin.Features.Sessions;
using Proeftuin.Web;

namespace Proeftuin.Features.Thread;

/// <summary>Deletes an item with its steps, comments and links (the database cascades). Author or facilitator.</summary>
public sealed class DeleteItem(AppDbContext db, SaveItem save, SessionEvents events)
{
    public async Task<Outcome<ThreadItem>> RunAsync(int id, CancellationToken ct = default)
    {
        var loaded = await save.LoadForEditAsync(id, ct);
        if (!loaded.IsOk) return loaded;
        db.Items.Remove(loaded.Value!);
        if (loaded.Value is Idea { SessionId: { } sessionId })
        {
            // The note or cluster it came from is free again (the database clears its IdeaId): the session's screens reload.
            var seq = await events.SaveAsync(sessionId, ct);
            await events.TellAsync(sessionId, () => events.ToAll(sessionId).SessionChanged(seq), ct);
        }
        else
        {
            await db.SaveChangesAsync(ct);
        }
        return loaded;
    }
}
