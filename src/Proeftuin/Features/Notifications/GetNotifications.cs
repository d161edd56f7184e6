using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Notifications;

public sealed record NotificationView(int Id, string Text, string Url, DateTime CreatedAt, bool IsRead);

/// <summary>The signed-in user's meldingen, newest first; those about a withdrawn story are gone.</summary>
public sealed class GetNotifications(AppDbContext db, Caller user, TimeProvider clock)
{
    public const int Shown = 100;

    private IQueryable<Notification> Mine()
    {
        var userId = user.Id;
        return db.Notifications.Where(n => n.UserId == userId
            && (n.StoryId == null || !db.Stories.Any(s => s.Id == n.StoryId && s.WithdrawnAt != null)));
    }

    public Task<IReadOnlyList<NotificationView>> RunAsync(CancellationToken ct = default) => LatestAsync(Shown, ct);

    /// <summary>The newest few, e.g. for "Mijn Proeftuin".</summary>
    public async Task<IReadOnlyList<NotificationView>> LatestAsync(int take, CancellationToken ct = default)
    {
        if (user.Id is null) return [];
        return await Mine().AsNoTracking().OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(take)
            .Select(n => new NotificationView(n.Id, n.Text, n.Url, n.CreatedAt, n.ReadAt != null))
            .ToListAsync(ct);
    }

    private int? unread;

    /// <summary>For the menu: one COUNT query per request (the layout and a page such as /mijn share this scoped instance).</summary>
    public async Task<int> UnreadAsync(CancellationToken ct = default) =>
        unread ??= user.Id is null ? 0 : await Mine().CountAsync(n => n.ReadAt == null, ct);

    public async Task MarkAllReadAsync(CancellationToken ct = default)
    {
        if (user.Id is null) return;
        var now = clock.GetUtcNow().UtcDateTime;
        await Mine().Where(n => n.ReadAt == null).ExecuteUpdateAsync(u => u.SetProperty(n => n.ReadAt, now), ct);
        unread = 0;
    }
}
