using Microsoft.EntityFrameworkCore;
using Proeftuin.Web;

namespace Proeftuin.Features.Projects;

public sealed record ProjectFilter(int? ProgrammeId = null, Domains? Domain = null, string? Theme = null, Phase? Phase = null, ProjectStatus? Status = null, int? ParentProjectId = null);

public sealed record ProjectSummary(
    int Id, int ProgrammeId, int? ParentProjectId, string Title, string CentralQuestion,
    Phase Phase, ProjectStatus Status, Visibility Visibility, Domains Domains, IReadOnlyList<string> Themes);

/// <summary>The projects the caller may read, filtered; one query for pages and API alike.</summary>
public sealed class FindProjects(ProjectAccess access)
{
    /// <summary>A project as its card shows it; also the project page's sub-projects (GetProjectOverview).</summary>
    internal static readonly System.Linq.Expressions.Expression<Func<Project, ProjectSummary>> Summary = p =>
        new ProjectSummary(p.Id, p.ProgrammeId, p.ParentProjectId, p.Title, p.CentralQuestion, p.Phase, p.Status, p.Visibility, p.Domains,
            p.Themes.OrderBy(t => t.Name).Select(t => t.Name).ToList());

    public async Task<List<ProjectSummary>> RunAsync(ProjectFilter filter, CancellationToken ct = default)
    {
        var q = access.ReadableProjects().AsNoTracking();
        if (filter.ProgrammeId is { } programmeId) q = q.Where(p => p.ProgrammeId == programmeId);
        if (filter.ParentProjectId is { } parentId) q = q.Where(p => p.ParentProjectId == parentId);
        if (filter.Domain is { } domain) q = q.Where(p => (p.Domains & domain) != 0);
        if (!string.IsNullOrWhiteSpace(filter.Theme))
        {
            // Theme names are stored in lower case (ManageThemes), so the index on Name can be used.
            var theme = filter.Theme.Trim().ToLowerInvariant();
            q = q.Where(p => p.Themes.Any(t => t.Name == theme));
        }
        if (filter.Phase is { } phase) q = q.Where(p => p.Phase == phase);
        if (filter.Status is { } status) q = q.Where(p => p.Status == status);
        var projects = await q
            .OrderBy(p => p.ParentProjectId != null).ThenBy(p => p.Title)
            .Select(Summary)
            .ToListAsync(ct);
        // An open sub-project must not reveal a members-only parent, not even by its id. Parents in this
        // list are readable already; only the others are asked about.
        var listed = projects.Select(p => p.Id).ToHashSet();
        var otherParents = projects.Where(p => p.ParentProjectId is { } id && !listed.Contains(id)).Select(p => p.ParentProjectId!.Value).Distinct().ToList();
        if (otherParents.Count == 0) return projects;
        var readable = await access.ReadableIdsAsync(otherParents, ct);
        return projects.Select(p => p.ParentProjectId is { } id && !listed.Contains(id) && !readable.Contains(id) ? p with { ParentProjectId = null } : p).ToList();
    }
}
