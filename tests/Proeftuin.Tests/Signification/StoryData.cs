using Proeftuin.Features.Signification;
using Proeftuin.Features.Stories;
using Proeftuin.Web;

namespace Proeftuin.Tests.Signification;

/// <summary>Stories straight into the database (sharing them is another feature's page).</summary>
public static class StoryData
{
    public static async Task<int> StoryAsync(this ProeftuinFactory factory, int projectId, string? tellerId = null,
        ConsentScope scope = ConsentScope.Project, bool mayQuote = false, string? key = null, Perspective source = Perspective.Experience,
        string? title = null, string text = "Ik stond er alleen voor, tot de buurvrouw hielp.", bool withdrawn = false,
        string? recordedById = null, int? promptId = null, SignificationAnswers? answers = null, string? tellerName = null, string? tellerEmail = null)
    {
        return await factory.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var story = new Story
            {
                ProjectId = projectId,
                Title = title ?? "Verhaal " + Guid.NewGuid().ToString("N")[..6],
                Text = text,
                Html = "<p>" + System.Net.WebUtility.HtmlEncode(text) + "</p>",
                KnowledgeSource = source,
                Phase = Phase.Empathize,
                AuthorId = tellerId,
                CreatedAt = now,
                UpdatedAt = now,
                TellerId = tellerId,
                TellerName = tellerName,
                TellerEmail = tellerEmail,
                Scope = scope,
                MayQuote = mayQuote,
                TellerKeyHash = key is null ? null : Tokens.Hash(key),
                RecordedById = recordedById,
                ConsentAt = now,
                ConsentById = tellerId ?? recordedById,
                WithdrawnAt = withdrawn ? now : null,
                PromptId = promptId,
                SignificationJson = answers?.ToJson(),
                FrameworkVersion = answers is null ? null : 0,
                SignifiedAt = answers is null ? null : now,
            };
            db.Stories.Add(story);
            await db.SaveChangesAsync();
            return story.Id;
        });
    }

    public static Task<Story> StoryRowAsync(this ProeftuinFactory factory, int id) =>
        factory.WithDbAsync(db => db.Stories.AsNoTracking().SingleAsync(s => s.Id == id));

    public static Task<int> PromptAsync(this ProeftuinFactory factory, int projectId, string text) =>
        factory.WithDbAsync(async db =>
        {
            var prompt = new StoryPrompt { ProjectId = projectId, Text = text, Position = 1 };
            db.StoryPrompts.Add(prompt);
            await db.SaveChangesAsync();
            return prompt.Id;
        });

    /// <summary>An answer on the default framework's triad ("hulp"), given as percentages top, left, right.</summary>
    public static SignificationAnswers Triad(double top, double left, double right, double? dyad = null, string? choice = null)
    {
        var answers = new Dictionary<string, SignifierAnswer>
        {
            ["hulp"] = new()
            {
                Top = top / 100,
                Left = left / 100,
                Right = right / 100,
                X = right / 100 + top / 200,
                Y = top / 100,
            },
        };
        if (dyad is { } x) answers["regie"] = new SignifierAnswer { X = x / 100 };
        if (choice is not null) answers["gevoel"] = new SignifierAnswer { Choices = [choice] };
        answers["betrokkenen"] = new SignifierAnswer { Stones = new Dictionary<string, StonePoint?> { ["gemeente"] = new(0.25, 0.75), ["buren"] = null } };
        return new SignificationAnswers(answers);
    }
}
