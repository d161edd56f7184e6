using Microsoft.EntityFrameworkCore;
using Proeftuin.Features.Accounts;
using Proeftuin.Features.Journey;
using Proeftuin.Features.Lessons;
using Proeftuin.Features.Members;
using Proeftuin.Features.Projects;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Data;

/// <summary>
/// The lessenbibliotheek in the demo (issue 13): the two lessons the proeven left, filled in, and lessons of the other
/// projects, public and team-only, from every outcome — one of a closed project made public, so the library shows what
/// a closed project shares.
/// </summary>
internal static class DemoLessons
{
    public const string PublicTitle = "Eenzaamheid doorbreek je op het moeilijke moment, niet met meer aanbod";

    public static async Task SeedAsync(AppDbContext db, Markdown markdown, IReadOnlyDictionary<string, Project> projects,
        IReadOnlyDictionary<string, AppUser> users, DateTime now)
    {
        var themes = await db.Themes.ToDictionaryAsync(t => t.Name);
        void Fill(Lesson l, string context, string mechanism, string outcome, LessonResult result, LessonVisibility visibility, Domains domains, params string[] themeNames)
        {
            l.Context = context;
            l.Mechanism = mechanism;
            l.Outcome = outcome;
            l.Result = result;
            l.Visibility = visibility;
            l.PublishedAt = visibility == LessonVisibility.Public ? l.CreatedAt : null;
            l.Domains = domains;
            l.Themes = [.. themeNames.Select(n => themes[n])];
            l.RefreshSearchTerms();
        }
        Lesson Write(string project, string title, string text, int daysAgo, Phase phase, Perspective source, string user)
        {
            var at = now.AddDays(-daysAgo);
            var l = new Lesson
            {
                Project = projects[project],
                Title = title,
                Text = text,
                Html = markdown.ToSafeHtml(text),
                Phase = phase,
                KnowledgeSource = source,
                AuthorId = users[user].Id,
                CreatedAt = at,
                UpdatedAt = at,
            };
            db.Items.Add(l);
            return l;
        }

        // The proeven's lessons (DemoProeftuin), filled in as a team would after the decision.
        var lonely = projects["lonely"];
        var fromExperiments = await db.Items.OfType<Lesson>().Where(l => l.ProjectId == lonely.Id).OrderBy(l => l.Id).ToListAsync();
        Fill(fromExperiments[0],
            "Ouderen in Hatert die alleen wonen en op zondag niemand zien; een buurtkamer die ze kennen.",
            "Een vaste gastvrouw die mensen bij naam kent en persoonlijk uitnodigt, maakt de eerste stap klein.",
            "Na zes zondagen kwamen er gemiddeld twaalf mensen, van wie vijf die eerder nergens kwamen.",
            LessonResult.Worked, LessonVisibility.Public, Domains.Care | Domains.Housing, "eenzaamheid", "participatie");
        Fill(fromExperiments[1],
            "Bewoners die zich alleen voelen en niet vooraf willen zeggen dat ze komen.",
            "Aanmelden vraagt een toezegging; wie twijfelt, zegt dan liever niets.",
            "Eén aanmelding in twee weken. We stopten, en leerden eerst te vragen hoe mensen nu van dingen horen.",
            LessonResult.BrilliantFailure, LessonVisibility.Team, Domains.Care, "eenzaamheid");

        var fromJourney = Write("lonely", PublicTitle,
            "Mensen voelen zich niet de hele week even alleen: het schuurt op vaste momenten, vooral de zondag. Een activiteit op dat moment helpt meer dan een extra activiteit door de week.",
            3, Phase.Ideate, Perspective.Scientific, "onderzoeker");
        Fill(fromJourney, "Wijken met veel alleenwonende ouderen; eenzaamheid die aan vaste momenten vastzit.",
            "Het moment zelf is de drempel: wie op dat moment iemand treft, hoeft niet eerst een nieuwe gewoonte op te bouwen.",
            "In de helft van de 24 verhalen ging het over de zondag; de zondagkoffie trok mensen die nergens anders kwamen.",
            LessonResult.Worked, LessonVisibility.Public, Domains.Care, "eenzaamheid", "participatie");
        var signpost = await db.Items.OfType<JourneyEntry>().Where(e => e.ProjectId == lonely.Id && e.Type == JourneyEntryType.Signpost).FirstAsync();
        db.Links.Add(new Link { ProjectId = lonely.Id, From = signpost, To = fromJourney, Type = LinkType.LeadsTo, CreatedById = users["onderzoeker"].Id, CreatedAt = fromJourney.CreatedAt });

        Fill(Write("ehealth", "Een beeldbelconsult werkt als de wijkverpleging erbij zit",
                "Patiënten die thuis met de huisarts beeldbellen, voelen zich zekerder als de wijkverpleegkundige naast hen zit.", 30, Phase.Prototype, Perspective.Professional, "procesbegeleider"),
            "Oudere patiënten met een chronische aandoening, thuis, met een vaste wijkverpleegkundige.",
            "Een bekend gezicht in de kamer neemt de angst voor de techniek weg, en de verpleegkundige vult aan wat de patiënt vergeet.",
            "Acht van de tien consulten liepen zonder technische hulp van buiten; patiënten gaven gemiddeld een 8.",
            LessonResult.Worked, LessonVisibility.Public, Domains.Care, "gezondheid");
        Fill(Write("ehealth", "Een app voor mantelzorgers werd niet gebruikt",
                "Mantelzorgers vonden de app een taak erbij. Ze wilden minder schermen, niet meer.", 45, Phase.Prototype, Perspective.Experience, "wijkteam"),
            "Mantelzorgers van ouderen met dementie, die al veel regelen.",
            "Een nieuwe app vraagt aandacht die mantelzorgers niet over hebben; wat al in hun dag zit (een telefoontje) werkt beter.",
            "Na vier weken gebruikten twee van de vijftien mantelzorgers de app nog.",
            LessonResult.DidNotWork, LessonVisibility.Public, Domains.Care, "mantelzorg", "gezondheid");
        Fill(Write("poverty", "Een vast contactpersoon bij schulden maakt hulp vragen makkelijker",
                "Gezinnen met schulden vertelden dat ze hun verhaal steeds opnieuw moesten doen. Eén vast contactpersoon maakte het verschil.", 20, Phase.Empathize, Perspective.Experience, "inwoner"),
            "Gezinnen met betalingsachterstanden die met meer instanties te maken hebben.",
            "Vertrouwen groeit bij één persoon; wie zijn verhaal niet steeds opnieuw hoeft te doen, vraagt eerder hulp.",
            "In de verhalen kwam dit bij negen van de twaalf gezinnen terug.",
            LessonResult.Worked, LessonVisibility.Public, Domains.Income | Domains.Care, "schulden", "armoede");
        Fill(Write("work", "Bijverdienen zonder korting maakt de stap naar werk kleiner",
                "Werkzoekenden durfden meer uren te werken toen ze wisten dat ze hun uitkering niet meteen kwijt waren.", 15, Phase.Ideate, Perspective.Professional, "procesbegeleider"),
            "Mensen in de bijstand die een paar uur per week kunnen werken.",
            "Zekerheid over inkomen neemt de angst weg om iets te proberen.",
            "Zes van de tien deelnemers gingen meer uren werken.",
            LessonResult.Worked, LessonVisibility.Public, Domains.Labour | Domains.Income, "werkloosheid", "bestaanszekerheid");
        Fill(Write("work", "Werkgevers haken af als de administratie te veel is",
                "Twee werkgevers stopten omdat ze elke maand formulieren moesten invullen.", 10, Phase.Ideate, Perspective.Professional, "procesbegeleider"),
            "Kleine werkgevers zonder eigen personeelsafdeling.",
            "Elk formulier is tijd die een kleine werkgever niet heeft.",
            "Twee van de vijf werkgevers stopten na de eerste maand.",
            LessonResult.DidNotWork, LessonVisibility.Team, Domains.Labour, "werkloosheid");
        Fill(Write("buurtkamer", "Open deur alleen is niet genoeg",
                "De buurtkamer stond open, maar nieuwe mensen liepen niet binnen zonder uitnodiging.", 12, Phase.Prototype, Perspective.Experience, "inwoner"),
            "Een nieuwe buurtkamer in een wijk waar mensen elkaar weinig kennen.",
            "Binnenlopen bij onbekenden is een grote stap; een uitnodiging van een bekende maakt hem klein.",
            "De eerste weken kwamen alleen mensen die al actief waren.",
            LessonResult.DidNotWork, LessonVisibility.Team, Domains.Care | Domains.Housing, "eenzaamheid");
        await db.SaveChangesAsync();
    }
}
