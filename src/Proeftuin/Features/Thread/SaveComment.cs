using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Thread;

/// <summary>
/// Reacties on any item the caller may read, stories included. The team (members and up) and external reviewers
/// (ADR 0035) write them; other observers read. Author and facilitators edit and delete. Markdown is rendered and sanitised once, here.
/// </summary>
public sealed class SaveComment(AppDbContext db, ProjectAccess access, ThreadAccess thread, Caller user, Markdown markdown, TimeProvider clock, Moderation.NewAccountLimit limit,
    Follows.FollowThing follow, Follows.FollowNews news)
{
    public async Task<Outcome<ThreadItem>> CanCommentAsync(int itemId, CancellationToken ct = default)
    {
        var readable = await thread.ReadableAsync(itemId, ct);
        if (readable is not { } r) return Outcome<ThreadItem>.NotFound();
        return r.Permissions.CanComment ? Outcome<ThreadItem>.Ok(r.Item) : Outcome<ThreadItem>.Forbidden();
    }

    public async Task<Outcome<Comment>> AddAsync(int itemId, string? text, CancellationToken ct = default)
    {
        var allowed = await CanCommentAsync(itemId, ct);
        if (!allowed.IsOk) return allowed.Status == OutcomeStatus.NotFound ? Outcome<Comment>.NotFound() : Outcome<Comment>.Forbidden();
        var item = allowed.Value!;
        var p = (await access.ForProjectAsync(item.ProjectId, ct))!;
        var now = clock.GetUtcNow().UtcDateTime;
        var comment = new Comment
        {
            ItemId = item.Id,
            ProjectId = item.ProjectId,
            AuthorId = user.Id,
            CreatedAt = now,
            // Counts towards the knowledge balance of the author's perspective, in the phase it was written.
            KnowledgeSource = p.Perspective ?? Members.Perspective.Experience,
            Phase = await db.Projects.Where(x => x.Id == item.ProjectId).Select(x => x.Phase).FirstAsync(ct),
        };
        var v = Apply(comment, text);
        if (!v.IsValid) return v;
        if (await limit.CheckAsync(p, ct) is { } tooMany) return Outcome<Comment>.Invalid([tooMany]);
        db.Comments.Add(comment);
        await db.SaveChangesAsync(ct);
        // Who writes a reactie hears the answers; who follows the item hears of it.
        await follow.EnsureAsync(user.Id!, Follows.FollowTopic.Item, item.Id, ct);
        await news.TellAsync([new Follows.NewsPlace(Follows.FollowTopic.Item, item.Id, item.Title)], item.ProjectId,
            new Follows.NewsLine($"Nieuwe reactie op „{Follows.FollowNews.Cut(item.Title, 120)}”", $"/draad/{item.Id}#reactie-{comment.Id}", "reactie", comment.Id), ct: ct);
        return Outcome<Comment>.Ok(comment);
    }

    /// <summary>The comment, tracked, when the caller may change it and still may read its item.</summary>
    public async Task<Outcome<Comment>> LoadForEditAsync(int commentId, CancellationToken ct = default)
    {
        var comment = await db.Comments.FirstOrDefaultAsync(c => c.Id == commentId, ct);
        if (comment is null) return Outcome<Comment>.NotFound();
        var readable = await thread.ReadableAsync(comment.ItemId, ct);
        if (readable is not { } r) return Outcome<Comment>.NotFound();
        return ThreadAccess.MayChangeComment(r.Permissions, comment.AuthorId) ? Outcome<Comment>.Ok(comment) : Outcome<Comment>.Forbidden();
    }

    public async Task<Outcome<Comment>> EditAsync(Comment loaded, string? text, CancellationToken ct = default)
    {
        var v = Apply(loaded, text);
        if (!v.IsValid) return v;
        loaded.EditedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return Outcome<Comment>.Ok(loaded);
    }

    public async Task<Outcome<Comment>> DeleteAsync(int commentId, CancellationToken ct = default)
    {
        var loaded = await LoadForEditAsync(commentId, ct);
        if (!loaded.IsOk) return loaded;
        db.Comments.Remove(loaded.Value!);
        await db.SaveChangesAsync(ct);
        return loaded;
    }

    /// <summary>Where to go back to: the item's page (a story's own page for stories).</summary>
    public async Task<string> ItemUrlAsync(int itemId, CancellationToken ct = default)
    {
        var kind = await db.Items.Where(i => i.Id == itemId).Select(i => i.Kind).FirstOrDefaultAsync(ct);
        return ThreadWords.PageUrl(kind, itemId);
    }

    private Validation Apply(Comment comment, string? text)
    {
        var v = new Validation();
        var trimmed = v.Text("Text", text, ThreadLimits.Comment, label: "je reactie");
        if (!v.IsValid) return v;
        comment.Text = trimmed;
        comment.Html = markdown.ToSafeHtml(trimmed);
        return v;
    }
}
