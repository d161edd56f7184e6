using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Moderation;
using Proeftuin.Features.Privacy;

namespace Proeftuin.Features.Stories;

/// <summary>
/// Stories told with an account (every consent scope, with consent history and signification), stories someone
/// recorded on another's behalf, and consent changes someone made. Erasure follows the teller's choice per story:
/// withdraw (as "Verhaal intrekken") or keep it without anything that leads to the teller.
/// </summary>
public sealed class StoriesPersonalData(AppDbContext db, TimeProvider clock) : IPersonalDataContributor
{
    public int Order => 10;

    public IReadOnlyList<PersonalColumn> Describe() =>
    [
        new(typeof(Story), nameof(Story.TellerId), "ingetrokken of losgemaakt van het account"),
        new(typeof(Story), nameof(Story.TellerName), "gewist"),
        new(typeof(Story), nameof(Story.TellerEmail), "gewist (ook bij verhalen zonder account met hetzelfde adres)"),
        new(typeof(Story), nameof(Story.TellerKeyHash), "gewist"),
        new(typeof(Story), nameof(Story.NotifyByEmail), "uitgezet"),
        new(typeof(Story), nameof(Story.RecordedById), "leeggemaakt"),
        new(typeof(Story), nameof(Story.ConsentById), "leeggemaakt"),
        new(typeof(Story), nameof(Story.SignificationJson), "gewist bij intrekken"),
        new(typeof(StoryConsentChange), nameof(StoryConsentChange.ById), "leeggemaakt"),
    ];

    public async Task<PersonalDataSection> ExportAsync(PersonRef person, CancellationToken ct)
    {
        var stories = await db.Stories.WithHidden().AsNoTracking()
            .Where(s => s.TellerId == person.UserId && s.WithdrawnAt == null)
            .OrderBy(s => s.CreatedAt)
            .Select(s => new
            {
                s.Id,
                Project = s.Project.Title,
                Prompt = s.Prompt == null ? null : s.Prompt.Text,
                s.Title,
                s.Text,
                s.TellerName,
                s.Scope,
                s.MayQuote,
                s.NotifyByEmail,
                s.KnowledgeSource,
                s.CreatedAt,
                s.UpdatedAt,
                s.ConsentAt,
                Recorded = s.RecordedById != null,
                s.SignificationJson,
                s.SignifiedAt,
                s.FrameworkVersion,
            })
            .ToListAsync(ct);
        var ids = stories.Select(s => s.Id).ToList();
        var history = (await db.StoryConsentChanges.AsNoTracking().Where(c => ids.Contains(c.StoryId)).OrderBy(c => c.At).ToListAsync(ct))
            .ToLookup(c => c.StoryId);
        var rows = new List<IReadOnlyDictionary<string, object?>>();
        foreach (var s in stories)
        {
            rows.Add(Row.Of(
                ("Verhaal", s.Id), ("Project", s.Project), ("Vraag", s.Prompt), ("Titel", s.Title), ("Tekst", s.Text),
                ("Naam bij het verhaal", s.TellerName), ("Wie mag het lezen", s.Scope.Label()), ("Mag geciteerd worden", s.MayQuote),
                ("E-mail bij nieuws over het verhaal", s.NotifyByEmail), ("Kennisbron", Members.MemberWords.Label(s.KnowledgeSource)),
                ("Opgetekend door een procesbegeleider", s.Recorded),
                ("Verteld op", s.CreatedAt), ("Laatst gewijzigd", s.UpdatedAt), ("Toestemming gegeven op", s.ConsentAt),
                ("Geschiedenis van de toestemming", history[s.Id].Select(c => Row.Of(
                    ("Wanneer", c.At), ("Wat", c.Kind.ToString()), ("Van", c.From), ("Naar", c.To),
                    // Who, without naming anyone else: the teller or "een procesbegeleider".
                    ("Door", c.ByTeller ? "jij" : "een procesbegeleider, op jouw verzoek"))).ToList()),
                ("Antwoorden op de vragen over het verhaal", Parse(s.SignificationJson)), ("Beantwoord op", s.SignifiedAt),
                ("Versie van de vragen", s.FrameworkVersion)));
        }
        // Stories this person wrote down for someone else: the content belongs to that teller, so only that it happened.
        var recorded = await db.Stories.WithHidden().AsNoTracking()
            .Where(s => s.RecordedById == person.UserId && s.TellerId != person.UserId && s.WithdrawnAt == null)
            .Select(s => new { s.Id, Project = s.Project.Title, s.CreatedAt }).ToListAsync(ct);
        foreach (var s in recorded)
            rows.Add(Row.Of(("Verhaal", s.Id), ("Project", s.Project), ("Opgetekend voor iemand anders op", s.CreatedAt),
                ("Let op", "De tekst hoort bij de verteller en staat daarom niet in jouw gegevens.")));
        return new PersonalDataSection("verhalen", "Je verhalen",
            "De verhalen die je vertelde, in elke kring van lezers, met de geschiedenis van je toestemming en je antwoorden op de vragen over het verhaal. Ingetrokken verhalen zijn al gewist.",
            rows);
    }

    private static JsonElement? Parse(string? json)
    {
        if (string.IsNullOrEmpty(json)) return null;
        try { return JsonDocument.Parse(json).RootElement.Clone(); }
        catch (JsonException) { return null; }
    }

    public async Task EraseAsync(PersonRef person, ErasureChoices choices, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var mine = await db.Stories.WithHidden().Where(s => s.TellerId == person.UserId && s.WithdrawnAt == null).ToListAsync(ct);
        var withdrawn = new List<int>();
        foreach (var story in mine)
        {
            if (choices.For(story.Id) == StoryChoice.Withdraw)
            {
                WithdrawStory.Erase(story, now);
                withdrawn.Add(story.Id);
                continue;
            }
            // Kept: the text stays under the consent already given (nobody can widen it any more: the teller is gone);
            // everything that leads to the teller goes. The history says the name was removed, not what it was.
            if (!string.IsNullOrEmpty(story.TellerName))
                db.StoryConsentChanges.Add(new StoryConsentChange { StoryId = story.Id, At = now, Kind = ConsentChangeKind.NameRemoved, ByTeller = true });
            story.TellerId = null;
            story.TellerName = null;
            story.TellerEmail = null;
            story.TellerKeyHash = null;
            story.NotifyByEmail = false;
            story.AuthorId = null;
            if (story.ConsentById == person.UserId) story.ConsentById = null;
            if (story.RecordedById == person.UserId) story.RecordedById = null;
            story.UpdatedAt = now;
        }
        await db.SaveChangesAsync(ct);
        if (withdrawn.Count > 0)
        {
            await db.Notifications.Where(n => n.StoryId != null && withdrawn.Contains(n.StoryId.Value)).ExecuteDeleteAsync(ct);
            await db.Comments.WithHidden().Where(c => withdrawn.Contains(c.ItemId)).ExecuteDeleteAsync(ct);
            await db.StoryConsentChanges.Where(c => withdrawn.Contains(c.StoryId)).ExecuteDeleteAsync(ct);
        }
        await db.Stories.WithHidden().Where(s => s.RecordedById == person.UserId).ExecuteUpdateAsync(u => u.SetProperty(s => s.RecordedById, (string?)null), ct);
        await db.Stories.WithHidden().Where(s => s.ConsentById == person.UserId).ExecuteUpdateAsync(u => u.SetProperty(s => s.ConsentById, (string?)null), ct);
        await db.StoryConsentChanges.Where(c => c.ById == person.UserId).ExecuteUpdateAsync(u => u.SetProperty(c => c.ById, (string?)null), ct);
        // Stories told without an account that left this address for updates: the address goes, the story is the teller's.
        if (!string.IsNullOrEmpty(person.Email))
        {
            var email = person.Email.ToLowerInvariant();
            await db.Stories.WithHidden().Where(s => s.TellerEmail != null && s.TellerEmail.ToLower() == email)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.TellerEmail, (string?)null).SetProperty(s => s.NotifyByEmail, false), ct);
        }
    }
}
