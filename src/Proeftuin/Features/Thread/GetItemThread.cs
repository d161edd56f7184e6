using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Moderation;

namespace Proeftuin.Features.Thread;

/// <summary>A link seen from one item: Outgoing means "this item [type] Other".</summary>
public sealed record LinkView(int LinkId, LinkType Type, bool Outgoing, ItemRef Other, DateTime CreatedAt, bool CanRemove);

/// <summary>Hidden: only its place shows ("verborgen door moderatie"). ModerationNote: why a moderator changed it.</summary>
public sealed record CommentView(int Id, string? AuthorName, string Html, DateTime CreatedAt, DateTime? EditedAt, bool CanEdit, bool Hidden = false, string? ModerationNote = null);

/// <summary>The model of Features/Thread/_ItemThread.cshtml: links both ways and comments, with what the caller may do.</summary>
public sealed record ItemThreadView(int ItemId, ItemKind Kind, int ProjectId, bool CanLink, bool CanComment,
    IReadOnlyList<LinkView> Links, IReadOnlyList<CommentView> Comments, LinkPicker? Picker, bool CanReport = false, string? ModerationNote = null)
{
    /// <summary>The item's own page, where the forms come back to.</summary>
    public string ReturnUrl => ThreadWords.PageUrl(Kind, ItemId);
}

/// <summary>Links and comments of one item (any kind, stories too) for the partial on its page.</summary>
public sealed class GetItemThread(AppDbContext db, ThreadAccess thread, FindItems find)
{
    /// <summary>Null when the item may not be read; then show nothing.</summary>
    public async Task<ItemThreadView?> RunAsync(int itemId, CancellationToken ct = default)
    {
        var readable = await thread.ReadableAsync(itemId, ct);
        if (readable is not var (item, p)) return null;
        var links = await db.Links.AsNoTracking().Where(l => l.FromId == itemId || l.ToId == itemId)
            .OrderBy(l => l.CreatedAt).ThenBy(l => l.Id).ToListAsync(ct);
        var refs = await thread.RefsAsync(links.Select(l => l.FromId == itemId ? l.ToId : l.FromId).Distinct().ToList(), p, ct);
        var linkViews = links.Where(l => refs.ContainsKey(l.FromId == itemId ? l.ToId : l.FromId))
            .Select(l => new LinkView(l.Id, l.Type, l.FromId == itemId, refs[l.FromId == itemId ? l.ToId : l.FromId], l.CreatedAt,
                ThreadAccess.MayChange(p, l.CreatedById)))
            .ToList();
        // A hidden reactie keeps its place in the conversation, so the replies after it still read right; its text is not loaded.
        var comments = await db.Comments.WithHidden().AsNoTracking().Where(c => c.ItemId == itemId).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.AuthorId, Name = c.Author == null ? null : c.Author.DisplayName, Html = c.HiddenAt == null ? c.Html : "", c.CreatedAt, c.EditedAt, Hidden = c.HiddenAt != null, c.ModerationNote })
            .ToListAsync(ct);
        var commentViews = comments.Select(c => c.Hidden
            ? new CommentView(c.Id, null, "", c.CreatedAt, null, false, Hidden: true)
            : new CommentView(c.Id, p.CanSeeMemberNames ? c.Name : null, c.Html, c.CreatedAt, c.EditedAt, ThreadAccess.MayChangeComment(p, c.AuthorId), ModerationNote: c.ModerationNote)).ToList();
        var picker = p.CanContribute ? await find.PickerAsync(p, item, null, null, ct) : null;
        return new ItemThreadView(itemId, item.Kind, item.ProjectId, p.CanContribute, p.CanComment, linkViews, commentViews, picker,
            CanReport: p.IsSignedIn, ModerationNote: item.ModerationNote);
    }
}
