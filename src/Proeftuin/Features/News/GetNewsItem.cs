using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.News;

public sealed record NewsItemView(int Id, string Title, string BodyHtml, DateTime PublishedAt, int? ProgrammeId, int? ProjectId, string ParentTitle, bool CanEdit);

/// <summary>A news item is readable wherever its programme or project is.</summary>
public sealed class GetNewsItem(AppDbContext db, ProjectAccess access, Caller me)
{
    public async Task<NewsItemView?> RunAsync(int id, CancellationToken ct = default)
    {
        var item = await db.NewsItems.AsNoTracking().FirstOrDefaultAsync(n => n.Id == id, ct);
        if (item is null) return null;
        var canEdit = me.IsAdmin;
        string parentTitle;
        if (item.ProjectId is { } projectId)
        {
            var permissions = await access.ForProjectAsync(projectId, ct);
            if (permissions is null) return null;
            canEdit = permissions.CanManage;
            parentTitle = await db.Projects.Where(p => p.Id == projectId).Select(p => p.Title).FirstAsync(ct);
        }
        else
        {
            parentTitle = await db.Programmes.Where(p => p.Id == item.ProgrammeId).Select(p => p.Title).FirstAsync(ct);
        }
        return new NewsItemView(item.Id, item.Title, item.BodyHtml, item.PublishedAt, item.ProgrammeId, item.ProjectId, parentTitle, canEdit);
    }
}
