using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Activities;
using Proeftuin.Features.Initiatives;
using Proeftuin.Features.Projects;
using Proeftuin.Features.Stories;
using Proeftuin.Features.Thread;
using Proeftuin.Shared;
using Proeftuin.Web;

namespace Proeftuin.Features.Dashboard;

/// <summary>
/// One Dutch calendar month: stories told, people who joined a live session, pledges made (not withdrawn) and
/// registrations for an activity (not cancelled), all counted by the month they were made in.
/// </summary>
public sealed record MonthParticipation(DateOnly Month, int Stories, int SessionParticipants, int Pledges, int Registrations);

/// <summary>A project of the programme the caller may read: its phase and status, and its contributions per kennisbron (all phases together).</summary>
public sealed record ProgrammeProject(int Id, string Title, Phase Phase, ProjectStatus Status, KnowledgeBalance Balance);

/// <summary>The programme dashboard (/programmas/{id}/overzicht, its CSV and GET /api/v1/programmes/{id}/dashboard).</summary>
public sealed record ProgrammeDashboardView(
    int ProgrammeId, string Title,
    IReadOnlyList<MonthParticipation> Months,
    IReadOnlyList<ProgrammeProject> Projects,
    IReadOnlyDictionary<Phase, int> ProjectsPerPhase,
    IReadOnlyDictionary<InitiativeStatus, int> InitiativesPerStatus,
    IReadOnlyList<ActivitySummary> UpcomingActivities)
{
    public int InitiativeTotal => InitiativesPerStatus.Values.Sum();
}

/// <summary>
/// Everything the programme dashboard shows. Programmes are public, like their page; every number comes only from
/// the projects the caller may read (ProjectAccess.ReadableProjects), and from initiatives and activities as their own
/// rules let the caller read them (hidden ones left out). No names of people, only counts. A fixed number of queries
/// however much data there is: each month series is one grouped query over twelve month ranges.
/// </summary>
public sealed class GetProgrammeDashboard(AppDbContext db, ProjectAccess access, FindInitiatives initiatives, ActivityRules activities, TimeProvider clock)
{
    public const int MonthsShown = 12;
    public const int ActivitiesShown = 5;

    public async Task<ProgrammeDashboardView?> RunAsync(int programmeId, CancellationToken ct = default)
    {
        var title = await db.Programmes.AsNoTracking().Where(p => p.Id == programmeId).Select(p => p.Title).FirstOrDefaultAsync(ct);
        if (title is null) return null;

        var readable = access.ReadableProjects().Where(p => p.ProgrammeId == programmeId);
        var projectIds = readable.Select(p => p.Id);
        var projects = await readable.AsNoTracking().OrderBy(p => p.Title).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.Title, p.Phase, p.Status }).ToListAsync(ct);

        var now = clock.GetUtcNow().UtcDateTime;
        var months = LastMonths(now);
        var starts = months.Select(Dates.StartUtc).Append(Dates.StartUtc(months[^1].AddMonths(1))).ToList();

        // A withdrawn story is gone from everything: not counted. Hidden ones the query filter leaves out.
        var stories = await PerMonthAsync(db.Stories.AsNoTracking()
            .Where(s => projectIds.Contains(s.ProjectId) && s.WithdrawnAt == null)
            .Select(s => s.CreatedAt), starts, ct);
        var sessions = db.Sessions.Where(s => projectIds.Contains(s.ProjectId)).Select(s => s.Id);
        var participants = await PerMonthAsync(db.Participants.AsNoTracking().Where(p => sessions.Contains(p.SessionId)).Select(p => p.JoinedAt), starts, ct);
        var initiativeIds = initiatives.Readable().Where(i => i.ProgrammeId == programmeId).Select(i => i.Id);
        var pledges = await PerMonthAsync(db.Set<Pledge>().AsNoTracking()
            .Where(p => p.WithdrawnAt == null && p.HiddenAt == null && initiativeIds.Contains(p.InitiativeId))
            .Select(p => p.CreatedAt), starts, ct);
        var activityIds = activities.Readable().Where(a => a.ProgrammeId == programmeId).Select(a => a.Id);
        var registrations = await PerMonthAsync(db.Set<ActivityRegistration>().AsNoTracking()
            .Where(r => r.Status != RegistrationStatus.Cancelled && activityIds.Contains(r.ActivityId))
            .Select(r => r.CreatedAt), starts, ct);
        var participation = months.Select((m, i) => new MonthParticipation(m, stories[i], participants[i], pledges[i], registrations[i])).ToList();

        // The knowledge balance per project, as the project dashboard counts it (each kind's rule, comments too), over all phases.
        var counted = await db.Items.AsNoTracking()
            .Where(i => projectIds.Contains(i.ProjectId) && (!(i is Story) || ((Story)i).WithdrawnAt == null))
            .GroupBy(i => new { i.ProjectId, i.Kind, i.KnowledgeSource })
            .Select(g => new { g.Key.ProjectId, g.Key.Kind, g.Key.KnowledgeSource, Count = g.Count() })
            .ToListAsync(ct);
        var comments = await db.Comments.AsNoTracking().Where(c => projectIds.Contains(c.ProjectId))
            .GroupBy(c => new { c.ProjectId, c.KnowledgeSource })
            .Select(g => new { g.Key.ProjectId, g.Key.KnowledgeSource, Count = g.Count() })
            .ToListAsync(ct);
        var contributions = counted
            .Select(c => (c.ProjectId, Rule: ThreadKinds.For(c.Kind).Balance, c.KnowledgeSource, c.Count))
            .Where(c => c.Rule.Counts)
            .Select(c => (c.ProjectId, Source: c.Rule.SourceOf(c.KnowledgeSource), c.Count))
            .Concat(comments.Select(c => (c.ProjectId, Source: c.KnowledgeSource, c.Count)))
            .ToLookup(c => c.ProjectId);
        var list = projects.Select(p => new ProgrammeProject(p.Id, p.Title, p.Phase, p.Status,
            KnowledgeBalance.FromCounts(contributions[p.Id].GroupBy(c => c.Source).ToDictionary(g => g.Key, g => g.Sum(c => c.Count))))).ToList();
        var perPhase = Enum.GetValues<Phase>().ToDictionary(ph => ph, ph => projects.Count(p => p.Phase == ph));

        var byStatus = await initiatives.Readable().Where(i => i.ProgrammeId == programmeId)
            .GroupBy(i => i.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
        var perStatus = Enum.GetValues<InitiativeStatus>().ToDictionary(s => s, s => byStatus.Where(b => b.Status == s).Sum(b => b.Count));

        var upcoming = await activities.Readable()
            .Where(a => a.ProgrammeId == programmeId && a.CancelledAt == null && a.EndsAt > now)
            .OrderBy(a => a.StartsAt).ThenBy(a => a.Id).Take(ActivitiesShown)
            .Select(a => new ActivitySummary(a.Id, a.ProgrammeId, a.ProjectId,
                db.Projects.Where(p => p.Id == a.ProjectId).Select(p => p.Title).FirstOrDefault(), a.Type, a.Title, a.StartsAt, a.EndsAt, a.Place, a.Capacity,
                a.RegisteredCount, false))
            .ToListAsync(ct);

        return new ProgrammeDashboardView(programmeId, title, participation, list, perPhase, perStatus, upcoming);
    }

    /// <summary>The first days of the last twelve Dutch calendar months, oldest first, ending with the current one.</summary>
    public static IReadOnlyList<DateOnly> LastMonths(DateTime utcNow)
    {
        var local = Dates.Local(utcNow);
        var current = new DateOnly(local.Year, local.Month, 1);
        return [.. Enumerable.Range(0, MonthsShown).Select(i => current.AddMonths(i - MonthsShown + 1))];
    }

    /// <summary>
    /// How many of the moments fall in each month: one query that gives each moment the number of its month (a CASE
    /// over the month starts, which are the UTC moments Dutch months begin) and counts per number in the database.
    /// Works the same on SQLite and PostgreSQL, and a month follows Dutch time, not UTC.
    /// </summary>
    private static async Task<int[]> PerMonthAsync(IQueryable<DateTime> moments, List<DateTime> starts, CancellationToken ct)
    {
        var from = starts[0];
        var to = starts[^1];
        var rows = await moments.Where(d => d >= from && d < to).Select(MonthIndex(starts))
            .GroupBy(i => i).Select(g => new { Index = g.Key, Count = g.Count() }).ToListAsync(ct);
        var counts = new int[starts.Count - 1];
        foreach (var r in rows) counts[r.Index] = r.Count;
        return counts;
    }

    /// <summary>d &lt; starts[1] ? 0 : d &lt; starts[2] ? 1 : … : 11 (the range itself is filtered before).</summary>
    private static Expression<Func<DateTime, int>> MonthIndex(List<DateTime> starts)
    {
        var d = Expression.Parameter(typeof(DateTime), "d");
        Expression body = Expression.Constant(starts.Count - 2);
        for (var i = starts.Count - 2; i >= 1; i--)
            body = Expression.Condition(Expression.LessThan(d, Expression.Constant(starts[i])), Expression.Constant(i - 1), body);
        return Expression.Lambda<Func<DateTime, int>>(body, d);
    }
}
