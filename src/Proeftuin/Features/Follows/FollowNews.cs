using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Notifications;
using Proeftuin.Features.Projects;
using Proeftuin.Web;

namespace Proeftuin.Features.Follows;

/// <summary>Where a piece of news happened, most specific first: the item, then its project.</summary>
public sealed record NewsPlace(FollowTopic Topic, int Id, string Title);

/// <summary>What happened: the line in the melding and the digest, where it leads, and what it is about (moderation kind and id).</summary>
public sealed record NewsLine(string Text, string Url, string? AboutKind = null, int? AboutId = null);

/// <summary>
/// Tells the followers of a place what happened there: a melding in the app and a line for their next digest. Called
/// after the use case saved its change, and best effort: news that cannot be written is logged and the change stands
/// (the person who acted must not see a failure for something that was saved). The one who acted and the people already
/// told directly (the initiators of an initiative, everyone who pledged) hear nothing twice.
/// </summary>
public sealed class FollowNews(AppDbContext db, Caller user, TimeProvider clock, ILogger<FollowNews> logger)
{
    /// <param name="alreadyTold">People who hear nothing. Pass a query (not a list) when people can join it while this
    /// runs: it is read after the followers, so someone who joined it and then followed is always left out.</param>
    public async Task<int> TellAsync(IReadOnlyList<NewsPlace> places, int? projectId, NewsLine news, IEnumerable<string>? alreadyTold = null,
        CancellationToken ct = default)
    {
        var added = new List<object>();
        try
        {
            // Each follower gets the line once, grouped under the most specific place they follow.
            var group = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var place in places)
            {
                var followers = await db.Set<Follow>().AsNoTracking().Where(f => f.Topic == place.Topic && f.TargetId == place.Id).Select(f => f.UserId).ToListAsync(ct);
                foreach (var id in followers) group.TryAdd(id, place.Title);
            }
            if (user.Id is { } me) group.Remove(me);
            if (alreadyTold is IAsyncEnumerable<string> query)
                await foreach (var id in query.WithCancellation(ct)) group.Remove(id);
            else foreach (var id in alreadyTold ?? []) group.Remove(id);
            if (group.Count > 0 && projectId is { } pid) await KeepReadersAsync(group, pid, ct);
            if (group.Count == 0) return 0;
            var now = clock.GetUtcNow().UtcDateTime;
            var text = Cut(news.Text, FollowLimits.Text);
            foreach (var (id, title) in group)
            {
                added.Add(db.Notifications.Add(new Notification { UserId = id, Text = text, Url = news.Url, CreatedAt = now }).Entity);
                added.Add(db.Add(new DigestEntry
                {
                    UserId = id,
                    Group = Cut(title, FollowLimits.Group),
                    Text = text,
                    Url = Cut(news.Url, FollowLimits.Url),
                    AboutKind = news.AboutKind,
                    AboutId = news.AboutId,
                    CreatedAt = now,
                }).Entity);
            }
            await db.SaveChangesAsync(ct);
            return group.Count;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            foreach (var entity in added) db.Entry(entity).State = EntityState.Detached;
            logger.LogWarning(e, "News for the followers of {Place} could not be written; the change itself is saved", places.Count > 0 ? places[0] : null);
            return 0;
        }
    }

    /// <summary>A closed project's news goes only to its members and admins: someone who left hears nothing more from it.</summary>
    private async Task KeepReadersAsync(Dictionary<string, string> group, int projectId, CancellationToken ct)
    {
        var open = await db.Projects.AsNoTracking().AnyAsync(p => p.Id == projectId && p.Visibility == Visibility.Open, ct);
        if (open) return;
        var ids = group.Keys.ToList();
        var members = await db.Memberships.AsNoTracking().Where(m => m.ProjectId == projectId && ids.Contains(m.UserId)).Select(m => m.UserId).ToListAsync(ct);
        var admins = await db.UserRoles.AsNoTracking().Where(r => ids.Contains(r.UserId))
            .Join(db.Roles.Where(r => r.Name == Caller.AdminRole), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId).ToListAsync(ct);
        var readers = members.Concat(admins).ToHashSet(StringComparer.Ordinal);
        foreach (var id in ids.Where(id => !readers.Contains(id))) group.Remove(id);
    }

    public static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 2)] + " …";
}
