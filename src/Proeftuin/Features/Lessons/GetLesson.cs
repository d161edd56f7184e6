using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Members;
using Proeftuin.Features.Projects;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Features.Lessons;

/// <summary>A lesson like it, for "vergelijkbare lessen".</summary>
public sealed record SimilarLesson(int Id, string Title, LessonResult? Result, string? ProjectTitle);

/// <summary>
/// One lesson as its reader may see it. ProjectTitle and Thread are null when the reader may not read the project (a
/// public lesson of a closed project): the lesson is theirs to read, the project's evidence is not. Sources counts the
/// kennisbronnen behind it: the lesson's own and those of the items linked to it that the reader may see.
/// </summary>
public sealed record LessonView(int Id, int ProjectId, string? ProjectTitle, string Title, string Html, string Text, string Context, string Mechanism,
    string Outcome, LessonResult? Result, LessonVisibility Visibility, DateTime? PublishedAt, Phase Phase, Domains Domains, IReadOnlyList<string> Themes,
    Perspective KnowledgeSource, string? AuthorName, DateTime CreatedAt, DateTime UpdatedAt, IReadOnlyDictionary<Perspective, int> Sources,
    IReadOnlyList<SimilarLesson> Similar, bool CanEdit, bool CanPublish)
{
    /// <summary>Written with a decision and not filled in yet: the page asks the team to add the context.</summary>
    public bool Incomplete => Context.Length == 0 || Result is null;
}

public sealed class GetLesson(AppDbContext db, ProjectAccess access, ThreadAccess thread, Caller user)
{
    /// <summary>NotFound for unknown lessons and for team lessons of a project the caller is not a member of.</summary>
    public async Task<Outcome<LessonView>> RunAsync(int id, CancellationToken ct = default)
    {
        var l = await db.Items.OfType<Lesson>().AsNoTracking().Where(x => x.Id == id)
            .Select(x => new
            {
                Lesson = x,
                ProjectTitle = x.Project.Title,
                Themes = x.Themes.OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToList(),
                AuthorName = x.Author == null ? null : x.Author.DisplayName,
            })
            .FirstOrDefaultAsync(ct);
        if (l is null) return Outcome<LessonView>.NotFound();
        var lesson = l.Lesson;
        var p = await access.ForProjectAsync(lesson.ProjectId, ct);
        if (!LessonRules.MayRead(p, lesson.Visibility)) return Outcome<LessonView>.NotFound();

        // The kennisbronnen behind it: its own, and the items it is linked with that this reader may see.
        var sources = new Dictionary<Perspective, int> { [lesson.KnowledgeSource] = 1 };
        if (p is not null)
        {
            var linked = await db.Links.AsNoTracking().Where(k => k.FromId == id || k.ToId == id).Select(k => k.FromId == id ? k.ToId : k.FromId).Distinct().ToListAsync(ct);
            var refs = await thread.RefsAsync(linked, p, ct);
            var visible = refs.Values.Where(r => r.State == ItemState.Visible).Select(r => r.Id).ToList();
            foreach (var g in await db.Items.AsNoTracking().Where(i => visible.Contains(i.Id)).GroupBy(i => i.KnowledgeSource)
                .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
                sources[g.Key] = sources.GetValueOrDefault(g.Key) + g.Count;
        }

        var similar = await SimilarAsync(lesson, [.. l.Themes.Select(t => t.Id)], ct);
        return Outcome<LessonView>.Ok(new LessonView(lesson.Id, lesson.ProjectId, p is null ? null : l.ProjectTitle, lesson.Title, lesson.Html, lesson.Text,
            lesson.Context, lesson.Mechanism, lesson.Outcome, lesson.Result, lesson.Visibility, lesson.PublishedAt, lesson.Phase, lesson.Domains, [.. l.Themes.Select(t => t.Name)],
            lesson.KnowledgeSource, p is { CanSeeMemberNames: true } ? l.AuthorName : null, lesson.CreatedAt, lesson.UpdatedAt, sources, similar,
            p is not null && LessonRules.MayWrite(p), p is not null && LessonRules.MayPublish(p)));
    }

    /// <summary>
    /// Lessons the reader may read that share themes or a domain with this one (shared themes weigh double), newest
    /// first among equals; without themes or domains, those whose words hold the title's longest word.
    /// </summary>
    private async Task<IReadOnlyList<SimilarLesson>> SimilarAsync(Lesson lesson, List<int> themeIds, CancellationToken ct)
    {
        var candidates = LessonRules.Readable(db, user).AsNoTracking().Where(x => x.Id != lesson.Id);
        var domains = lesson.Domains;
        var tagged = themeIds.Count > 0 || domains != Domains.None;
        if (tagged)
        {
            candidates = candidates.Where(x => (x.Domains & domains) != 0 || x.Themes.Any(t => themeIds.Contains(t.Id)));
        }
        else
        {
            var longest = DutchStems.Of(lesson.Title).OrderByDescending(s => s.Length).Take(1).ToList();
            if (longest.Count == 0) return [];
            candidates = candidates.Matching(db, longest);
        }
        var rows = candidates.Select(x => new SimilarRow
        {
            Id = x.Id,
            Title = x.Title,
            Result = x.Result,
            ProjectId = x.ProjectId,
            ProjectTitle = x.Project.Title,
            CreatedAt = x.CreatedAt,
            Score = tagged ? (x.Themes.Count(t => themeIds.Contains(t.Id)) * 2) + ((x.Domains & domains) != 0 ? 1 : 0) : 1,
        });
        var found = await rows.OrderByDescending(r => r.Score).ThenByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Take(LessonLimits.Similar).ToListAsync(ct);
        var readable = await access.ReadableIdsAsync([.. found.Select(r => r.ProjectId).Distinct()], ct);
        return found.Select(r => new SimilarLesson(r.Id, r.Title, r.Result, readable.Contains(r.ProjectId) ? r.ProjectTitle : null)).ToList();
    }

    // Member-initialised (not a positional record), so the database can sort on Score after the projection.
    private sealed class SimilarRow
    {
        public int Id { get; init; }
        public string Title { get; init; } = "";
        public LessonResult? Result { get; init; }
        public int ProjectId { get; init; }
        public string ProjectTitle { get; init; } = "";
        public DateTime CreatedAt { get; init; }
        public int Score { get; init; }
    }
}
