using System.Text.Json;
using Proeftuin.Features.Stories;
using Proeftuin.Web;

namespace Proeftuin.Tests.Stories;

/// <summary>The app with a share-link limit high enough for many stories from one test client.</summary>
public sealed class StoriesFactory : ProeftuinFactory
{
    public StoriesFactory() => WithSetting("RateLimits:SharePerQuarter", "10000");
}

/// <summary>Only for the rate-limit test of the share link.</summary>
public sealed class LowShareLimitFactory : ProeftuinFactory
{
    public const int Limit = 3;

    public LowShareLimitFactory() => WithSetting("RateLimits:SharePerQuarter", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>A story put straight into the database, with the private key its teller would hold.</summary>
public sealed record SeededStory(int Id, string Key, string TellerName, string Marker);

public static class StoryTestData
{
    /// <summary>A fresh story: a unique marker in title and text, a teller's name, and a private key (as after sharing by link).</summary>
    public static async Task<SeededStory> StoryAsync(this ProeftuinFactory factory, int projectId, ConsentScope scope,
        string? tellerId = null, string? recordedById = null, int? promptId = null, bool withKey = true)
    {
        var marker = "Verhaal" + Guid.NewGuid().ToString("N")[..10];
        var name = "Naam" + Guid.NewGuid().ToString("N")[..8];
        var key = Tokens.New();
        var id = await factory.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var story = new Story
            {
                ProjectId = projectId,
                PromptId = promptId,
                Title = marker,
                Text = marker + " over de buurt",
                Html = "<p>" + marker + " over de buurt</p>",
                SearchTerms = " " + marker.ToLowerInvariant() + " ",
                Scope = scope,
                TellerId = tellerId,
                TellerName = name,
                TellerKeyHash = withKey ? Tokens.Hash(key) : null,
                RecordedById = recordedById,
                ConsentById = recordedById ?? tellerId,
                ConsentAt = now,
                CreatedAt = now,
                UpdatedAt = now,
                AuthorId = recordedById ?? tellerId,
                KnowledgeSource = Perspective.Experience,
            };
            db.Stories.Add(story);
            await db.SaveChangesAsync();
            return story.Id;
        });
        return new SeededStory(id, key, name, marker);
    }

    public static Task<Story?> StoryRowAsync(this ProeftuinFactory factory, int id) =>
        factory.WithDbAsync(db => db.Stories.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id));

    public static Task<int> StoryCountAsync(this ProeftuinFactory factory, int projectId) =>
        factory.WithDbAsync(db => db.Stories.CountAsync(s => s.ProjectId == projectId));

    public static async Task<int> PromptAsync(this ProeftuinFactory factory, int projectId, string text = "Vertel over een moment waarop je hulp kreeg.", bool archived = false) =>
        await factory.WithDbAsync(async db =>
        {
            var prompt = new StoryPrompt { ProjectId = projectId, Text = text, Position = 1, IsArchived = archived };
            db.StoryPrompts.Add(prompt);
            await db.SaveChangesAsync();
            return prompt.Id;
        });

    public static async Task<string> ShareTokenAsync(this ProeftuinFactory factory, int projectId) =>
        await factory.WithDbAsync(async db =>
        {
            var project = await db.Projects.SingleAsync(p => p.Id == projectId);
            project.StoryShareToken ??= Tokens.New();
            await db.SaveChangesAsync();
            return project.StoryShareToken;
        });

    public static async Task<(HttpStatusCode Status, JsonElement Body)> JsonAsync(this Browser browser, string url)
    {
        using var response = await browser.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        using var doc = JsonDocument.Parse(text.Length == 0 ? "null" : text);
        return (response.StatusCode, doc.RootElement.Clone());
    }
}
