using Proeftuin.Features.Accounts;
using Proeftuin.Features.Members;
using Proeftuin.Features.Projects;
using Proeftuin.Features.Signification;
using Proeftuin.Features.Stories;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Data;

/// <summary>
/// Demo thread for "Samen tegen eenzaamheid in de wijk": stories in every consent scope (one recorded at the
/// kitchen table), insights, a source, a persona, a journey map, a need and a question, linked into a thread.
/// </summary>
internal static class DemoThread
{
    public static async Task SeedAsync(AppDbContext db, Markdown markdown, Project lonely, IReadOnlyDictionary<string, AppUser> users, DateTime now)
    {
        var prompts = new[]
        {
            new StoryPrompt { ProjectId = lonely.Id, Position = 1, Text = "Vertel over een moment waarop je je alleen voelde. Wat gebeurde er?" },
            new StoryPrompt { ProjectId = lonely.Id, Position = 2, Text = "Vertel over een moment waarop contact met anderen je goed deed." },
        };
        db.StoryPrompts.AddRange(prompts);
        await db.SaveChangesAsync();

        T Item<T>(T item, string title, string text, Perspective source, Phase phase, string? author, int daysAgo) where T : ThreadItem
        {
            item.ProjectId = lonely.Id;
            item.Title = title;
            item.Text = text;
            item.Html = item is Story ? StoryFields.ToHtml(text) : markdown.ToSafeHtml(text);
            item.KnowledgeSource = source;
            item.Phase = phase;
            item.AuthorId = author is null ? null : users[author].Id;
            item.CreatedAt = item.UpdatedAt = now.AddDays(-daysAgo);
            item.SearchTerms = DutchStems.ToSearchTerms(title, text);
            return item;
        }

        var sundays = Item(new Story
        {
            PromptId = prompts[0].Id,
            TellerId = users["inwoner"].Id,
            TellerName = "Ans",
            Scope = ConsentScope.Project,
            MayQuote = true,
            NotifyByEmail = false,
            ConsentAt = now.AddDays(-120),
            ConsentById = users["inwoner"].Id,
        }, "De zondagen", "Sinds mijn man er niet meer is, duren de zondagen het langst. Door de week is er de markt en de bibliotheek, maar op zondag is alles dicht. Ik zit dan met de radio aan en wacht tot het maandag is.\n\nEén keer belde de buurvrouw aan of ik mee wilde wandelen. Dat was de beste dag in weken.",
            Perspective.Experience, Phase.Empathize, "inwoner", 120);
        var kitchen = Item(new Story
        {
            PromptId = prompts[0].Id,
            Scope = ConsentScope.Team,
            MayQuote = false,
            RecordedById = users["procesbegeleider"].Id,
            ConsentAt = now.AddDays(-110),
            ConsentById = users["procesbegeleider"].Id,
        }, "", "Ik wil niemand tot last zijn. Mijn kinderen wonen ver weg en hebben het druk. Het wijkteam kwam langs over mijn scootmobiel, en toen durfde ik pas te zeggen dat ik soms dagen niemand spreek.",
            Perspective.Experience, Phase.Empathize, "procesbegeleider", 110);
        var coffee = Item(new Story
        {
            PromptId = prompts[1].Id,
            Scope = ConsentScope.PublicAnonymised,
            MayQuote = true,
            TellerName = "Jonge moeder",
            ConsentAt = now.AddDays(-100),
        }, "Koffie op woensdag", "Ik woon hier pas een jaar en kende niemand. Bij de koffieochtend in het wijkcentrum zat ik naast een oudere dame die mijn dochter voorlas. Nu drinken we elke woensdag samen koffie.",
            Perspective.Experience, Phase.Empathize, null, 100);
        var groceries = Item(new Story
        {
            PromptId = prompts[1].Id,
            TellerId = users["inwoner"].Id,
            TellerName = "Ans",
            Scope = ConsentScope.Team,
            MayQuote = false,
            ConsentAt = now.AddDays(-20),
            ConsentById = users["inwoner"].Id,
        }, "Samen boodschappen doen", "Een vrijwilliger gaat nu elke donderdag met me naar de supermarkt. Het gaat niet om de boodschappen: we praten de hele weg.",
            Perspective.Experience, Phase.Define, "inwoner", 20);

        var moments = Item(new Insight(), "Eenzaamheid zit in vaste momenten van de week",
            "Bewoners noemen vooral de **zondag** en de avonden. Door de week geven de markt en de bibliotheek vanzelf contact.", Perspective.Professional, Phase.Empathize, "wijkteam", 90);
        var burden = Item(new Insight(), "Mensen vragen niet snel om hulp",
            "Wie zich alleen voelt, wil *niemand tot last zijn*. Hulp komt vaak pas op gang via een andere aanleiding, zoals een scootmobiel of een reparatie.", Perspective.Experience, Phase.Empathize, "inwoner", 85);
        var scale = Item(new Source { Citation = "De Jong Gierveld, J. & Van Tilburg, T. (1999). Manual of the Loneliness Scale. Vrije Universiteit Amsterdam." },
            "Eenzaamheidsschaal van De Jong Gierveld", "De schaal onderscheidt **sociale** eenzaamheid (te weinig contacten) en **emotionele** eenzaamheid (een gemis aan een hechte band). Dat helpt om verhalen te duiden.",
            Perspective.Scientific, Phase.Empathize, "onderzoeker", 80);
        var gerda = Item(new Persona { Quote = "Ik wil niemand tot last zijn." }, "Gerda, 78",
            "Weduwe, woont al veertig jaar in Hatert. Loopt slecht, komt op zondag de deur niet uit. Haar kinderen wonen in Groningen.", Perspective.Experience, Phase.Empathize, "procesbegeleider", 75);
        var journey = Item(new JourneyMap(), "Van verlies naar nieuw contact", "De weg van Gerda na het overlijden van haar man.", Perspective.Professional, Phase.Empathize, "wijkteam", 70);
        journey.Steps =
        [
            new JourneyStep { Position = 1, Name = "Verlies", WhatHappens = "Haar man overlijdt; de kinderen komen een week logeren.", Emotion = -2, PainPoints = "Daarna wordt het stil." },
            new JourneyStep { Position = 2, Name = "Terugtrekken", WhatHappens = "Ze gaat minder naar buiten, vooral op zondag.", Emotion = -1, PainPoints = "Niemand merkt het." },
            new JourneyStep { Position = 3, Name = "Aanleiding", WhatHappens = "Het wijkteam komt langs voor de scootmobiel.", Emotion = 0, PainPoints = "Ze noemt eenzaamheid pas aan het eind." },
            new JourneyStep { Position = 4, Name = "Nieuw contact", WhatHappens = "Een buurvrouw neemt haar mee naar de koffieochtend.", Emotion = 2, PainPoints = "" },
        ];
        var place = Item(new Need(), "Een plek dichtbij om zonder afspraak binnen te lopen",
            "Vooral in het weekend, zonder dat je hoeft te zeggen dat je eenzaam bent.", Perspective.Experience, Phase.Define, "inwoner", 40);
        var question = Item(new Question(), "Hoe kunnen we ervoor zorgen dat bewoners op zondag makkelijk iemand treffen?",
            "Zonder dat het voelt als hulp vragen.", Perspective.Professional, Phase.Define, "procesbegeleider", 35);
        db.Items.AddRange(sundays, kitchen, coffee, groceries, moments, burden, scale, gerda, journey, place, question);
        await db.SaveChangesAsync();

        Link L(ThreadItem from, ThreadItem to, LinkType type, int daysAgo) =>
            new() { ProjectId = lonely.Id, FromId = from.Id, ToId = to.Id, Type = type, CreatedById = users["procesbegeleider"].Id, CreatedAt = now.AddDays(-daysAgo) };
        db.Links.AddRange(
            L(sundays, moments, LinkType.Supports, 88), L(kitchen, burden, LinkType.Supports, 84), L(scale, moments, LinkType.Supports, 80),
            L(gerda, journey, LinkType.LeadsTo, 70), L(moments, place, LinkType.LeadsTo, 40), L(burden, place, LinkType.LeadsTo, 40),
            L(coffee, place, LinkType.Supports, 39), L(place, question, LinkType.LeadsTo, 35), L(groceries, question, LinkType.Supports, 19));
        db.Comments.Add(new Comment
        {
            ItemId = moments.Id,
            ProjectId = lonely.Id,
            AuthorId = users["wijkteam"].Id,
            Text = "Herkenbaar vanuit het wijkteam: op maandag bellen mensen ons vaker.",
            Html = markdown.ToSafeHtml("Herkenbaar vanuit het wijkteam: op maandag bellen mensen ons vaker."),
            KnowledgeSource = Perspective.Professional,
            Phase = Phase.Empathize,
            CreatedAt = now.AddDays(-87),
        });
        await db.SaveChangesAsync();

        // Signification on the default framework (version 0), so the analysis page has something to show.
        Signify(sundays, (0.2, 0.3, 0.5), 0.75, ("buren", 0.8, 0.4), "zorgen");
        Signify(kitchen, (0.1, 0.6, 0.3), 0.15, ("hulpverlening", 0.7, 0.8), "vertrouwen");
        Signify(coffee, (0.3, 0.05, 0.65), 0.5, ("buren", 0.9, 0.6), "vertrouwen");
        Signify(groceries, (0.25, 0.15, 0.6), 0.6, ("familie", 0.3, 0.3), "allebei");
        var more = new (string Text, Perspective Source, (double, double, double) Triad, double Dyad, string Feeling)[]
        {
            ("Na mijn verhuizing kende ik niemand in de flat. De huismeester stelde me voor aan de buurman.", Perspective.Experience, (0.15, 0.25, 0.6), 0.55, "vertrouwen"),
            ("Bij een huisbezoek zag ik dat meneer al weken niemand had gesproken. We hebben samen de buurtkamer gebeld.", Perspective.Professional, (0.1, 0.7, 0.2), 0.3, "zorgen"),
            ("In de wachtkamer bij de huisarts begon een gesprek dat nog steeds doorgaat: we wandelen nu elke dinsdag.", Perspective.Experience, (0.35, 0.1, 0.55), 0.5, "vertrouwen"),
            ("Op het spreekuur vertellen mensen pas na drie keer dat ze zich alleen voelen. Eerst gaat het over geld of gezondheid.", Perspective.Professional, (0.2, 0.6, 0.2), 0.25, "zorgen"),
            ("Ik durfde niet naar de koffieochtend. Mijn dochter is de eerste keer meegegaan.", Perspective.Experience, (0.4, 0.05, 0.55), 0.7, "allebei"),
            ("In ons onderzoek zagen we dat vaste, kleine contacten (de bakker, de buurvrouw) meer doen dan een groot aanbod.", Perspective.Scientific, (0.2, 0.2, 0.6), 0.5, "vertrouwen"),
            ("Toen mijn vrouw naar het verpleeghuis ging, viel ook onze vriendenkring weg. Ik ben zelf gaan vrijwilligeren.", Perspective.Experience, (0.7, 0.1, 0.2), 0.8, "vertrouwen"),
            ("Mensen met schulden trekken zich vaak terug, uit schaamte. Eenzaamheid en geldzorgen gaan samen.", Perspective.Scientific, (0.15, 0.45, 0.4), 0.4, "zorgen"),
        };
        var day = 95;
        foreach (var m in more)
        {
            var story = Item(new Story { PromptId = prompts[day % 2].Id, Scope = ConsentScope.Project, MayQuote = true, ConsentAt = now.AddDays(-day) },
                "", m.Text, m.Source, Phase.Empathize, null, day);
            db.Items.Add(story);
            Signify(story, m.Triad, m.Dyad, ("gemeente", 0.3, 0.7), m.Feeling);
            day -= 5;
        }
        await db.SaveChangesAsync();
    }

    /// <summary>Signification on the default framework (version 0), as the teller would give it; also used by <c>ScaleData</c>.</summary>
    internal static void Signify(Story story, (double Top, double Left, double Right) triad, double dyad, (string Id, double X, double Y) stone, string feeling)
    {
        var shares = new TriadShares(triad.Top, triad.Left, triad.Right);
        var (x, y) = Triad.ToPoint(shares);
        story.FrameworkVersion = 0;
        story.SignifiedAt = story.CreatedAt.AddMinutes(5);
        story.SignificationJson = new SignificationAnswers(new Dictionary<string, SignifierAnswer>
        {
            ["hulp"] = new() { X = x, Y = y, Top = shares.Top, Left = shares.Left, Right = shares.Right },
            ["regie"] = new() { X = dyad },
            ["betrokkenen"] = new() { Stones = new Dictionary<string, StonePoint?> { [stone.Id] = new(stone.X, stone.Y) } },
            ["gevoel"] = new() { Choices = [feeling] },
        }).ToJson();
    }
}
