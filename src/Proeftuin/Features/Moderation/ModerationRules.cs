using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Members;
using Proeftuin.Web;

namespace Proeftuin.Features.Moderation;

/// <summary>
/// Who moderates: the facilitators of the contribution's project, and admins (content of no project: admins only).
/// Who reports: anyone signed in who may read it.
/// </summary>
public sealed class ModerationRules(AppDbContext db, ProjectAccess access, Caller user, IEnumerable<IModerationTarget> targets)
{
    public IModerationTarget? Target(string? kind) => targets.FirstOrDefault(t => t.Kind == kind);

    public async Task<bool> MayModerateAsync(int? projectId, CancellationToken ct) =>
        user.IsAdmin || (projectId is { } id && (await access.ForProjectAsync(id, ct))?.CanManage == true);

    /// <summary>The projects whose queue the caller sees; null means all (an admin).</summary>
    public async Task<IReadOnlyList<int>?> QueueProjectsAsync(CancellationToken ct)
    {
        if (user.IsAdmin) return null;
        if (user.Id is null) return [];
        return await db.Memberships.AsNoTracking().Where(m => m.UserId == user.Id && m.Role == ProjectRole.Facilitator)
            .Select(m => m.ProjectId).ToListAsync(ct);
    }

    public static string CasePath(string kind, int id) => $"/moderatie/{kind}/{id}";

    public static string ReportPath(string kind, int id) => $"/melden/{kind}/{id}";

    public const string Placeholder = "verborgen door moderatie";

    /// <summary>Dutch, for the reporter's melding and the pages.</summary>
    public static string StepLabel(ModerationStep step) => step switch
    {
        ModerationStep.Hidden => "verborgen",
        ModerationStep.Restored => "weer zichtbaar gemaakt",
        ModerationStep.Edited => "aangepast",
        _ => "bekeken en blijft staan",
    };

    public static string ReasonLabel(ReportReason reason) => reason switch
    {
        ReportReason.Offensive => "Kwetsend of grof",
        ReportReason.PersonalData => "Er staan persoonsgegevens in",
        ReportReason.Spam => "Reclame of spam",
        ReportReason.Untrue => "Niet waar of misleidend",
        _ => "Iets anders",
    };
}
