using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Members;
using Proeftuin.Features.Notifications;
using Proeftuin.Features.Projects;
using Proeftuin.Features.Sessions;
using Proeftuin.Features.Stories;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Features.Mine;

public sealed record MyProject(int Id, string Title, Phase Phase, ProjectRole Role, Perspective Perspective);

public sealed record MyStory(int Id, string Title, int ProjectId, string ProjectTitle, ConsentScope Scope, DateTime CreatedAt, int Fed);

public sealed record MySession(int Id, string Title, SessionState State, int ProjectId, string ProjectTitle, DateTime CreatedAt, DateTime? ClosedAt);

public sealed record MyInvitation(int Id, int ProjectId, string ProjectTitle, ProjectRole Role, DateTime ExpiresAt);

public sealed record MyOverview(
    string DisplayName,
    Perspective DefaultPerspective,
    IReadOnlyList<MyProject> Projects,
    IReadOnlyList<MyStory> Stories,
    IReadOnlyList<MySession> Sessions,
    IReadOnlyList<MyInvitation> Invitations,
    IReadOnlyList<NotificationView> Notifications,
    int UnreadNotifications)
{
    public bool IsEmpty => Projects.Count == 0 && Stories.Count == 0 && Sessions.Count == 0 && Invitations.Count == 0 && Notifications.Count == 0;
}

/// <summary>
/// "Mijn Proeftuin": the signed-in person's own projects, stories, sessions, open invitations and notifications.
/// Only their own things, never a withdrawn story; one query per part, whatever the numbers.
/// </summary>
public sealed class GetMyOverview(AppDbContext db, Caller user, GetTrace trace, GetNotifications notifications, TimeProvider clock)
{
    public const int NotificationsShown = 5;
    public const int ClosedSessionsShown = 5;
    private const int ExcerptLength = 60;

    /// <summary>An untitled story shows how it begins: the teller recognises their own words.</summary>
    private static string Excerpt(string start)
    {
        var text = string.Join(' ', start.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= ExcerptLength ? text : text[..ExcerptLength].TrimEnd() + "…";
    }

    public async Task<MyOverview?> RunAsync(CancellationToken ct = default)
    {
        if (user.Id is not { } userId) return null;
        var me = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.DisplayName, u.DefaultPerspective, u.Email, u.EmailConfirmed }).FirstOrDefaultAsync(ct);
        if (me is null) return null;

        var projects = await db.Memberships.AsNoTracking().Where(m => m.UserId == userId)
            .OrderBy(m => m.Project.Title)
            .Select(m => new MyProject(m.ProjectId, m.Project.Title, m.Project.Phase, m.Role, m.Perspective))
            .ToListAsync(ct);

        var stories = await db.Stories.AsNoTracking().Where(s => s.TellerId == userId && s.WithdrawnAt == null)
            .OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id)
            .Select(s => new { s.Id, s.Title, Start = s.Text.Substring(0, ExcerptLength + 1), s.ProjectId, ProjectTitle = s.Project.Title, s.Scope, s.CreatedAt })
            .ToListAsync(ct);
        var fed = await trace.CountForwardAsync(stories.Select(s => s.Id).ToList(), ct);

        // The sessions they may open: those of their projects, and those they took part in. All open ones, and only
        // the newest closed ones: closed sessions pile up over the years.
        var mine = db.Sessions.AsNoTracking()
            .Where(s => s.Project.Members.Any(m => m.UserId == userId) || db.Participants.Any(p => p.SessionId == s.Id && p.UserId == userId));
        var open = await mine.Where(s => s.State != SessionState.Closed)
            .OrderBy(s => s.State == SessionState.Planned).ThenByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id)
            .Select(s => new MySession(s.Id, s.Title, s.State, s.ProjectId, s.Project.Title, s.CreatedAt, s.ClosedAt))
            .ToListAsync(ct);
        var closed = await mine.Where(s => s.State == SessionState.Closed)
            .OrderByDescending(s => s.ClosedAt ?? s.CreatedAt).ThenByDescending(s => s.Id).Take(ClosedSessionsShown)
            .Select(s => new MySession(s.Id, s.Title, s.State, s.ProjectId, s.Project.Title, s.CreatedAt, s.ClosedAt))
            .ToListAsync(ct);

        // Invitations mailed to their own, proven address, still usable, for projects they are not in yet.
        var now = clock.GetUtcNow().UtcDateTime;
        var invitations = me.EmailConfirmed && me.Email is { } email
            ? await db.Invitations.AsNoTracking()
                .Where(i => i.Email == email && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now
                    && !db.Memberships.Any(m => m.ProjectId == i.ProjectId && m.UserId == userId))
                .OrderByDescending(i => i.CreatedAt)
                .Select(i => new MyInvitation(i.Id, i.ProjectId, i.Project.Title, i.Role, i.ExpiresAt))
                .ToListAsync(ct)
            : [];

        var latest = await notifications.LatestAsync(NotificationsShown, ct);
        var unread = await notifications.UnreadAsync(ct);

        return new MyOverview(me.DisplayName, me.DefaultPerspective, projects,
            stories.Select(s => new MyStory(s.Id, string.IsNullOrWhiteSpace(s.Title) ? Excerpt(s.Start) : s.Title,
                s.ProjectId, s.ProjectTitle, s.Scope, s.CreatedAt, fed.GetValueOrDefault(s.Id))).ToList(),
            [.. open, .. closed], invitations, latest, unread);
    }
}
