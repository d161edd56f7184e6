using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Members;
using Proeftuin.Features.Projects;

namespace Proeftuin.Web;

/// <summary>
/// What the current user may do in one project. All project authorization lives here,
/// so pages, API and (later) hubs apply the same rules.
/// </summary>
public sealed record ProjectPermissions(int ProjectId, int ProgrammeId, Visibility Visibility, ProjectRole? Role, Perspective? Perspective, bool IsAdmin, bool IsSignedIn, string? UserId = null, bool IsReviewer = false)
{
    public bool IsMember => Role is not null;
    public bool CanRead => Visibility == Visibility.Open || IsMember || IsAdmin;
    /// <summary>Facilitators (and admins, for moderation) manage members, phases, news and the project itself.</summary>
    public bool CanManage => Role == ProjectRole.Facilitator || IsAdmin;
    /// <summary>Anonymous callers see counts of members, not who they are.</summary>
    public bool CanSeeMemberNames => IsSignedIn && CanRead;
    /// <summary>The team: members with role Member or higher (not observers). Reads stories with consent scope Team.</summary>
    public bool IsTeam => Role is >= ProjectRole.Member;
    /// <summary>Members (not observers) add insights, needs, questions, links and comments.</summary>
    public bool CanContribute => IsTeam;
    /// <summary>Facilitators and evaluators export the stories and their signification.</summary>
    public bool CanExport => Role is ProjectRole.Facilitator or ProjectRole.Evaluator;
    /// <summary>Facilitators (and admins) run live sessions and curate: the same people as <see cref="CanManage"/>, named for what they do.</summary>
    public bool CanFacilitate => CanManage;
    /// <summary>Members (observers too) and facilitators see the project's workspace: members, live sessions.</summary>
    public bool CanSeeWorkspace => IsMember || CanManage;
    /// <summary>The analysis page offers its tools (the framework to edit, the export) to who may use one of them.</summary>
    public bool CanSeeAnalysisTools => CanManage || CanExport;
    /// <summary>Reacties: the team, and an external reviewer (an observer with the reviewer flag, ADR 0035).</summary>
    public bool CanComment => IsTeam || IsReviewer;
    /// <summary>Review advice for the next gate (Features/Review): evaluators and external reviewers.</summary>
    public bool CanReview => Role == ProjectRole.Evaluator || IsReviewer;
}

public sealed class ProjectAccess(AppDbContext db, Caller user)
{
    // One request often asks twice (the page, then its use case): ask the database once.
    private readonly Dictionary<int, ProjectPermissions?> known = [];

    /// <summary>Null when the project does not exist or may not be read: callers answer 404 either way, so existence does not leak.</summary>
    public async Task<ProjectPermissions?> ForProjectAsync(int projectId, CancellationToken ct = default)
    {
        if (known.TryGetValue(projectId, out var cached)) return cached;
        var permissions = await LoadAsync(projectId, ct);
        known[projectId] = permissions;
        return permissions;
    }

    /// <summary>Forget what was read, after a change to roles or membership within this request.</summary>
    public void Forget(int projectId) => known.Remove(projectId);

    private async Task<ProjectPermissions?> LoadAsync(int projectId, CancellationToken ct)
    {
        var userId = user.Id;
        // A plain left join on the unique (project, person) index; "first membership of the person" made SQLite number
        // all of theirs with a window function. Not an EF compiled query: those throw when one process holds two models
        // (the PostgreSQL test run also starts SQLite apps).
        var row = await (from p in db.Projects.AsNoTracking()
                         where p.Id == projectId
                         from m in db.Memberships.Where(m => m.ProjectId == p.Id && m.UserId == userId).DefaultIfEmpty()
                         select new { p.Id, p.ProgrammeId, p.Visibility, Role = m == null ? (ProjectRole?)null : m.Role, Perspective = m == null ? (Perspective?)null : m.Perspective, Reviewer = m != null && m.Reviewer })
            .FirstOrDefaultAsync(ct);
        if (row is null) return null;
        var permissions = new ProjectPermissions(row.Id, row.ProgrammeId, row.Visibility, row.Role, row.Perspective, user.IsAdmin, user.IsSignedIn, userId,
            IsReviewer: row.Reviewer && row.Role == ProjectRole.Observer);
        return permissions.CanRead ? permissions : null;
    }

    /// <summary>Which of these projects the current user may read; asks the database only about ids not already known.</summary>
    public async Task<HashSet<int>> ReadableIdsAsync(IReadOnlyCollection<int> projectIds, CancellationToken ct = default)
    {
        var readable = projectIds.Where(id => known.TryGetValue(id, out var p) && p is not null).ToHashSet();
        var unknown = projectIds.Where(id => !known.ContainsKey(id)).Distinct().ToList();
        if (unknown.Count > 0)
            readable.UnionWith(await ReadableProjects().Where(p => unknown.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct));
        return readable;
    }

    /// <summary>The projects the current user may read, as a query to build on.</summary>
    public IQueryable<Project> ReadableProjects()
    {
        if (user.IsAdmin) return db.Projects;
        var userId = user.Id;
        return userId is null
            ? db.Projects.Where(p => p.Visibility == Visibility.Open)
            : db.Projects.Where(p => p.Visibility == Visibility.Open || p.Members.Any(m => m.UserId == userId));
    }
}
