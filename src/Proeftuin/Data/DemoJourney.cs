using Proeftuin.Features.Accounts;
using Proeftuin.Features.Journey;
using Proeftuin.Features.Members;
using Proeftuin.Features.Projects;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Data;

/// <summary>
/// The innovatiereis in the demo (issue 13), for "Samen tegen eenzaamheid in de wijk": kwesties, leermomenten and
/// antwoorden along its phases (an antwoord linked to the kwestie it answers), a doodlopende afslag and a
/// richtingaanwijzer, from all three knowledge sources.
/// </summary>
internal static class DemoJourney
{
    public const string Issue = "Bewoners die het eenzaamst zijn, komen niet naar bijeenkomsten";

    public static async Task SeedAsync(AppDbContext db, Markdown markdown, Project lonely, IReadOnlyDictionary<string, AppUser> users, DateTime now)
    {
        var today = DateOnly.FromDateTime(Shared.Dates.Local(now));
        JourneyEntry Note(JourneyEntryType type, string title, string text, int daysAgo, Phase phase, Perspective source, string user)
        {
            var at = Shared.Dates.StartUtc(today.AddDays(-daysAgo)).AddHours(16);
            var e = new JourneyEntry
            {
                ProjectId = lonely.Id,
                Type = type,
                Title = title,
                Text = text,
                Html = markdown.ToSafeHtml(text),
                OccurredOn = today.AddDays(-daysAgo),
                Phase = phase,
                KnowledgeSource = source,
                AuthorId = users[user].Id,
                CreatedAt = at,
                UpdatedAt = at,
                SearchTerms = DutchStems.ToSearchTerms(title, text),
            };
            db.Items.Add(e);
            return e;
        }
        var issue = Note(JourneyEntryType.Issue, Issue,
            "Op de eerste avond in het buurthuis kwamen vooral mensen die al actief zijn. Wie het eenzaamst is, bleef thuis.", 170, Phase.Empathize, Perspective.Professional, "wijkteam");
        var answer = Note(JourneyEntryType.Answer, "We gaan naar mensen toe: verhalen aan de keukentafel",
            "Het wijkteam en ervaringsdeskundigen haalden verhalen op bij mensen thuis. Zo kwamen er 24 verhalen, ook van wie nooit naar een avond komt.", 150, Phase.Empathize, Perspective.Experience, "inwoner");
        db.Links.Add(new Link { ProjectId = lonely.Id, From = answer, To = issue, Type = LinkType.Answers, CreatedById = users["wijkteam"].Id, CreatedAt = answer.CreatedAt });
        Note(JourneyEntryType.LearningMoment, "Eenzaamheid zit in vaste momenten, vooral de zondag",
            "In bijna de helft van de verhalen ging het over de zondag. Dat veranderde onze vraag: niet \"meer activiteiten\", maar \"iemand treffen op het moeilijke moment\".", 65, Phase.Empathize, Perspective.Scientific, "onderzoeker");
        Note(JourneyEntryType.DeadEnd, "Aanmelden via de buurtapp",
            "We probeerden zondagkoffie met aanmelden via de app. Er meldde zich bijna niemand aan: wie zich alleen voelt, meldt zich niet vooraf aan.", 20, Phase.Prototype, Perspective.Professional, "procesbegeleider");
        Note(JourneyEntryType.Signpost, "Begin bij de verhalen, niet bij het aanbod",
            "Voor een volgende wijk: haal eerst verhalen op, en kijk op welk moment het schuurt. Dan pas bedenk je wat je aanbiedt.", 2, Phase.Ideate, Perspective.Scientific, "onderzoeker");
        await db.SaveChangesAsync();
    }
}
