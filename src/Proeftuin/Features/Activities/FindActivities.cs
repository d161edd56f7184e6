using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Activities;

public sealed record ActivityFilter(int? ProgrammeId = null, int? ProjectId = null, DateTime? From = null, DateTime? To = null);

public sealed record ActivitySummary(int Id, int ProgrammeId, int? ProjectId, string? ProjectTitle, ActivityType Type, string Title, DateTime StartsAt, DateTime EndsAt,
    string Place, int? Capacity, int Registered, bool Cancelled);

public sealed record ActivityList(IReadOnlyList<ActivitySummary> Upcoming, IReadOnlyList<ActivitySummary> Past, IReadOnlyList<(int Id, string Title)> Programmes,
    IReadOnlyList<(int Id, string Title)> Projects, bool CanPlanInProject, bool CanPlanInProgramme);

/// <summary>The activities the caller may see (hidden ones left out), upcoming first; past ones apart, newest first.</summary>
public sealed class FindActivities(AppDbContext db, ActivityRules rules, ProjectAccess access, TimeProvider clock)
{
    public const int PastShown = 20;
    public const int Max = 500;

    public async Task<List<ActivitySummary>> RunAsync(ActivityFilter filter, CancellationToken ct = default)
    {
        var q = Filtered(filter);
        if (filter.From is { } from) q = q.Where(a => a.EndsAt >= from);
        if (filter.To is { } to) q = q.Where(a => a.StartsAt < to);
        return await Select(q.OrderBy(a => a.StartsAt).ThenBy(a => a.Id).Take(Max)).ToListAsync(ct);
    }

    public async Task<ActivityList> PageAsync(ActivityFilter filter, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var upcoming = await Select(Filtered(filter).Where(a => a.EndsAt > now).OrderBy(a => a.StartsAt).ThenBy(a => a.Id).Take(Max)).ToListAsync(ct);
        var past = await Select(Filtered(filter).Where(a => a.EndsAt <= now).OrderByDescending(a => a.StartsAt).ThenByDescending(a => a.Id).Take(PastShown)).ToListAsync(ct);
        var programmes = (await db.Programmes.AsNoTracking().OrderBy(p => p.Title).Select(p => new { p.Id, p.Title }).ToListAsync(ct)).Select(p => (p.Id, p.Title)).ToList();
        var projects = (await access.ReadableProjects().AsNoTracking()
            .Where(p => filter.ProgrammeId == null || p.ProgrammeId == filter.ProgrammeId).OrderBy(p => p.Title).Select(p => new { p.Id, p.Title }).Take(200).ToListAsync(ct))
            .Select(p => (p.Id, p.Title)).ToList();
        var inProject = filter.ProjectId is { } pid && (await access.ForProjectAsync(pid, ct))?.CanFacilitate == true;
        var inProgramme = filter.ProjectId is null && filter.ProgrammeId is { } prog && await rules.CanManageProgrammeAsync(prog, ct);
        return new ActivityList(upcoming, past, programmes, projects, inProject, inProgramme);
    }

    private IQueryable<Activity> Filtered(ActivityFilter filter)
    {
        var q = rules.Readable();
        if (filter.ProgrammeId is { } programme) q = q.Where(a => a.ProgrammeId == programme);
        if (filter.ProjectId is { } project) q = q.Where(a => a.ProjectId == project);
        return q;
    }

    private IQueryable<ActivitySummary> Select(IQueryable<Activity> q) => q.Select(a => new ActivitySummary(a.Id, a.ProgrammeId, a.ProjectId,
        db.Projects.Where(p => p.Id == a.ProjectId).Select(p => p.Title).FirstOrDefault(), a.Type, a.Title, a.StartsAt, a.EndsAt, a.Place, a.Capacity,
        a.RegisteredCount, a.CancelledAt != null));
}
