using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Members;
using Proeftuin.Features.Projects;
using Proeftuin.Web;

namespace Proeftuin.Features.Thread;

public sealed record ItemView(
    int Id, ItemKind Kind, int ProjectId, string ProjectTitle, string Title, string Html, Perspective KnowledgeSource, Phase Phase,
    string? AuthorName, DateTime CreatedAt, DateTime UpdatedAt, bool CanEdit,
    string? Quote, string? Citation, string? Url, IReadOnlyList<JourneyStep> Steps);

/// <summary>One item for its page. Stories are not shown here: the page sends them on to /verhalen/{id}.</summary>
public sealed class GetItem(AppDbContext db, ThreadAccess thread)
{
    public async Task<Outcome<ItemView>> RunAsync(int id, CancellationToken ct = default)
    {
        var readable = await thread.ReadableAsync(id, ct);
        if (readable is not var (item, p)) return Outcome<ItemView>.NotFound();
        var projectTitle = await db.Projects.Where(x => x.Id == item.ProjectId).Select(x => x.Title).FirstAsync(ct);
        var author = item.AuthorId is null ? null : await db.Users.Where(u => u.Id == item.AuthorId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        var steps = item is JourneyMap
            ? await db.JourneySteps.AsNoTracking().Where(s => s.JourneyMapId == id).OrderBy(s => s.Position).ToListAsync(ct)
            : [];
        return Outcome<ItemView>.Ok(new ItemView(item.Id, item.Kind, item.ProjectId, projectTitle, item.Title, item.Html, item.KnowledgeSource, item.Phase,
            p.CanSeeMemberNames ? author : null, item.CreatedAt, item.UpdatedAt, ThreadKinds.For(item.Kind).Creatable && ThreadAccess.MayChange(p, item.AuthorId),
            (item as Persona)?.Quote, (item as Source)?.Citation, (item as Source)?.Url, steps));
    }
}
