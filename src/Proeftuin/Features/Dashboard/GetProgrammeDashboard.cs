using System.Linq.Expressions;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Proeftuin.Data;
using Proeftuin.Features.Activities;
using Proeftuin.Features.Initiatives;
using Proeftuin.Features.Members;
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

/// <summary>
/// What every reader of a programme's dashboard is shown before their permissions filter it, for the twelve months from
/// the first month named in its key: per project of the programme, its stories per month and its contributions per
/// kennisbron. Kept with the public pages (SharedCounts) until something shown changes.
/// </summary>
public sealed record ProgrammeCounts(IReadOnlyList<ProjectCounts> Projects);

/// <summary>One project's part of <see cref="ProgrammeCounts"/>.</summary>
public sealed record ProjectCounts(int ProjectId, int[] Stories, Dictionary<Perspective, int> Balance);

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
/// however much data there is: each month series is one grouped query over twelve month ranges, and the stories and
/// the knowledge balance (most of the rows) are counted once for all readers (<see cref="ProgrammeCounts"/>).
/// </summary>
public sealed class GetProgrammeDashboard(AppDbContext db, ProjectAccess access, FindInitiatives initiatives, ActivityRules activities, SharedCounts shared, BalanceContributors contributors, TimeProvider clock)
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

        // The heavy part (every story and contribution of the programme) is the same for every reader: counted once per
        // programme and kept until something shown changes; each reader then gets only the projects they may read.
        var counts = await shared.GetOrComputeAsync(
            string.Create(CultureInfo.InvariantCulture, $"programme-dashboard:{programmeId}:{months[0]:yyyy-MM}"),
            token => CountAsync(programmeId, starts, token), ct);
        var perProject = counts.Projects.ToDictionary(c => c.ProjectId);
        var readableCounts = projects.Select(p => perProject.GetValueOrDefault(p.Id)).OfType<ProjectCounts>().ToList();

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
        var participation = months.Select((m, i) => new MonthParticipation(m, readableCounts.Sum(c => c.Stories[i]), participants[i], pledges[i], registrations[i])).ToList();

        var list = projects.Select(p => new ProgrammeProject(p.Id, p.Title, p.Phase, p.Status,
            KnowledgeBalance.FromCounts(perProject.TryGetValue(p.Id, out var c) ? c.Balance : new Dictionary<Perspective, int>()))).ToList();
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

    /// <summary>
    /// Per project of the programme (all of them, whoever asks): its stories per month (withdrawn ones are gone from
    /// everything; hidden ones the query filter leaves out) and its contributions per kennisbron over all phases, as the
    /// project dashboard counts them (each kind's rule, reacties, a live session's post-its and stippen). Grouped by phase as well, in the order of the
    /// covering index on Items, so the database reads the index and no rows.
    /// </summary>
    private async Task<ProgrammeCounts> CountAsync(int programmeId, List<DateTime> starts, CancellationToken ct)
    {
        var projectIds = db.Projects.Where(p => p.ProgrammeId == programmeId).Select(p => p.Id);
        var stories = await PerMonthAsync(db.Stories.AsNoTracking().Where(s => projectIds.Contains(s.ProjectId) && s.WithdrawnAt == null),
            s => s.ProjectId, s => s.CreatedAt, starts, ct);
        var counted = await db.Items.AsNoTracking()
            .Where(i => projectIds.Contains(i.ProjectId) && (!(i is Story) || ((Story)i).WithdrawnAt == null))
            .GroupBy(i => new { i.ProjectId, i.Phase, i.Kind, i.KnowledgeSource })
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
            .Concat((await contributors.CountAsync(projectIds, ct)).Select(o => (o.ProjectId, o.Source, o.Count)))
            .ToLookup(c => c.ProjectId);
        var ids = await projectIds.ToListAsync(ct);
        return new ProgrammeCounts([.. ids.Select(id => new ProjectCounts(id,
            stories.TryGetValue(id, out var perMonth) ? perMonth : new int[starts.Count - 1],
            contributions[id].GroupBy(c => c.Source).ToDictionary(g => g.Key, g => g.Sum(c => c.Count))))]);
    }

    /// <summary>The first days of the last twelve Dutch calendar months, oldest first, ending with the current one.</summary>
    public static IReadOnlyList<DateOnly> LastMonths(DateTime utcNow)
    {
        var local = Dates.Local(utcNow);
        var current = new DateOnly(local.Year, local.Month, 1);
        return [.. Enumerable.Range(0, MonthsShown).Select(i => current.AddMonths(i - MonthsShown + 1))];
    }

    /// <summary>How many of the moments fall in each month (see the grouped overload).</summary>
    private static async Task<int[]> PerMonthAsync(IQueryable<DateTime> moments, List<DateTime> starts, CancellationToken ct) =>
        (await PerMonthAsync(moments, _ => 0, d => d, starts, ct)).GetValueOrDefault(0) ?? new int[starts.Count - 1];

    /// <summary>
    /// How many rows fall in each month, per group (a project): one query that gives each row the number of its month (a
    /// CASE over the month starts, which are the UTC moments Dutch months begin) and counts per group and number in the
    /// database. The two travel as one number (group × 16 + month) because EF Core groups by one column most simply.
    /// Works the same on SQLite and PostgreSQL, and a month follows Dutch time, not UTC.
    /// </summary>
    private static async Task<Dictionary<int, int[]>> PerMonthAsync<T>(
        IQueryable<T> rows, Expression<Func<T, int>> group, Expression<Func<T, DateTime>> moment, List<DateTime> starts, CancellationToken ct)
    {
        const int Width = 16; // more than the twelve months
        var row = moment.Parameters[0];
        var at = moment.Body;
        var inRange = Expression.Lambda<Func<T, bool>>(
            Expression.AndAlso(Expression.GreaterThanOrEqual(at, Expression.Constant(starts[0])), Expression.LessThan(at, Expression.Constant(starts[^1]))), row);
        // at < starts[1] ? 0 : at < starts[2] ? 1 : … : 11 (the range itself is filtered before).
        Expression month = Expression.Constant(starts.Count - 2);
        for (var i = starts.Count - 2; i >= 1; i--)
            month = Expression.Condition(Expression.LessThan(at, Expression.Constant(starts[i])), Expression.Constant(i - 1), month);
        var groupBody = ReplacingExpressionVisitor.Replace(group.Parameters[0], row, group.Body);
        var key = Expression.Lambda<Func<T, int>>(Expression.Add(Expression.Multiply(groupBody, Expression.Constant(Width)), month), row);

        var counted = await rows.Where(inRange).Select(key)
            .GroupBy(k => k).Select(g => new { Key = g.Key, Count = g.Count() }).ToListAsync(ct);
        var result = new Dictionary<int, int[]>();
        foreach (var c in counted)
        {
            var (groupId, index) = Math.DivRem(c.Key, Width);
            if (!result.TryGetValue(groupId, out var perMonth)) result[groupId] = perMonth = new int[starts.Count - 1];
            perMonth[index] = c.Count;
        }
        return result;
    }
}
