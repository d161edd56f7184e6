using Proeftuin.Features.Stories;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Tests.Thread;

/// <summary>Stories, items and links straight into the database, for the thread tests.</summary>
public static class ThreadData
{
    public static Task<int> StoryAsync(this ProeftuinFactory factory, int projectId, ConsentScope scope, string? title = null, string text = "Ik voelde me eenzaam na de verhuizing.",
        string? tellerId = null, bool withdrawn = false, bool notifyByEmail = false, string? tellerEmail = null, string? key = null, string? tellerName = null, string? recordedById = null) =>
        factory.WithDbAsync(async db =>
        {
            title ??= "Verhaal " + Guid.NewGuid().ToString("N")[..6];
            var story = new Story
            {
                ProjectId = projectId,
                Title = title,
                Text = text,
                Html = "<p>" + System.Net.WebUtility.HtmlEncode(text) + "</p>",
                Scope = scope,
                TellerId = tellerId,
                TellerName = tellerName,
                NotifyByEmail = notifyByEmail,
                TellerEmail = tellerEmail,
                TellerKeyHash = key is null ? null : Tokens.Hash(key),
                RecordedById = recordedById,
                CreatedAt = DateTime.UtcNow,
                UpdatedAt = DateTime.UtcNow,
                ConsentAt = DateTime.UtcNow,
                WithdrawnAt = withdrawn ? DateTime.UtcNow : null,
                SearchTerms = DutchStems.ToSearchTerms(title, text),
            };
            db.Stories.Add(story);
            await db.SaveChangesAsync();
            return story.Id;
        });

    public static Task<int> ItemAsync(this ProeftuinFactory factory, int projectId, ItemKind kind, string title, string text = "", string? authorId = null) =>
        factory.WithDbAsync(async db =>
        {
            ThreadItem item = kind switch
            {
                ItemKind.Insight => new Insight(),
                ItemKind.Need => new Need(),
                ItemKind.Question => new Question(),
                ItemKind.Source => new Source { Citation = "Auteur (2024). Titel." },
                ItemKind.Persona => new Persona(),
                ItemKind.JourneyMap => new JourneyMap(),
                ItemKind.Idea => new Idea(),
                // A kind from its own folder: an empty item of the class its descriptor names.
                _ => (ThreadItem)Activator.CreateInstance(ThreadKinds.For(kind).EntityType)!,
            };
            item.ProjectId = projectId;
            item.Title = title;
            item.Text = text;
            item.Html = text;
            item.AuthorId = authorId;
            item.CreatedAt = item.UpdatedAt = DateTime.UtcNow;
            item.SearchTerms = DutchStems.ToSearchTerms(title, text);
            db.Items.Add(item);
            await db.SaveChangesAsync();
            return item.Id;
        });

    public static Task<int> LinkAsync(this ProeftuinFactory factory, int fromId, int toId, LinkType type = LinkType.Supports, string? byId = null) =>
        factory.WithDbAsync(async db =>
        {
            var projectId = await db.Items.Where(i => i.Id == fromId).Select(i => i.ProjectId).SingleAsync();
            var link = new Link { ProjectId = projectId, FromId = fromId, ToId = toId, Type = type, CreatedById = byId, CreatedAt = DateTime.UtcNow };
            db.Links.Add(link);
            await db.SaveChangesAsync();
            return link.Id;
        });

    /// <summary>Adds a link through the item page's form, as a browser would.</summary>
    public static async Task<HttpResponseMessage> AddLinkAsync(this Browser browser, int itemId, int otherId, string direction = "from", string type = "Supports")
    {
        var page = await browser.OpenAsync($"/draad/{itemId}/verband");
        var fields = new { Input_Type = type, Input_Direction = direction, Input_OtherId = otherId.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        // The picker leaves out what is already linked; with nothing left to choose there is no form, so post as a stale page would.
        return page.Forms.Any(f => f.HasField("Input.OtherId"))
            ? await browser.SubmitAsync(page.FormFor("Input.OtherId"), fields)
            : await browser.PostAsync($"/draad/{itemId}/verband", fields);
    }

    public static Task<int> LinkCountAsync(this ProeftuinFactory factory, int projectId) =>
        factory.WithDbAsync(db => db.Links.CountAsync(l => l.ProjectId == projectId));
}
