using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Reflections;

public sealed record ReflectionRow(int Id, string Title, DateOnly HeldOn, ReflectionStatus Status, int Prompts, int Answers, bool HasSession)
{
    public string Url => $"/reflecties/{Id}";
}

public sealed record ReflectionList(int ProjectId, string ProjectTitle, IReadOnlyList<ReflectionRow> Open, IReadOnlyList<ReflectionRow> Done, bool CanPlan, bool SeesAnswers);

/// <summary>A project's reflections: the open ones by date (the next one first), then the closed ones, newest first.</summary>
public sealed class GetReflections(AppDbContext db, ProjectAccess access)
{
    public async Task<ReflectionList?> RunAsync(int projectId, CancellationToken ct = default)
    {
        var p = await access.ForProjectAsync(projectId, ct);
        if (p is null) return null;
        var title = await db.Projects.Where(x => x.Id == projectId).Select(x => x.Title).FirstAsync(ct);
        var sees = ReflectionRules.SeesAnswers(p);
        var rows = await db.Items.OfType<Reflection>().AsNoTracking().Where(r => r.ProjectId == projectId)
            .Select(r => new ReflectionRow(r.Id, r.Title, r.HeldOn, r.Status, r.Prompts.Count,
                sees ? db.Set<ReflectionAnswer>().Count(a => a.ReflectionId == r.Id) : 0, r.SessionId != null))
            .ToListAsync(ct);
        return new ReflectionList(projectId, title,
            [.. rows.Where(r => r.Status == ReflectionStatus.Planned).OrderBy(r => r.HeldOn).ThenBy(r => r.Id)],
            [.. rows.Where(r => r.Status == ReflectionStatus.Done).OrderByDescending(r => r.HeldOn).ThenByDescending(r => r.Id)],
            ReflectionRules.MayLead(p), sees);
    }
}
