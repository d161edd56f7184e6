using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Members;
using Proeftuin.Features.Stories;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Features.Projects;

public sealed record PhaseStep(Phase? From, Phase To, string Reason, string? By, DateTime At, int Id = 0)
{
    public bool IsBack => From is { } f && To < f;
}

/// <summary>Reviewer: an observer invited as externe reviewer (ADR 0035).</summary>
public sealed record MemberView(int MembershipId, string UserId, string DisplayName, ProjectRole Role, Perspective Perspective, bool Reviewer = false)
{
    /// <summary>The reviewer flag counts with role Observer only.</summary>
    public bool IsReviewer => Reviewer && Role == ProjectRole.Observer;
}

public sealed record NewsSummary(int Id, string Title, string BodyHtml, DateTime PublishedAt);

public sealed record ProjectOverview(
    ProjectPermissions Permissions,
    int Id, string Title, string CentralQuestion, string Description,
    int ProgrammeId, string ProgrammeTitle, int? ParentProjectId, string? ParentTitle,
    Phase Phase, ProjectStatus Status, Visibility Visibility, Domains Domains, IReadOnlyList<string> Themes,
    IReadOnlyList<PhaseStep> PhaseHistory,
    KnowledgeBalance Balance,
    PhaseBalance PhaseBalance,
    // Members is empty for anonymous callers: they see counts only.
    IReadOnlyList<MemberView> Members,
    IReadOnlyList<NewsSummary> News,
    IReadOnlyList<ProjectSummary> SubProjects)
{
    /// <summary>Every gate decision, newest first (Features/Gates, GetGateHistory): shown with the phase history.</summary>
    public IReadOnlyList<Gates.GateView> Gates { get; init; } = [];
}

/// <summary>
/// What every reader of a project is shown before their permissions filter it. One read of it costs about ten small
/// queries, so it is kept with the public pages (SharedCounts) until something shown changes: a signed-in reader then
/// costs the project page two queries (their permissions, their unread count) instead of twelve.
/// </summary>
public sealed record ProjectShared(
    int Id, string Title, string CentralQuestion, string Description, int ProgrammeId, string ProgrammeTitle,
    int? ParentProjectId, string? ParentTitle, Visibility? ParentVisibility,
    Phase Phase, ProjectStatus Status, Visibility Visibility, Domains Domains, IReadOnlyList<string> Themes,
    IReadOnlyList<PhaseStep> History, IReadOnlyList<MemberView> Members, IReadOnlyList<NewsSummary> News,
    IReadOnlyList<ProjectSummary> SubProjects, IReadOnlyList<Gates.GateRecord> Gates,
    IReadOnlyList<GetProjectOverview.CountedContribution> Contributions);

/// <summary>Everything the project page and GET /api/v1/projects/{id} show.</summary>
public sealed class GetProjectOverview(AppDbContext db, ProjectAccess access, SharedCounts shared, BalanceContributors contributors)
{
    public async Task<ProjectOverview?> RunAsync(int projectId, CancellationToken ct = default)
    {
        var permissions = await access.ForProjectAsync(projectId, ct);
        if (permissions is null) return null;
        var p = await shared.GetOrComputeAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"project:{projectId}"),
            token => ReadAsync(projectId, token), ct);

        // The parent shows only to those who may read it: a members-only parent stays unknown.
        var parentVisible = p.ParentProjectId is { } parentId
            && (p.ParentVisibility == Visibility.Open || await access.ForProjectAsync(parentId, ct) is not null);
        // Open sub-projects show to everyone; of the others only those this reader may read (asked only when there are any).
        var closed = p.SubProjects.Where(s => s.Visibility != Visibility.Open).Select(s => s.Id).ToList();
        var readable = closed.Count == 0 ? [] : await access.ReadableIdsAsync(closed, ct);
        var subProjects = p.SubProjects.Where(s => s.Visibility == Visibility.Open || readable.Contains(s.Id)).ToList();

        var people = KnowledgeBalance.FromPeople(p.Members.Select(m => m.Perspective));
        return new ProjectOverview(permissions, p.Id, p.Title, p.CentralQuestion, p.Description, p.ProgrammeId, p.ProgrammeTitle,
            parentVisible ? p.ParentProjectId : null, parentVisible ? p.ParentTitle : null, p.Phase, p.Status, p.Visibility, p.Domains, p.Themes,
            permissions.CanSeeMemberNames ? p.History : p.History.Select(h => h with { By = null }).ToList(),
            people,
            PhaseBalance.From(p.Phase, people, [.. ThreadKinds.Registry.BalanceRows, BalanceRows.Comments, .. contributors.Rows], Contributions(p.Contributions)),
            permissions.CanSeeMemberNames ? p.Members : [],
            p.News, subProjects)
        {
            Gates = Gates.GetGateHistory.For(p.Gates, permissions),
        };
    }

    private async Task<ProjectShared> ReadAsync(int projectId, CancellationToken ct)
    {
        var p = await db.Projects.AsNoTracking().Where(x => x.Id == projectId)
            .Select(x => new
            {
                x.Id,
                x.Title,
                x.CentralQuestion,
                x.Description,
                x.ProgrammeId,
                ProgrammeTitle = x.Programme.Title,
                x.ParentProjectId,
                ParentTitle = x.ParentProject == null ? null : x.ParentProject.Title,
                ParentVisibility = x.ParentProject == null ? (Visibility?)null : x.ParentProject.Visibility,
                x.Phase,
                x.Status,
                x.Visibility,
                x.Domains,
                Themes = x.Themes.OrderBy(t => t.Name).Select(t => t.Name).ToList(),
            })
            .FirstAsync(ct);

        var history = await db.PhaseTransitions.AsNoTracking().Where(t => t.ProjectId == projectId)
            .OrderByDescending(t => t.At).ThenByDescending(t => t.Id)
            .Select(t => new PhaseStep(t.FromPhase, t.ToPhase, t.Reason, t.ByUser == null ? null : t.ByUser.DisplayName, t.At, t.Id))
            .ToListAsync(ct);

        var members = await db.Memberships.AsNoTracking().Where(m => m.ProjectId == projectId)
            .OrderBy(m => m.User.DisplayName)
            .Select(m => new MemberView(m.Id, m.UserId, m.User.DisplayName, m.Role, m.Perspective, m.Reviewer))
            .ToListAsync(ct);

        var news = await db.NewsItems.AsNoTracking().Where(n => n.ProjectId == projectId)
            .OrderByDescending(n => n.PublishedAt).Take(10)
            .Select(n => new NewsSummary(n.Id, n.Title, n.BodyHtml, n.PublishedAt))
            .ToListAsync(ct);

        // Every sub-project, members-only ones too: RunAsync filters them per reader (FindProjects' order).
        var subProjects = await db.Projects.AsNoTracking().Where(x => x.ProgrammeId == p.ProgrammeId && x.ParentProjectId == projectId)
            .OrderBy(x => x.Title)
            .Select(FindProjects.Summary)
            .ToListAsync(ct);

        return new ProjectShared(p.Id, p.Title, p.CentralQuestion, p.Description, p.ProgrammeId, p.ProgrammeTitle,
            p.ParentProjectId, p.ParentTitle, p.ParentVisibility, p.Phase, p.Status, p.Visibility, p.Domains, p.Themes,
            history, members, news, subProjects, await Gates.GetGateHistory.ReadAsync(db, projectId, ct), await CountContributionsAsync(projectId, p.Phase, ct));
    }

    /// <summary>One grouped count: items of a kind from a knowledge source; no kind: reacties, or the row of a contributor (IBalanceContributor).</summary>
    public sealed record CountedContribution(ItemKind? Kind, Perspective Source, int Count, string? Row = null);

    /// <summary>
    /// Contributions in this phase by kind and knowledge source: two grouped counts on covering indexes (ADR 0026), and
    /// those of the contributors (a live session's post-its and stippen).
    /// </summary>
    private async Task<List<CountedContribution>> CountContributionsAsync(int projectId, Phase phase, CancellationToken ct)
    {
        var items = await db.Items.AsNoTracking()
            .Where(i => i.ProjectId == projectId && i.Phase == phase && (!(i is Story) || ((Story)i).WithdrawnAt == null))
            .GroupBy(i => new { i.Kind, i.KnowledgeSource })
            .Select(g => new CountedContribution(g.Key.Kind, g.Key.KnowledgeSource, g.Count()))
            .ToListAsync(ct);
        var comments = await db.Comments.AsNoTracking()
            .Where(c => c.ProjectId == projectId && c.Phase == phase)
            .GroupBy(c => c.KnowledgeSource)
            .Select(g => new CountedContribution(null, g.Key, g.Count()))
            .ToListAsync(ct);
        var others = await contributors.CountAsync(projectId, ct);
        return [.. items, .. comments, .. others.Where(o => o.Phase == phase).Select(o => new CountedContribution(null, o.Source, o.Count, o.Row))];
    }

    /// <summary>Each kind says where it counts (its descriptor); a kind without one throws rather than count as another.</summary>
    private List<(BalanceRow, Perspective, int)> Contributions(IEnumerable<CountedContribution> rows) =>
        rows.Select(r => r.Kind is { } kind
                ? (Rule: ThreadKinds.For(kind).Balance, r.Source, r.Count, r.Row)
                : (Rule: (BalanceRule?)null, r.Source, r.Count, r.Row))
            .Where(r => r.Rule is null || r.Rule.Counts)
            .Select(r => r.Rule is { } rule ? (rule.Row!, rule.SourceOf(r.Source), r.Count)
                : r.Row is { } slug ? (contributors.Row(slug), r.Source, r.Count)
                : (BalanceRows.Comments, r.Source, r.Count))
            .ToList();
}
