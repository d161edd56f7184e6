using Microsoft.EntityFrameworkCore;
using Proeftuin.Features.Accounts;
using Proeftuin.Features.Learning;
using Proeftuin.Features.Members;
using Proeftuin.Features.Projects;
using Proeftuin.Features.Reflections;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Data;

/// <summary>
/// Reflectiemomenten in the demo (issue 13), for "Samen tegen eenzaamheid in de wijk": one held after the Sunday proef,
/// with answers from a resident, a wijkteam worker and the researcher (all three kennisbronnen), its outcome and advice;
/// and one planned for after the next proef, with one answer so far.
/// </summary>
internal static class DemoReflections
{
    public const string DoneTitle = "Terugkijken op de zondaginloop";
    public const string PlannedTitle = "Reflectie na de welkomstproef";

    public static async Task SeedAsync(AppDbContext db, Markdown markdown, Project lonely, IReadOnlyDictionary<string, AppUser> users, DateTime now)
    {
        var questions = await db.Items.OfType<LearningQuestion>().Where(q => q.ProjectId == lonely.Id).OrderBy(q => q.Id).ToListAsync();
        if (questions.Count < 2) return;
        var today = DateOnly.FromDateTime(Shared.Dates.Local(now));
        var evaluator = users["onderzoeker"].Id;
        var resident = users["inwoner"].Id;
        var worker = users["wijkteam"].Id;

        Reflection Plan(string title, string text, DateOnly day, DateTime at, params LearningQuestion[] about)
        {
            var r = new Reflection
            {
                ProjectId = lonely.Id,
                Title = title,
                Text = text,
                Html = markdown.ToSafeHtml(text),
                HeldOn = day,
                Phase = Phase.Prototype,
                KnowledgeSource = Perspective.Scientific,
                AuthorId = evaluator,
                CreatedAt = at,
                UpdatedAt = at,
                SearchTerms = DutchStems.ToSearchTerms(title, text),
                Prompts = ReflectionPrompt.InOrder(ReflectionLimits.DefaultPrompts),
                Participants = [new ReflectionParticipant { UserId = resident }, new ReflectionParticipant { UserId = worker }],
            };
            db.Items.Add(r);
            foreach (var q in about) db.Links.Add(new Link { ProjectId = lonely.Id, From = r, To = q, Type = LinkType.Supports, CreatedById = evaluator, CreatedAt = at });
            return r;
        }
        // Answers name their reflection and prompt by id: written once the plans are saved.
        var answers = new List<(Reflection Reflection, int Prompt, string UserId, Perspective Perspective, string Text, DateTime At)>();
        void Answer(Reflection r, int prompt, string userId, Perspective perspective, string text, DateTime at) => answers.Add((r, prompt, userId, perspective, text, at));

        var held = now.AddDays(-3);
        var done = Plan(DoneTitle, "Wat leerden we van de twee zondagen in Buurtkamer De Linde? We kijken naar de leervraag over de inloop.",
            today.AddDays(-3), now.AddDays(-10), questions[0], questions[1]);
        Answer(done, 0, resident, Perspective.Experience, "Er kwamen mensen die ik nooit eerder zag. Eén mevrouw bleef de hele middag.", held);
        Answer(done, 1, resident, Perspective.Experience, "Dat nieuwe mensen vaak alleen aan de kant zaten, ook als het druk was.", held);
        Answer(done, 0, worker, Perspective.Professional, "Gemiddeld 14 bezoekers, vier nieuwe. Twee kwamen via de huisarts.", held);
        Answer(done, 2, worker, Perspective.Professional, "Een gastvrouw bij de deur die nieuwe mensen aan tafel brengt.", held);
        Answer(done, 1, evaluator, Perspective.Scientific, "Nieuwe bezoekers gaven het welkom een 3,1 van 5; vaste bezoekers een 4,6.", held);
        Answer(done, 2, evaluator, Perspective.Scientific, "Meten per bezoek, niet per middag: dan zien we wie terugkomt.", held);
        done.Status = ReflectionStatus.Done;
        done.Outcome = "Komen lukt: een open inloop op zondag trekt ook mensen die alleen zijn. **Erbij horen lukt nog niet**: nieuwe bezoekers voelen zich minder welkom dan vaste.";
        done.OutcomeHtml = markdown.ToSafeHtml(done.Outcome);
        done.Advice = "Houd de zondaginloop, en probeer in de volgende proef een gastvrouw bij de deur. Meet het welkom per bezoek.";
        done.AdviceHtml = markdown.ToSafeHtml(done.Advice);
        done.ClosedAt = now.AddDays(-2);

        var planned = Plan(PlannedTitle, "Helpt een gastvrouw bij de deur nieuwe bezoekers om erbij te horen?", today.AddDays(21), now.AddDays(-1), questions[1]);
        Answer(planned, 0, worker, Perspective.Professional, "De eerste zondag met gastvrouw: nieuwe mensen zaten sneller aan een tafel.", now.AddHours(-5));
        await db.SaveChangesAsync();
        foreach (var a in answers)
        {
            db.Add(new ReflectionAnswer
            {
                ReflectionId = a.Reflection.Id,
                PromptId = a.Reflection.Prompts[a.Prompt].Id,
                UserId = a.UserId,
                Perspective = a.Perspective,
                Text = a.Text,
                CreatedAt = a.At,
                UpdatedAt = a.At,
            });
        }
        await db.SaveChangesAsync();
    }
}
