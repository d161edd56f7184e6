using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.News;

public sealed record NewsInput(string? Title, string? Body);

/// <summary>
/// Facilitators publish news for their project; admins for a programme. The Markdown is rendered and
/// sanitised here, once, so pages only print stored HTML.
/// </summary>
public sealed class SaveNewsItem(AppDbContext db, ProjectAccess access, Caller user, Markdown markdown, TimeProvider clock)
{
    public async Task<Outcome<NewsItem>> CreateAsync(int? programmeId, int? projectId, NewsInput input, CancellationToken ct = default)
    {
        var allowed = await CanPublishAsync(programmeId, projectId, ct);
        if (allowed.Status != OutcomeStatus.Ok) return allowed.Status == OutcomeStatus.NotFound ? Outcome<NewsItem>.NotFound() : Outcome<NewsItem>.Forbidden();
        var item = new NewsItem { ProgrammeId = programmeId, ProjectId = projectId, AuthorId = user.Id, PublishedAt = clock.GetUtcNow().UtcDateTime };
        var v = Apply(item, input);
        if (!v.IsValid) return v;
        db.NewsItems.Add(item);
        await db.SaveChangesAsync(ct);
        return Outcome<NewsItem>.Ok(item);
    }

    public async Task<Outcome<NewsItem>> LoadForEditAsync(int newsId, CancellationToken ct = default)
    {
        var item = await db.NewsItems.FirstOrDefaultAsync(n => n.Id == newsId, ct);
        if (item is null) return Outcome<NewsItem>.NotFound();
        var allowed = await CanPublishAsync(item.ProgrammeId, item.ProjectId, ct);
        return allowed.Status switch
        {
            OutcomeStatus.Ok => Outcome<NewsItem>.Ok(item),
            OutcomeStatus.NotFound => Outcome<NewsItem>.NotFound(),
            _ => Outcome<NewsItem>.Forbidden(),
        };
    }

    /// <summary>For an item the caller already loaded (and so was allowed to edit) through <see cref="LoadForEditAsync"/>.</summary>
    public async Task<Outcome<NewsItem>> EditAsync(NewsItem loaded, NewsInput input, CancellationToken ct = default)
    {
        var v = Apply(loaded, input);
        if (!v.IsValid) return v;
        await db.SaveChangesAsync(ct);
        return Outcome<NewsItem>.Ok(loaded);
    }

    public async Task<Outcome<NewsItem>> DeleteAsync(int newsId, CancellationToken ct = default)
    {
        var loaded = await LoadForEditAsync(newsId, ct);
        if (!loaded.IsOk) return loaded;
        db.NewsItems.Remove(loaded.Value!);
        await db.SaveChangesAsync(ct);
        return loaded;
    }

    private Validation Apply(NewsItem item, NewsInput input)
    {
        var v = new Validation();
        var title = v.Text("Title", input.Title, NewsLimits.Title, label: "een titel");
        var body = v.Text("Body", input.Body, NewsLimits.Body, label: "de tekst");
        if (!v.IsValid) return v;
        item.Title = title;
        item.BodyMarkdown = body;
        item.BodyHtml = markdown.ToSafeHtml(body);
        return v;
    }

    /// <summary>May the current user publish here? NotFound for unknown or unreadable targets, so nothing leaks.</summary>
    public async Task<Outcome<bool>> CanPublishAsync(int? programmeId, int? projectId, CancellationToken ct = default)
    {
        if ((programmeId is null) == (projectId is null)) return Outcome<bool>.NotFound();
        if (projectId is { } pid)
        {
            var permissions = await access.ForProjectAsync(pid, ct);
            if (permissions is null) return Outcome<bool>.NotFound();
            return permissions.CanManage ? Outcome<bool>.Ok(true) : Outcome<bool>.Forbidden();
        }
        if (!await db.Programmes.AnyAsync(p => p.Id == programmeId, ct)) return Outcome<bool>.NotFound();
        return user.IsAdmin ? Outcome<bool>.Ok(true) : Outcome<bool>.Forbidden();
    }
}
