using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Members;
using Proeftuin.Features.Notifications;
using Proeftuin.Web;

namespace Proeftuin.Features.Moderation;

public sealed record ReportInput(ReportReason? Reason, string? Note);

/// <summary>
/// "Melden": a signed-in reader reports a contribution they can read. One open report per person per contribution,
/// and a handful an hour, so a queue cannot be flooded. The project's facilitators get one melding per contribution
/// (the first report), not one per report.
/// </summary>
public sealed class ReportContent(AppDbContext db, ModerationRules rules, Caller user, TimeProvider clock)
{
    public const string AlreadyReported = "Je hebt dit al gemeld. Een begeleider kijkt ernaar; je krijgt bericht als het is bekeken.";
    public const string TooMany = "Je hebt het afgelopen uur al {0} keer iets gemeld. Probeer het later nog eens, of mail de begeleider van het project.";

    /// <summary>What is reported, when the caller may report it.</summary>
    public async Task<Outcome<ModeratedContent>> CanReportAsync(string? kind, int id, CancellationToken ct = default)
    {
        if (user.Id is null) return Outcome<ModeratedContent>.Forbidden();
        var target = rules.Target(kind);
        if (target is null || !await target.MayReadAsync(id, ct)) return Outcome<ModeratedContent>.NotFound();
        var content = await target.FindOneAsync(id, ct);
        return content is null ? Outcome<ModeratedContent>.NotFound() : Outcome<ModeratedContent>.Ok(content);
    }

    public async Task<Outcome<Report>> RunAsync(string? kind, int id, ReportInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var allowed = await CanReportAsync(kind, id, ct);
        if (!allowed.IsOk) return allowed.Status == OutcomeStatus.NotFound ? Outcome<Report>.NotFound() : Outcome<Report>.Forbidden();
        var content = allowed.Value!;

        var v = new Validation();
        if (input.Reason is not { } reason || !Enum.IsDefined(reason)) v.Add("Reason", "Kies waarom je dit meldt.");
        var note = v.Text("Note", input.Note, ModerationLimits.Note, required: input.Reason == ReportReason.Other, label: "wat er niet goed aan is");
        if (!v.IsValid) return v;

        var now = clock.GetUtcNow().UtcDateTime;
        if (await db.Set<Report>().AnyAsync(r => r.TargetKind == content.Kind && r.TargetId == id && r.ReporterId == user.Id && r.HandledAt == null, ct))
            return Outcome<Report>.Invalid("", AlreadyReported);
        var hourAgo = now.AddHours(-1);
        if (await db.Set<Report>().CountAsync(r => r.ReporterId == user.Id && r.CreatedAt > hourAgo, ct) >= ModerationLimits.ReportsPerHour)
            return Outcome<Report>.Invalid("", TooMany, ModerationLimits.ReportsPerHour);

        var first = !await db.Set<Report>().AnyAsync(r => r.TargetKind == content.Kind && r.TargetId == id && r.HandledAt == null, ct);
        var report = new Report
        {
            TargetKind = content.Kind,
            TargetId = id,
            ProjectId = content.ProjectId,
            ReporterId = user.Id,
            Reason = input.Reason!.Value,
            Note = note,
            CreatedAt = now,
        };
        db.Set<Report>().Add(report);
        if (first)
        {
            var moderators = content.ProjectId is { } pid
                ? await db.Memberships.AsNoTracking().Where(m => m.ProjectId == pid && m.Role == ProjectRole.Facilitator && m.UserId != user.Id).Select(m => m.UserId).ToListAsync(ct)
                : [];
            foreach (var m in moderators)
                db.Notifications.Add(new Notification { UserId = m, Text = $"Iemand heeft iets gemeld in „{Short(content.ProjectTitle)}”. Kijk of het kan blijven staan.", Url = ModerationRules.CasePath(content.Kind, id), CreatedAt = now });
        }
        await db.SaveChangesAsync(ct);
        return Outcome<Report>.Ok(report);
    }

    internal static string Short(string text) => text.Length > 80 ? text[..80] + " …" : text;
}
