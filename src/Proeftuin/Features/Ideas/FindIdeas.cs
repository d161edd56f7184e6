using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Members;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Features.Ideas;

public sealed record IdeaListItem(int Id, string Title, IdeaStatus Status, Perspective KnowledgeSource, DateTime CreatedAt,
    IReadOnlyList<QuestionRef> Questions, SupportCount Support);

/// <summary>One page of a project's ideas, best supported first (balanced, then raw), optionally of one status.</summary>
public sealed record IdeaList(ProjectPermissions Permissions, int ProjectId, string ProjectTitle, IdeaStatus? Filter,
    IReadOnlyList<IdeaListItem> Ideas, IReadOnlyDictionary<IdeaStatus, int> CountByStatus, ProjectSupport Support, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>The ideas of a project for its list page and the API: same rules as the project (ProjectAccess).</summary>
public sealed class FindIdeas(AppDbContext db, ProjectAccess access, IdeaSupportTally tally)
{
    public const int PageSize = 50;

    /// <summary>Null when the project does not exist or may not be read. A page past the end is empty.</summary>
    public async Task<IdeaList?> RunAsync(int projectId, IdeaStatus? status, int page, CancellationToken ct = default)
    {
        var p = await access.ForProjectAsync(projectId, ct);
        if (p is null) return null;
        page = Math.Max(1, page);
        var title = await db.Projects.Where(x => x.Id == projectId).Select(x => x.Title).FirstAsync(ct);
        // Every idea takes part in the balance; only the page shown gets its questions.
        var all = await db.Items.OfType<Idea>().AsNoTracking().Where(i => i.ProjectId == projectId)
            .Select(i => new { i.Id, i.Title, i.Status, i.KnowledgeSource, i.CreatedAt }).ToListAsync(ct);
        var support = await tally.ForProjectAsync(projectId, all.Select(i => i.Id).ToList(), ct);
        var counts = all.GroupBy(i => i.Status).ToDictionary(g => g.Key, g => g.Count());
        var byId = all.ToDictionary(i => i.Id);
        var ordered = support.Order.Select(id => byId[id]).Where(i => status is null || i.Status == status).ToList();
        var shown = ordered.Skip((page - 1) * PageSize).Take(PageSize).ToList();
        var questions = await tally.QuestionsAsync(shown.Select(i => i.Id).ToList(), ct);
        var items = shown.Select(i => new IdeaListItem(i.Id, i.Title, i.Status, i.KnowledgeSource, i.CreatedAt,
            questions.GetValueOrDefault(i.Id) ?? [], support.For(i.Id))).ToList();
        return new IdeaList(p, projectId, title, status, items, counts, support, ordered.Count, page, PageSize);
    }
}
