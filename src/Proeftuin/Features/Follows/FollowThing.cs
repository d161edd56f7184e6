using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Follows;

/// <summary>Follow or stop following a project, initiative or item. Following twice is one follow.</summary>
public sealed class FollowThing(AppDbContext db, FollowTopics topics, Caller user, TimeProvider clock)
{
    /// <summary>The thing and whether the caller follows it; null when they may not (signed out, cannot read it).</summary>
    public async Task<(Followed Thing, bool Following)?> StateAsync(FollowTopic topic, int id, CancellationToken ct)
    {
        if (await topics.ReadableAsync(topic, id, ct) is not { } thing) return null;
        return (thing, await IsFollowingAsync(user.Id!, topic, id, ct));
    }

    public async Task<Outcome<bool>> SetAsync(FollowTopic topic, int id, bool follow, CancellationToken ct)
    {
        if (!user.IsSignedIn) return Outcome<bool>.Forbidden();
        var existing = await db.Set<Follow>().Where(f => f.UserId == user.Id && f.Topic == topic && f.TargetId == id).ToListAsync(ct);
        // Stopping is always allowed, also when the thing can no longer be read.
        if (!follow)
        {
            db.RemoveRange(existing);
            await db.SaveChangesAsync(ct);
            return Outcome<bool>.Ok(false);
        }
        if (await topics.ReadableAsync(topic, id, ct) is null) return Outcome<bool>.NotFound();
        if (existing.Count == 0) await EnsureAsync(user.Id!, topic, id, ct);
        return Outcome<bool>.Ok(true);
    }

    /// <summary>
    /// Starts following without asking (writing a reactie follows the item, starting an initiative follows it), so people
    /// hear the answers to what they wrote. A follow made at the same moment elsewhere is fine: the unique index keeps one.
    /// </summary>
    public async Task EnsureAsync(string userId, FollowTopic topic, int id, CancellationToken ct)
    {
        if (await IsFollowingAsync(userId, topic, id, ct)) return;
        var follow = new Follow { UserId = userId, Topic = topic, TargetId = id, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.Add(follow);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.Entry(follow).State = EntityState.Detached;
        }
    }

    private Task<bool> IsFollowingAsync(string userId, FollowTopic topic, int id, CancellationToken ct) =>
        db.Set<Follow>().AnyAsync(f => f.UserId == userId && f.Topic == topic && f.TargetId == id, ct);
}
