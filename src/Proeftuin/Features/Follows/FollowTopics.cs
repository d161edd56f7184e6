using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Moderation;
using Proeftuin.Web;

namespace Proeftuin.Features.Follows;

/// <summary>A followable thing as the pages show it.</summary>
public sealed record Followed(FollowTopic Topic, int Id, string Title, string Url);

/// <summary>
/// The words in the address and who may follow what: anyone signed in who may read it now. Initiatives and thread items
/// are asked through their moderation targets, which already know who may read them and hide what moderation hid.
/// </summary>
public sealed class FollowTopics(AppDbContext db, ProjectAccess access, Caller user, ModerationRules moderation)
{
    public static readonly ApiSlugs<FollowTopic> Slugs = new(new Dictionary<FollowTopic, string>
    {
        [FollowTopic.Project] = "project",
        [FollowTopic.Initiative] = "initiatief",
        [FollowTopic.Item] = "bijdrage",
    });

    /// <summary>The moderation kind that answers for a topic: the same word as in the address (projects are not moderated).</summary>
    public static string? ModerationKind(FollowTopic topic) => topic == FollowTopic.Project ? null : Slugs.Of(topic);

    public static string Path(FollowTopic topic, int id) => $"/volgen/{Slugs.Of(topic)}/{id}";

    /// <summary>The thing, when the caller is signed in and may read it; null otherwise (the page answers 404).</summary>
    public async Task<Followed?> ReadableAsync(FollowTopic topic, int id, CancellationToken ct)
    {
        if (!user.IsSignedIn || id <= 0) return null;
        if (topic == FollowTopic.Project)
        {
            if ((await access.ForProjectAsync(id, ct))?.CanRead != true) return null;
            var title = await db.Projects.AsNoTracking().Where(p => p.Id == id).Select(p => p.Title).FirstAsync(ct);
            return new Followed(topic, id, title, $"/projecten/{id}");
        }
        if (moderation.Target(ModerationKind(topic)) is not { } target || !await target.MayReadAsync(id, ct)) return null;
        return await target.FindOneAsync(id, ct) is { } c ? new Followed(topic, id, c.Title, c.Url) : null;
    }

    /// <summary>Titles and addresses of many followed things at once, for the overview page (what cannot be read is left out).</summary>
    public async Task<IReadOnlyList<Followed>> DescribeAsync(IReadOnlyList<Follow> follows, CancellationToken ct)
    {
        var found = new List<Followed>();
        var projectIds = follows.Where(f => f.Topic == FollowTopic.Project).Select(f => f.TargetId).ToList();
        if (projectIds.Count > 0)
        {
            var readable = await access.ReadableIdsAsync(projectIds, ct);
            var titles = await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.Id)).Select(p => new { p.Id, p.Title }).ToListAsync(ct);
            found.AddRange(titles.Where(t => readable.Contains(t.Id)).Select(t => new Followed(FollowTopic.Project, t.Id, t.Title, $"/projecten/{t.Id}")));
        }
        foreach (var topic in new[] { FollowTopic.Initiative, FollowTopic.Item })
        {
            var ids = follows.Where(f => f.Topic == topic).Select(f => f.TargetId).ToList();
            if (ids.Count == 0 || moderation.Target(ModerationKind(topic)) is not { } target) continue;
            foreach (var c in await target.FindAsync(ids, ct))
                if (c.HiddenAt is null && await target.MayReadAsync(c.Id, ct)) found.Add(new Followed(topic, c.Id, c.Title, c.Url));
        }
        return found;
    }
}
