using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Stories;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Features.Moderation;

/// <summary>Any item on the thread, stories included: "bijdrage".</summary>
public sealed class ItemTarget(AppDbContext db, ThreadAccess thread, Markdown markdown) : IModerationTarget
{
    public string Kind => "bijdrage";
    public string This => "deze bijdrage";

    public async Task<IReadOnlyList<ModeratedContent>> FindAsync(IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var rows = await db.Items.WithHidden().AsNoTracking().Where(i => ids.Contains(i.Id))
            // A story's writer is its teller (who may have no account; then nobody is told).
            .Select(i => new { i.Id, i.Kind, i.ProjectId, ProjectTitle = i.Project.Title, i.Title, i.Text, AuthorId = i is Story ? ((Story)i).TellerId : i.AuthorId, AuthorName = i.Author == null ? null : i.Author.DisplayName, i.CreatedAt, i.HiddenAt, i.ModerationNote })
            .ToListAsync(ct);
        return rows.Select(i => new ModeratedContent(Kind, i.Id, i.ProjectId, i.ProjectTitle, i.Title.Length > 0 ? i.Title : ThreadKinds.For(i.Kind).Label,
            i.Text, i.AuthorId, i.AuthorName, ThreadWords.PageUrl(i.Kind, i.Id), i.CreatedAt, i.HiddenAt, i.ModerationNote)).ToList();
    }

    public async Task<bool> MayReadAsync(int id, CancellationToken ct) => await thread.ReadableAsync(id, ct) is not null;

    public async Task ApplyAsync(int id, ModerationChange change, CancellationToken ct)
    {
        var item = await db.Items.WithHidden().FirstAsync(i => i.Id == id, ct);
        if (change.Hide is { } hide) item.HiddenAt = hide ? change.At : null;
        if (change.Text is { } text)
        {
            item.Text = text;
            // Stories are plain text in paragraphs; every other kind is Markdown (as their own forms save them).
            item.Html = item is Story ? StoryFields.ToHtml(text) : text.Length == 0 ? "" : markdown.ToSafeHtml(text);
            var steps = item is JourneyMap ? await db.JourneySteps.Where(s => s.JourneyMapId == id).ToListAsync(ct) : [];
            item.SearchTerms = SaveItem.SearchTermsOf(item, steps);
            item.UpdatedAt = change.At;
        }
        if (change.Note is { } note) item.ModerationNote = note;
    }
}

/// <summary>A reactie on an item: "reactie".</summary>
public sealed class CommentTarget(AppDbContext db, ThreadAccess thread, Markdown markdown) : IModerationTarget
{
    public string Kind => "reactie";
    public string This => "deze reactie";

    public async Task<IReadOnlyList<ModeratedContent>> FindAsync(IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        // The comment's item may itself be hidden: the moderator still sees what the comment was about.
        var rows = await db.Comments.WithHidden().AsNoTracking().Where(c => ids.Contains(c.Id))
            .Join(db.Items.WithHidden(), c => c.ItemId, i => i.Id, (c, i) => new { c, i })
            .Select(x => new { x.c.Id, x.c.ItemId, ItemKind = x.i.Kind, ItemTitle = x.i.Title, x.c.ProjectId, ProjectTitle = x.i.Project.Title, x.c.Text, x.c.AuthorId, AuthorName = x.c.Author == null ? null : x.c.Author.DisplayName, x.c.CreatedAt, x.c.HiddenAt, x.c.ModerationNote })
            .ToListAsync(ct);
        return rows.Select(c => new ModeratedContent(Kind, c.Id, c.ProjectId, c.ProjectTitle,
            "Reactie bij „" + (c.ItemTitle.Length > 0 ? c.ItemTitle : ThreadKinds.For(c.ItemKind).Label) + "”", c.Text, c.AuthorId, c.AuthorName,
            ThreadWords.PageUrl(c.ItemKind, c.ItemId) + "#reactie-" + c.Id, c.CreatedAt, c.HiddenAt, c.ModerationNote)).ToList();
    }

    public async Task<bool> MayReadAsync(int id, CancellationToken ct)
    {
        var itemId = await db.Comments.Where(c => c.Id == id).Select(c => (int?)c.ItemId).FirstOrDefaultAsync(ct);
        return itemId is { } i && await thread.ReadableAsync(i, ct) is not null;
    }

    public async Task ApplyAsync(int id, ModerationChange change, CancellationToken ct)
    {
        var comment = await db.Comments.WithHidden().FirstAsync(c => c.Id == id, ct);
        if (change.Hide is { } hide) comment.HiddenAt = hide ? change.At : null;
        if (change.Text is { } text)
        {
            comment.Text = text;
            comment.Html = markdown.ToSafeHtml(text);
            comment.EditedAt = change.At;
        }
        if (change.Note is { } note) comment.ModerationNote = note;
    }
}
