using Microsoft.EntityFrameworkCore;
using Proeftuin.Features.Accounts;
using Proeftuin.Features.Experiments;
using Proeftuin.Features.Learning;
using Proeftuin.Features.Members;
using Proeftuin.Features.Projects;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Data;

/// <summary>
/// The learning agenda in the demo (issue 13), for "Samen tegen eenzaamheid in de wijk": three leervragen — one
/// answered by the Sunday proef and its observations, one the team is still exploring, one still open — and a
/// systeembarrière (the buurtkamer's Sunday closing) that was raised with the alderman. Each has the versions it went
/// through, as SaveAgendaItem keeps them.
/// </summary>
internal static class DemoLearning
{
    public const string AnsweredQuestion = "Lopen bewoners die alleen zijn op zondag zonder afspraak binnen?";

    public static async Task SeedAsync(AppDbContext db, Markdown markdown, Project lonely, IReadOnlyDictionary<string, AppUser> users, DateTime now)
    {
        var experiment = await db.Items.OfType<Experiment>().Where(e => e.ProjectId == lonely.Id && e.Title == DemoProeftuin.ExperimentTitle).FirstOrDefaultAsync();
        if (experiment is null) return;
        var observations = await db.Items.OfType<Observation>().Where(o => o.ExperimentId == experiment.Id).OrderBy(o => o.Id).ToListAsync();
        var insights = await db.Items.OfType<Insight>().Where(i => i.ProjectId == lonely.Id).OrderBy(i => i.Id).ToListAsync();
        var today = DateOnly.FromDateTime(Shared.Dates.Local(now));
        var evaluator = users["onderzoeker"].Id;
        var lead = users["procesbegeleider"].Id;
        var mark = users["wijkteam"].Id;

        T Add<T>(T item, string title, string text, Phase phase, string author, DateTime at) where T : ThreadItem
        {
            item.ProjectId = lonely.Id;
            item.Title = title;
            item.Text = text;
            item.Html = markdown.ToSafeHtml(text);
            item.Phase = phase;
            item.KnowledgeSource = Perspective.Scientific;
            item.AuthorId = author;
            item.CreatedAt = at;
            item.UpdatedAt = at;
            db.Items.Add(item);
            return item;
        }
        var number = new Dictionary<ThreadItem, int>();
        // A version as SaveAgendaItem writes it: what the item says now, when this is called.
        void Version(ThreadItem item, AgendaChange change, string? by, DateTime at, string reason = "")
        {
            number[item] = number.GetValueOrDefault(item) + 1;
            db.Add(AgendaFields.Of(item).Version(item, number[item], change, reason, by, at));
            item.UpdatedAt = at;
        }
        void Evidence(ThreadItem evidence, ThreadItem item, DateTime at) =>
            db.Links.Add(new Link { ProjectId = lonely.Id, From = evidence, To = item, Type = LinkType.Supports, CreatedById = evaluator, CreatedAt = at });

        // 1. Answered: asked ex ante, sharpened before the proef, answered by it.
        var asked = now.AddDays(-170);
        var walkIn = Add(new LearningQuestion { ForWhom = "Het wijkteam en de gemeente", DueOn = today.AddDays(-5), OwnerId = evaluator },
            "Komen bewoners die alleen zijn naar een open inloop?",
            "Een inloop kost geld en vrijwilligers. Als niemand komt, kiezen we een andere weg.", Phase.Empathize, evaluator, asked);
        Version(walkIn, AgendaChange.Added, evaluator, asked);
        walkIn.Title = AnsweredQuestion;
        walkIn.ForWhom = "Het wijkteam en de gemeente, voor het besluit over een vaste zondaginloop";
        Version(walkIn, AgendaChange.Edited, evaluator, now.AddDays(-40), "In de verhalen ging het steeds over de zondag. Zonder afspraak is de drempel het laagst.");
        walkIn.Status = LearningStatus.Answered;
        walkIn.Answer = "Ja. Op twee zondagen kwamen gemiddeld 14 mensen, vier van hen voor het eerst. Maar nieuwe bezoekers voelden zich minder welkom " +
            "(3,1 van 5) dan vaste bezoekers (4,6). Komen lukt; erbij horen nog niet.";
        walkIn.AnswerHtml = markdown.ToSafeHtml(walkIn.Answer);
        Version(walkIn, AgendaChange.StatusChanged, evaluator, now.AddDays(-2), "De proef in Buurtkamer De Linde is klaar.");
        Evidence(experiment, walkIn, now.AddDays(-2));
        foreach (var o in observations.Take(2)) Evidence(o, walkIn, now.AddDays(-2));

        // 2. Exploring: raised by what the proef showed.
        var welcomeAsked = now.AddDays(-2);
        var welcome = Add(new LearningQuestion { ForWhom = "De gastvrouwen en het wijkteam", DueOn = today.AddDays(30), OwnerId = mark, Status = LearningStatus.Exploring },
            "Wat maakt dat nieuwe bezoekers zich welkom voelen?",
            "Vaste bezoekers zitten samen; nieuwe mensen zitten vaak alleen aan de kant. Wat helpt hen om erbij te horen?", Phase.Prototype, mark, welcomeAsked);
        Version(welcome, AgendaChange.Added, mark, welcomeAsked);
        if (observations.Count > 2) Evidence(observations[2], welcome, welcomeAsked);
        if (insights.Count > 0) Evidence(insights[0], welcome, welcomeAsked);

        // 3. Open: for the municipality, not answered by one proef.
        var costAsked = now.AddDays(-20);
        var cost = Add(new LearningQuestion { ForWhom = "De gemeente (beleid zorg en welzijn), voor de begroting", DueOn = today.AddDays(60), OwnerId = evaluator },
            "Wat kost een open zondag per bezoeker, en wie betaalt dat?",
            "Zonder dit antwoord kan de gemeente niet besluiten of de inloop blijft.", Phase.Define, evaluator, costAsked);
        Version(cost, AgendaChange.Added, evaluator, costAsked);

        // The barrier: the regelruimte of the proef ends; the rule itself still stands.
        var noticed = now.AddDays(-12);
        var closed = Add(new SystemBarrier { WhoCanMove = "Wethouder Zorg en Welzijn", OwnerId = lead },
            "Buurthuizen zijn op zondag gesloten",
            "De openingstijden van de buurthuizen staan in de subsidieregeling. Voor de proef mocht De Linde tijdelijk open; daarna niet meer.",
            Phase.Prototype, lead, noticed);
        Version(closed, AgendaChange.Added, lead, noticed);
        closed.Status = BarrierStatus.Raised;
        Version(closed, AgendaChange.StatusChanged, lead, now.AddDays(-1), "Besproken met de wethouder; die wil eerst de uitkomst van de leervraag over de kosten.");
        Evidence(experiment, closed, noticed);

        foreach (var item in new ThreadItem[] { walkIn, welcome, cost, closed })
            item.SearchTerms = item switch
            {
                LearningQuestion q => DutchStems.ToSearchTerms(q.Title, q.ForWhom, q.Text, q.Answer),
                SystemBarrier b => DutchStems.ToSearchTerms(b.Title, b.WhoCanMove, b.Text, b.Outcome),
                _ => "",
            };
        await db.SaveChangesAsync();
    }
}
