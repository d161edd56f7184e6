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

public sealed record MemberView(int MembershipId, string UserId, string DisplayName, ProjectRole Role, Perspective Perspective);

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

/// <summary>Everything the project page and GET /api/v1/projects/{id} show, in a handful of queries.</summary>
public sealed class GetProjectOverview(AppDbContext db, ProjectAccess access, FindProjects findProjects, SharedCounts shared, Gates.GetGateHistory gates)
{
    public async Task<ProjectOverview?> RunAsync(int projectId, CancellationToken ct = default)
    {
        var permissions = await access.ForProjectAsync(projectId, ct);
        if (permissions is null) return null;

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
            .Select(m => new MemberView(m.Id, m.UserId, m.User.DisplayName, m.Role, m.Perspective))
            .ToListAsync(ct);

        var news = await db.NewsItems.AsNoTracking().Where(n => n.ProjectId == projectId)
            .OrderByDescending(n => n.PublishedAt).Take(10)
            .Select(n => new NewsSummary(n.Id, n.Title, n.BodyHtml, n.PublishedAt))
            .ToListAsync(ct);

        var contributions = await CountContributionsAsync(projectId, p.Phase, ct);

        var subProjects = await findProjects.RunAsync(new ProjectFilter(p.ProgrammeId, ParentProjectId: projectId), ct);
        // The parent shows only to those who may read it: a members-only parent stays unknown.
        var parentVisible = p.ParentProjectId is { } parentId && await access.ForProjectAsync(parentId, ct) is not null;

        var people = KnowledgeBalance.FromPeople(members.Select(m => m.Perspective));
        return new ProjectOverview(permissions, p.Id, p.Title, p.CentralQuestion, p.Description, p.ProgrammeId, p.ProgrammeTitle,
            parentVisible ? p.ParentProjectId : null, parentVisible ? p.ParentTitle : null, p.Phase, p.Status, p.Visibility, p.Domains, p.Themes,
            permissions.CanSeeMemberNames ? history : history.Select(h => h with { By = null }).ToList(),
            people,
            PhaseBalance.From(p.Phase, people, [.. ThreadKinds.Registry.BalanceRows, BalanceRows.Comments], contributions),
            permissions.CanSeeMemberNames ? members : [],
            news, subProjects)
        {
            Gates = await gates.RunAsync(projectId, ct) ?? [],
        };
    }

    /// <summary>One grouped count: items of a kind (Comment null: comments) from a knowledge source.</summary>
    public sealed record CountedContribution(ItemKind? Kind, Perspective Source, int Count);

    /// <summary>
    /// Contributions in this phase by kind and knowledge source: two grouped counts on covering indexes. They are the same
    /// for every reader, so they are kept with the public pages (SharedCounts) until something shown changes: a project
    /// of 50,000 stories is not counted again on every signed-in request (ADR 0026).
    /// </summary>
    private async Task<List<(BalanceRow, Perspective, int)>> CountContributionsAsync(int projectId, Phase phase, CancellationToken ct)
    {
        var key = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"balance:{projectId}:{(int)phase}");
        var rows = await shared.GetOrComputeAsync(key, async token =>
        {
            var items = await db.Items.AsNoTracking()
                .Where(i => i.ProjectId == projectId && i.Phase == phase && (!(i is Story) || ((Story)i).WithdrawnAt == null))
                .GroupBy(i => new { i.Kind, i.KnowledgeSource })
                .Select(g => new CountedContribution(g.Key.Kind, g.Key.KnowledgeSource, g.Count()))
                .ToListAsync(token);
            var comments = await db.Comments.AsNoTracking()
                .Where(c => c.ProjectId == projectId && c.Phase == phase)
                .GroupBy(c => c.KnowledgeSource)
                .Select(g => new CountedContribution(null, g.Key, g.Count()))
                .ToListAsync(token);
            return items.Concat(comments).ToList();
        }, ct);
        // Each kind says where it counts (its descriptor); a kind without one throws rather than count as another.
        return rows.Select(r => r.Kind is { } kind
                ? (Rule: ThreadKinds.For(kind).Balance, r.Source, r.Count)
                : (Rule: (BalanceRule?)null, r.Source, r.Count))
            .Where(r => r.Rule is null || r.Rule.Counts)
            .Select(r => r.Rule is null ? (BalanceRows.Comments, r.Source, r.Count) : (r.Rule.Row!, r.Rule.SourceOf(r.Source), r.Count))
            .ToList();
    }
}
