using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Moderation;
using Proeftuin.Features.Privacy;

namespace Proeftuin.Features.Thread;

/// <summary>
/// What someone added to the thread: items (insights, needs, …), comments and links. It is the team's work, so it
/// stays when the account goes; only the author is removed, and comments then show "Oud-deelnemer".
/// </summary>
public sealed class ThreadPersonalData(AppDbContext db) : IPersonalDataContributor
{
    public int Order => 20;

    public IReadOnlyList<PersonalColumn> Describe() =>
    [
        new(typeof(ThreadItem), nameof(ThreadItem.AuthorId), "leeggemaakt; het stuk blijft van het team"),
        new(typeof(Comment), nameof(Comment.AuthorId), "leeggemaakt; de reactie toont \"Oud-deelnemer\""),
        new(typeof(Link), nameof(Link.CreatedById), "leeggemaakt"),
    ];

    public async Task<PersonalDataSection> ExportAsync(PersonRef person, CancellationToken ct)
    {
        var rows = new List<IReadOnlyDictionary<string, object?>>();
        // Stories are in their own section.
        var items = await db.Items.WithHidden().AsNoTracking()
            .Where(i => i.AuthorId == person.UserId && i.Kind != ItemKind.Story)
            .OrderBy(i => i.CreatedAt)
            .Select(i => new { i.Id, i.Kind, Project = i.Project.Title, i.Title, i.Text, i.CreatedAt, i.UpdatedAt })
            .ToListAsync(ct);
        rows.AddRange(items.Select(i => Row.Of(("Soort", "Bijdrage aan de rode draad: " + i.Kind.Label()), ("Nummer", i.Id), ("Project", i.Project),
            ("Titel", i.Title), ("Tekst", i.Text), ("Gemaakt op", i.CreatedAt), ("Laatst gewijzigd", i.UpdatedAt))));
        var comments = await db.Comments.WithHidden().AsNoTracking()
            .Where(c => c.AuthorId == person.UserId)
            .OrderBy(c => c.CreatedAt)
            .Select(c => new { c.Id, c.ItemId, ItemKind = c.Item.Kind, c.Text, c.CreatedAt, c.EditedAt })
            .ToListAsync(ct);
        // The item is named by its kind and number only: its title may be someone else's (a story's title).
        rows.AddRange(comments.Select(c => Row.Of(("Soort", "Reactie"), ("Nummer", c.Id), ("Bij", c.ItemKind.Label() + " " + c.ItemId),
            ("Tekst", c.Text), ("Gemaakt op", c.CreatedAt), ("Laatst gewijzigd", c.EditedAt))));
        var links = await db.Links.AsNoTracking()
            .Where(l => l.CreatedById == person.UserId)
            .OrderBy(l => l.CreatedAt)
            .Select(l => new { l.Id, l.Type, l.FromId, FromKind = l.From.Kind, l.ToId, ToKind = l.To.Kind, l.CreatedAt })
            .ToListAsync(ct);
        rows.AddRange(links.Select(l => Row.Of(("Soort", "Verband"), ("Nummer", l.Id), ("Van", l.FromKind.Label() + " " + l.FromId),
            ("Type", l.Type.ToString()), ("Naar", l.ToKind.Label() + " " + l.ToId), ("Gemaakt op", l.CreatedAt))));
        return new PersonalDataSection("rode-draad", "Je bijdragen aan de rode draad",
            "Inzichten, behoeften, vragen en andere stukken die je maakte, je reacties en de verbanden die je legde.", rows);
    }

    public async Task EraseAsync(PersonRef person, ErasureChoices choices, CancellationToken ct)
    {
        var id = person.UserId;
        await db.Items.WithHidden().Where(i => i.AuthorId == id).ExecuteUpdateAsync(u => u.SetProperty(i => i.AuthorId, (string?)null), ct);
        await db.Comments.WithHidden().Where(c => c.AuthorId == id).ExecuteUpdateAsync(u => u.SetProperty(c => c.AuthorId, (string?)null), ct);
        await db.Links.Where(l => l.CreatedById == id).ExecuteUpdateAsync(u => u.SetProperty(l => l.CreatedById, (string?)null), ct);
    }
}
