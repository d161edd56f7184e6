using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Projects;

namespace Proeftuin.Features.Lessons;

/// <summary>
/// A public lesson as open data: what anyone may reuse. The project is named only when the project itself is open;
/// nobody's name is in it.
/// </summary>
public sealed record OpenLesson(int Id, string Url, string Title, string Lesson, string Context, string Mechanism, string Outcome, string? Result,
    string Phase, IReadOnlyList<string> Domains, IReadOnlyList<string> Themes, string KnowledgeSource, string? Project, DateTime? PublishedAt);

/// <summary>Every public lesson, newest first, for <c>/lessen/open-data.json</c>: the same for every caller.</summary>
public sealed class ExportOpenLessons(AppDbContext db, Web.PublicUrl urls)
{
    public async Task<List<OpenLesson>> RunAsync(CancellationToken ct = default)
    {
        var rows = await db.Items.OfType<Lesson>().AsNoTracking().Where(l => l.Visibility == LessonVisibility.Public)
            .OrderByDescending(l => l.PublishedAt).ThenByDescending(l => l.Id)
            .Select(l => new
            {
                l.Id,
                l.Title,
                l.Text,
                l.Context,
                l.Mechanism,
                l.Outcome,
                l.Result,
                l.Phase,
                l.Domains,
                Themes = l.Themes.OrderBy(t => t.Name).Select(t => t.Name).ToList(),
                l.KnowledgeSource,
                Project = l.Project.Visibility == Visibility.Open ? l.Project.Title : null,
                l.PublishedAt,
            })
            .ToListAsync(ct);
        return rows.Select(r => new OpenLesson(r.Id, $"{urls.Base}/lessen/{r.Id}", r.Title, r.Text, r.Context, r.Mechanism, r.Outcome,
            r.Result is { } res ? LessonSlugs.Result.Of(res) : null, ProjectSlugs.Phase.Of(r.Phase), r.Domains.Slugs(), r.Themes,
            Members.MemberSlugs.Perspective.Of(r.KnowledgeSource), r.Project, r.PublishedAt)).ToList();
    }
}
