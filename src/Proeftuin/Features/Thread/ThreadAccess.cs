using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Moderation;
using Proeftuin.Features.Stories;
using Proeftuin.Web;

namespace Proeftuin.Features.Thread;

/// <summary>How an item shows to this reader: stories they may not read keep their place but lose title and link.</summary>
public enum ItemState
{
    Visible,
    /// <summary>"een verhaal dat je niet kunt lezen"</summary>
    Hidden,
    /// <summary>"ingetrokken verhaal"</summary>
    Withdrawn,
    /// <summary>"verborgen door moderatie"</summary>
    Moderated,
}

/// <summary>An item as one reader may see it. Title is null unless Visible.</summary>
public sealed record ItemRef(int Id, ItemKind Kind, string? Title, ItemState State)
{
    public string? Url => State == ItemState.Visible ? ThreadWords.PageUrl(Kind, Id) : null;

    /// <summary>What to show instead of a title (Dutch localizer key, or the title itself).</summary>
    public string Shown => State switch
    {
        ItemState.Hidden => Kind == ItemKind.Lesson ? Lessons.LessonRules.HiddenLesson : ThreadAccess.HiddenStory,
        ItemState.Withdrawn => ThreadAccess.WithdrawnStory,
        ItemState.Moderated => Moderation.ModerationRules.Placeholder,
        _ => Title ?? "",
    };
}

/// <summary>
/// Reading items of the thread with the project's rules (ProjectAccess) and, for stories, the consent rules
/// (StoryConsent): the helpers every use case here starts from.
/// </summary>
public sealed class ThreadAccess(AppDbContext db, ProjectAccess access)
{
    public const string HiddenStory = "een verhaal dat je niet kunt lezen";
    public const string WithdrawnStory = "ingetrokken verhaal";

    /// <summary>
    /// The item and what the caller may do in its project; null when it does not exist, its project may not be
    /// read, or it is a story the caller may not read (withdrawn ones included): all answer 404 alike.
    /// </summary>
    public async Task<(ThreadItem Item, ProjectPermissions Permissions)?> ReadableAsync(int id, CancellationToken ct = default)
    {
        var item = await db.Items.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null) return null;
        var p = await access.ForProjectAsync(item.ProjectId, ct);
        if (p is null) return null;
        if (item is Story s && !p.CanRead(s)) return null;
        if (item is Lessons.Lesson l && !Lessons.LessonRules.MayRead(p, l.Visibility)) return null;
        return (item, p);
    }

    /// <summary>Who may change an item, comment or link they made: its author while on the team, and facilitators.</summary>
    public static bool MayChange(ProjectPermissions p, string? authorId) =>
        p.CanManage || (p.CanContribute && authorId is not null && authorId == p.UserId);

    /// <summary>Who may change a comment: as <see cref="MayChange"/>, and an external reviewer their own (ADR 0035).</summary>
    public static bool MayChangeComment(ProjectPermissions p, string? authorId) =>
        p.CanManage || (p.CanComment && authorId is not null && authorId == p.UserId);

    /// <summary>A story's title as shown in lists; stories may have none.</summary>
    public static string StoryTitle(ProjectPermissions? p, Story s) =>
        !string.IsNullOrWhiteSpace(s.Title) ? s.Title : "Verhaal van " + (p is null ? StoryConsent.ShownName(s) : p.ShownName(s));

    /// <summary>
    /// These items as the reader sees them. <paramref name="p"/> is null for a reader who may not read the
    /// project (a storyteller with a private link): then no story but their own shows.
    /// </summary>
    public async Task<Dictionary<int, ItemRef>> RefsAsync(IReadOnlyCollection<int> ids, ProjectPermissions? p, CancellationToken ct = default)
    {
        var refs = new Dictionary<int, ItemRef>();
        if (ids.Count == 0) return refs;
        // Hidden by moderation: the item keeps its place on the thread as "verborgen door moderatie", without title or link.
        var moderated = await db.Items.WithHidden().AsNoTracking().Where(i => ids.Contains(i.Id) && i.HiddenAt != null).Select(i => new { i.Id, i.Kind }).ToListAsync(ct);
        foreach (var m in moderated) refs[m.Id] = new ItemRef(m.Id, m.Kind, null, ItemState.Moderated);
        var others = await db.Items.AsNoTracking().Where(i => ids.Contains(i.Id) && i.Kind != ItemKind.Story)
            .Select(i => new { i.Id, i.Kind, i.Title, LessonVisibility = i is Lessons.Lesson ? ((Lessons.Lesson)i).Visibility : (Lessons.LessonVisibility?)null })
            .ToListAsync(ct);
        // A team lesson keeps its place but loses title and link for who is not on the team, as a story does (ADR 0034).
        foreach (var o in others)
            refs[o.Id] = o.LessonVisibility is { } v && !Lessons.LessonRules.MayRead(p, v)
                ? new ItemRef(o.Id, o.Kind, null, ItemState.Hidden)
                : new ItemRef(o.Id, o.Kind, o.Title, ItemState.Visible);
        var stories = await db.Stories.AsNoTracking().Where(s => ids.Contains(s.Id))
            .Select(s => new Story { Id = s.Id, ProjectId = s.ProjectId, Title = s.Title, Scope = s.Scope, TellerId = s.TellerId, TellerName = s.TellerName, WithdrawnAt = s.WithdrawnAt })
            .ToListAsync(ct);
        foreach (var s in stories) refs[s.Id] = Ref(p, s);
        return refs;
    }

    public static ItemRef Ref(ProjectPermissions? p, Story s) =>
        s.IsWithdrawn ? new ItemRef(s.Id, ItemKind.Story, null, ItemState.Withdrawn)
        : p is not null && p.CanRead(s) ? new ItemRef(s.Id, ItemKind.Story, StoryTitle(p, s), ItemState.Visible)
        : new ItemRef(s.Id, ItemKind.Story, null, ItemState.Hidden);
}
