using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;

namespace Proeftuin.Features.Moderation;

public sealed record QueueEntry(ModeratedContent Content, int Reports, IReadOnlyList<ReportReason> Reasons, DateTime FirstAt);

public sealed record HandledEntry(ModeratedContent Content, ModerationStep Step, string Reason, string? ModeratorName, DateTime At);

public sealed record ModerationQueue(IReadOnlyList<QueueEntry> Open, IReadOnlyList<HandledEntry> Recent);

/// <summary>
/// The moderation queue: open reports per contribution, oldest first, in the projects the caller facilitates (admins:
/// all); and the latest steps taken, so a hidden contribution can be found again and restored.
/// </summary>
public sealed class GetModerationQueue(AppDbContext db, ModerationRules rules)
{
    public const int PageSize = 100;

    /// <summary>Null when the caller moderates nothing.</summary>
    public async Task<ModerationQueue?> RunAsync(CancellationToken ct = default)
    {
        var projects = await rules.QueueProjectsAsync(ct);
        if (projects is { Count: 0 }) return null;
        var reports = db.Set<Report>().AsNoTracking().Where(r => r.HandledAt == null);
        var actions = db.Set<ModerationAction>().AsNoTracking();
        if (projects is not null)
        {
            reports = reports.Where(r => r.ProjectId != null && projects.Contains(r.ProjectId.Value));
            actions = actions.Where(a => a.ProjectId != null && projects.Contains(a.ProjectId.Value));
        }
        var open = await reports.GroupBy(r => new { r.TargetKind, r.TargetId })
            .Select(g => new { g.Key.TargetKind, g.Key.TargetId, Count = g.Count(), First = g.Min(r => r.CreatedAt) })
            .OrderBy(g => g.First).Take(PageSize).ToListAsync(ct);
        var openIds = open.Select(o => o.TargetId).Distinct().ToList();
        var reasons = await reports.Where(r => openIds.Contains(r.TargetId)).Select(r => new { r.TargetKind, r.TargetId, r.Reason }).ToListAsync(ct);
        var recent = await actions.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).Take(30)
            .Select(a => new { a.TargetKind, a.TargetId, a.Step, a.Reason, a.CreatedAt, Moderator = db.Users.Where(u => u.Id == a.ModeratorId).Select(u => u.DisplayName).FirstOrDefault() })
            .ToListAsync(ct);

        var contents = await ContentsAsync(open.Select(o => (o.TargetKind, o.TargetId)).Concat(recent.Select(r => (r.TargetKind, r.TargetId))), ct);
        return new ModerationQueue(
            open.Where(o => contents.ContainsKey((o.TargetKind, o.TargetId)))
                .Select(o => new QueueEntry(contents[(o.TargetKind, o.TargetId)], o.Count,
                    reasons.Where(r => r.TargetKind == o.TargetKind && r.TargetId == o.TargetId).Select(r => r.Reason).Distinct().Order().ToList(), o.First))
                .ToList(),
            recent.Where(r => contents.ContainsKey((r.TargetKind, r.TargetId)))
                .Select(r => new HandledEntry(contents[(r.TargetKind, r.TargetId)], r.Step, r.Reason, r.Moderator, r.CreatedAt)).ToList());
    }

    /// <summary>One query per kind of contribution, not per row.</summary>
    private async Task<Dictionary<(string, int), ModeratedContent>> ContentsAsync(IEnumerable<(string Kind, int Id)> keys, CancellationToken ct)
    {
        var found = new Dictionary<(string, int), ModeratedContent>();
        foreach (var kind in keys.GroupBy(k => k.Kind))
        {
            if (rules.Target(kind.Key) is not { } target) continue;
            foreach (var c in await target.FindAsync(kind.Select(k => k.Id).Distinct().ToList(), ct)) found[(c.Kind, c.Id)] = c;
        }
        return found;
    }
}
