using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Moderation;

public sealed record ReportView(int Id, ReportReason Reason, string Note, DateTime CreatedAt, DateTime? HandledAt, ModerationStep? Outcome);

public sealed record ActionView(ModerationStep Step, string Reason, string? ModeratorName, DateTime At);

/// <summary>One contribution on the moderator's page: what it says, its reports (without the reporters' names) and its history.</summary>
public sealed record ModerationCase(ModeratedContent Content, IReadOnlyList<ReportView> Reports, IReadOnlyList<ActionView> History)
{
    public bool IsHidden => Content.HiddenAt is not null;
    public int OpenReports => Reports.Count(r => r.HandledAt is null);
}

public sealed class GetModerationCase(AppDbContext db, ModerateContent moderate)
{
    public async Task<Outcome<ModerationCase>> RunAsync(string? kind, int id, CancellationToken ct = default)
    {
        var allowed = await moderate.CanModerateAsync(kind, id, ct);
        if (!allowed.IsOk) return Outcome<ModerationCase>.NotFound();
        var content = allowed.Value!;
        var reports = await db.Set<Report>().AsNoTracking().Where(r => r.TargetKind == content.Kind && r.TargetId == id)
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Select(r => new ReportView(r.Id, r.Reason, r.Note, r.CreatedAt, r.HandledAt, r.Outcome)).ToListAsync(ct);
        var history = await db.Set<ModerationAction>().AsNoTracking().Where(a => a.TargetKind == content.Kind && a.TargetId == id)
            .OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
            .Select(a => new ActionView(a.Step, a.Reason, db.Users.Where(u => u.Id == a.ModeratorId).Select(u => u.DisplayName).FirstOrDefault(), a.CreatedAt))
            .ToListAsync(ct);
        return Outcome<ModerationCase>.Ok(new ModerationCase(content, reports, history));
    }
}
