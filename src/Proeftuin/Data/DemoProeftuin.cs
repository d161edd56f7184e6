using Microsoft.EntityFrameworkCore;
using Proeftuin.Features.Accounts;
using Proeftuin.Features.Experiments;
using Proeftuin.Features.Feedback;
using Proeftuin.Features.Gates;
using Proeftuin.Features.Lessons;
using Proeftuin.Features.Members;
using Proeftuin.Features.Notifications;
using Proeftuin.Features.Projects;
using Proeftuin.Features.Prototypes;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Data;

/// <summary>
/// The proeftuin in the demo (issue 12), for "Samen tegen eenzaamheid in de wijk": the session's idea "Een open huis op
/// zondag" becomes a prototype with assumptions, tried in a proef (regelruimte, criteria, observations, measurements)
/// that ends in a <i>bijsturen</i> decision and a lesson; a second prototype's proef is stopped as a briljante
/// mislukking; a third proef has ended and waits for its decision. The project went through two gates: on to
/// Prototypen after the evaluator's advice, and back to Ideeën after the bijsturen decision. The tellers of the stories
/// behind the idea were told at each stage, as <see cref="NotifyTeller"/> does.
/// </summary>
internal static class DemoProeftuin
{
    public const string PrototypeTitle = "Open huis met een gastvrouw";
    public const string ExperimentTitle = "Zondagmiddag open in Buurtkamer De Linde";
    public const string FailedPrototypeTitle = "Aanmelden via de buurtapp";
    public const string FailedExperimentTitle = "Zondagkoffie met aanmelden via de app";
    public const string VolunteersExperimentTitle = "Vrijwilligers voor de zondagmiddag";

    public static async Task SeedAsync(AppDbContext db, Markdown markdown, Project lonely, IReadOnlyDictionary<string, AppUser> users, DateTime now)
    {
        var idea = await db.Items.OfType<Idea>().Where(i => i.ProjectId == lonely.Id && i.Title == "Een open huis op zondag").FirstOrDefaultAsync();
        if (idea is null) return;
        var lead = users["procesbegeleider"].Id;
        var mark = users["wijkteam"].Id;
        var today = DateOnly.FromDateTime(Shared.Dates.Local(now));
        var told = await TellersAsync(db, idea.Id);

        T Item<T>(T item, string title, string text, Phase phase, Perspective source, string? author, DateTime at) where T : ThreadItem
        {
            item.ProjectId = lonely.Id;
            item.Title = title;
            item.Text = text;
            item.Html = markdown.ToSafeHtml(text);
            item.Phase = phase;
            item.KnowledgeSource = source;
            item.AuthorId = author;
            item.CreatedAt = at;
            item.UpdatedAt = at;
            item.SearchTerms = DutchStems.ToSearchTerms(title, text);
            db.Items.Add(item);
            return item;
        }
        void Leads(ThreadItem from, ThreadItem to, DateTime at, LinkType type = LinkType.LeadsTo) =>
            db.Links.Add(new Link { ProjectId = lonely.Id, From = from, To = to, Type = type, CreatedById = lead, CreatedAt = at });
        // As NotifyTeller does: every teller behind the idea hears of each new stage once, with a link to their own view.
        void Tell(ThreadItem outcome, ItemKind kind, DateTime at)
        {
            foreach (var (storyId, tellerId, storyTitle) in told)
                db.Notifications.Add(new Notification
                {
                    UserId = tellerId,
                    Text = NotifyTeller.OutcomeText(kind, outcome.Title, storyTitle),
                    Url = NotifyTeller.OutcomePath(storyId),
                    StoryId = storyId,
                    CreatedAt = at,
                });
        }

        // 1. The prototype: a role play of the Sunday afternoon, with what the team takes for granted.
        var made = now.AddDays(-13);
        var prototype = Item(new Prototype { ForWhom = "Bewoners van Hatert die op zondag alleen zijn", Form = PrototypeForm.RolePlay },
            PrototypeTitle,
            "We spelen een zondagmiddag na in Buurtkamer De Linde: een gastvrouw bij de deur, koffie, en niets hoeft.\n\n" +
            "**Wat we willen leren:** komen mensen zonder afspraak binnen, en voelen ze zich welkom als ze niemand kennen?",
            Phase.Prototype, Perspective.Professional, lead, made);
        Leads(idea, prototype, made);
        db.Set<Assumption>().AddRange(
            new Assumption { Prototype = prototype, Text = "Mensen durven zonder afspraak binnen te lopen.", Risk = AssumptionRisk.High, Certainty = AssumptionCertainty.Unsure, AuthorId = lead, CreatedAt = made, UpdatedAt = made },
            new Assumption { Prototype = prototype, Text = "Een gastvrouw bij de deur maakt de drempel lager.", Risk = AssumptionRisk.Medium, Certainty = AssumptionCertainty.Somewhat, AuthorId = mark, CreatedAt = made, UpdatedAt = made },
            new Assumption { Prototype = prototype, Text = "Vrijwilligers willen op zondagmiddag komen.", Risk = AssumptionRisk.High, Certainty = AssumptionCertainty.Sure, AuthorId = lead, CreatedAt = made, UpdatedAt = made },
            new Assumption { Prototype = prototype, Text = "Koffie en thee zijn genoeg; een programma is niet nodig.", Risk = AssumptionRisk.Low, Certainty = AssumptionCertainty.Somewhat, AuthorId = mark, CreatedAt = made, UpdatedAt = made });
        Tell(prototype, ItemKind.Prototype, made);

        // 2. The proef: two Sundays, with the building's opening hours set aside.
        var setUp = now.AddDays(-12);
        var starts = today.AddDays(-11);
        var ends = today.AddDays(-3);
        var visitors = new SuccessCriterion { Position = 0, What = "Bewoners lopen zonder afspraak binnen", Measure = "Tellen bij de deur, elke zondag", Threshold = "Gemiddeld 12 per zondag", Result = CriterionResult.Met, Evidence = "Gemiddeld 14 bezoekers (16 en 12).", ResultAt = now.AddDays(-2), ResultById = lead };
        var welcome = new SuccessCriterion { Position = 1, What = "Nieuwe bezoekers voelen zich welkom", Measure = "Eén vraag bij het weggaan: hoe welkom voelde je je? (1 tot 5)", Threshold = "Gemiddeld 4 of hoger", Result = CriterionResult.NotMet, Evidence = "Nieuwe bezoekers gaven gemiddeld 3,1; vaste bezoekers 4,6.", ResultAt = now.AddDays(-2), ResultById = lead };
        var experiment = Item(new Experiment
        {
            PrototypeId = null,
            Place = "Buurtkamer De Linde, Hatert",
            StartsOn = starts,
            EndsOn = ends,
            ParticipantsWho = "Bewoners van Hatert die op zondag vaak alleen zijn, en twee vrijwillige gastvrouwen",
            ParticipantCount = 30,
            Recruitment = "Via de huisarts, het wijkteam, de voedselbank en een briefje in de bus",
            Safety = "Iedereen mag zonder afspraak komen en gaan. Wie meedoet aan de vraag bij het weggaan, zegt dat hardop; namen schrijven we niet op.",
            SafetyHtml = "",
            MeasurementPlan = "- Elke zondag tellen bij de deur\n- Eén vraag bij het weggaan: hoe welkom voelde je je?\n- De gastvrouwen schrijven na afloop op wat ze zagen",
            MeasurementPlanHtml = "",
            Status = ExperimentStatus.Ended,
            StartedAt = Shared.Dates.StartUtc(starts),
            EndedAt = now.AddDays(-3),
            Criteria = [visitors, welcome],
            Rules = [new RuleException { Position = 0, Rule = "De buurtkamer is op zondag gesloten (openingstijden buurthuizen)", ApprovedBy = "Wethouder Zorg en Welzijn", Until = today.AddDays(25) }],
        }, ExperimentTitle,
            "Als Buurtkamer De Linde op zondagmiddag open is, met een gastvrouw bij de deur, dan lopen bewoners die alleen zijn " +
            "zonder afspraak binnen en voelen ze zich welkom.", Phase.Prototype, Perspective.Professional, mark, setUp);
        experiment.SafetyHtml = markdown.ToSafeHtml(experiment.Safety);
        experiment.MeasurementPlanHtml = markdown.ToSafeHtml(experiment.MeasurementPlan);
        experiment.SearchTerms = DutchStems.ToSearchTerms([experiment.Title, experiment.Text, experiment.Place, experiment.ParticipantsWho, experiment.Safety,
            experiment.MeasurementPlan, .. experiment.Criteria.Select(c => c.What), .. experiment.Rules.Select(r => r.Rule)]);
        Leads(prototype, experiment, setUp);
        Tell(experiment, ItemKind.Experiment, setUp);
        await db.SaveChangesAsync();
        experiment.PrototypeId = prototype.Id;

        // During the run: what the team saw and heard, and what they counted.
        Observation Observe(string text, DateOnly on, Perspective source, string? author, SuccessCriterion? about)
        {
            var at = Shared.Dates.StartUtc(on).AddHours(17);
            var o = Item(new Observation { ExperimentId = experiment.Id, ObservedOn = on, CriterionId = about?.Id }, LogObservation.TitleOf(text), text, Phase.Prototype, source, author, at);
            Leads(o, experiment, at, LinkType.Supports);
            return o;
        }
        var sunday1 = starts.AddDays(1);
        var sunday2 = starts.AddDays(8);
        Observe("Er kwamen 16 mensen. Vier van hen waren nog nooit in de buurtkamer geweest.", sunday1, Perspective.Professional, mark, visitors);
        Observe("Een nieuwe bezoeker bleef bij de deur staan tot de gastvrouw haar een kopje koffie bracht. Daarna bleef ze twee uur.", sunday1, Perspective.Experience, users["inwoner"].Id, welcome);
        var apart = Observe("De vaste bezoekers zaten samen aan één tafel. Nieuwe mensen zaten vaak alleen aan de kant.", sunday2, Perspective.Experience, users["inwoner"].Id, welcome);
        db.Set<Measurement>().AddRange(
            new Measurement { ExperimentId = experiment.Id, CriterionId = visitors.Id, Value = "16", MeasuredOn = sunday1, Note = "Geteld bij de deur", AuthorId = mark, CreatedAt = Shared.Dates.StartUtc(sunday1).AddHours(17) },
            new Measurement { ExperimentId = experiment.Id, CriterionId = visitors.Id, Value = "12", MeasuredOn = sunday2, Note = "Het regende", AuthorId = mark, CreatedAt = Shared.Dates.StartUtc(sunday2).AddHours(17) },
            new Measurement { ExperimentId = experiment.Id, CriterionId = welcome.Id, Value = "3,1", MeasuredOn = sunday2, Note = "Gemiddelde van nieuwe bezoekers (9 antwoorden)", AuthorId = mark, CreatedAt = Shared.Dates.StartUtc(sunday2).AddHours(17) });

        // Feedback from the visitors on a phone at the door (now closed: the proef ended); one answer backs an observation.
        await FeedbackAsync(db, lonely.Id, experiment.Id, apart, mark, sunday1, sunday2);

        // The decision: bijsturen, back to ideas about how a newcomer finds a seat; and its lesson.
        var decided = now.AddDays(-2);
        var decision = Item(new Decision
        {
            ExperimentId = experiment.Id,
            Choice = DecisionChoice.Adjust,
            BackToPhase = Phase.Ideate,
            WhatChanges = "We bedenken samen met bewoners hoe een nieuwe bezoeker aan tafel komt: een vaste tafelgenoot, een spel, of samen koken.",
        }, $"Besluit over {ExperimentTitle}: bijsturen",
            "Mensen kwamen wel: de drempel is lager dan we dachten. Maar nieuwe bezoekers voelden zich niet echt welkom. Dat moet eerst beter.",
            Phase.Prototype, Perspective.Professional, lead, decided);
        var lesson = Item(new Lesson(), $"Les uit {ExperimentTitle}",
            "Een open deur is niet genoeg. Wie nieuw is, heeft iemand nodig die zegt: kom bij ons zitten.",
            Phase.Prototype, Perspective.Professional, lead, decided);
        lesson.Html = "<p>" + System.Net.WebUtility.HtmlEncode(lesson.Text) + "</p>";
        Leads(experiment, decision, decided);
        Leads(decision, lesson, decided);
        Tell(decision, ItemKind.Decision, decided);

        // 3. A briljante mislukking: signing up through the neighbourhood app, stopped after one Sunday.
        var made2 = now.AddDays(-12);
        var failedPrototype = Item(new Prototype { ForWhom = "Bewoners die liever van tevoren weten wie er komt", Form = PrototypeForm.MockUp },
            FailedPrototypeTitle,
            "Een mock-up van een aanmeldknop in de buurtapp: je ziet wie er zondag komt en meldt je aan.\n\n**Wat we willen leren:** helpt aanmelden mensen om te komen?",
            Phase.Prototype, Perspective.Professional, lead, made2);
        Leads(idea, failedPrototype, made2);
        db.Set<Assumption>().Add(new Assumption { Prototype = failedPrototype, Text = "Bewoners die alleen zijn, gebruiken de buurtapp.", Risk = AssumptionRisk.High, Certainty = AssumptionCertainty.Unsure, AuthorId = lead, CreatedAt = made2, UpdatedAt = made2 });
        Tell(failedPrototype, ItemKind.Prototype, made2);
        var failedStarts = today.AddDays(-10);
        var failedEnds = today.AddDays(-9);
        var signUps = new SuccessCriterion { Position = 0, What = "Bewoners melden zich aan via de app", Measure = "Aantal aanmeldingen in de app", Threshold = "Minstens 10 per zondag", Result = CriterionResult.NotMet, Evidence = "Twee aanmeldingen, allebei van vrijwilligers.", ResultAt = now.AddDays(-8), ResultById = lead };
        var failed = Item(new Experiment
        {
            Place = "Buurtkamer De Linde, Hatert, en de buurtapp",
            StartsOn = failedStarts,
            EndsOn = failedEnds,
            ParticipantsWho = "Bewoners van Hatert met de buurtapp",
            ParticipantCount = 15,
            Recruitment = "Een bericht in de buurtapp",
            Safety = "Aanmelden is vrijwillig; wie zich niet aanmeldt, is ook welkom.",
            MeasurementPlan = "Aanmeldingen tellen in de app en bij de deur vragen hoe mensen ervan hoorden.",
            Status = ExperimentStatus.Ended,
            StartedAt = Shared.Dates.StartUtc(failedStarts),
            EndedAt = now.AddDays(-9),
            Criteria = [signUps],
        }, FailedExperimentTitle,
            "Als bewoners zich via de buurtapp kunnen aanmelden voor zondagkoffie, dan komen er meer mensen die alleen zijn.",
            Phase.Prototype, Perspective.Professional, lead, made2.AddHours(2));
        failed.SafetyHtml = markdown.ToSafeHtml(failed.Safety);
        failed.MeasurementPlanHtml = markdown.ToSafeHtml(failed.MeasurementPlan);
        Leads(failedPrototype, failed, made2.AddHours(2));
        Tell(failed, ItemKind.Experiment, made2.AddHours(2));
        await db.SaveChangesAsync();
        failed.PrototypeId = failedPrototype.Id;
        var stopped = now.AddDays(-8);
        var failedDecision = Item(new Decision
        {
            ExperimentId = failed.Id,
            Choice = DecisionChoice.Stop,
            BrilliantFailure = true,
            FailureTaught = "De mensen voor wie we het deden, gebruiken de app niet. Wie zich eenzaam voelt, meldt zich niet aan; die loopt binnen als de deur open is.",
        }, $"Besluit over {FailedExperimentTitle}: stoppen",
            "Er meldden zich alleen vrijwilligers aan. Een app past niet bij deze groep.",
            Phase.Prototype, Perspective.Professional, lead, stopped);
        var failedLesson = Item(new Lesson(), $"Les uit {FailedExperimentTitle}",
            "Vraag eerst hoe mensen nu van dingen horen, voordat je een nieuw kanaal kiest.",
            Phase.Prototype, Perspective.Professional, lead, stopped);
        failedLesson.Html = "<p>" + System.Net.WebUtility.HtmlEncode(failedLesson.Text) + "</p>";
        Leads(failed, failedDecision, stopped);
        Leads(failedDecision, failedLesson, stopped);
        Tell(failedDecision, ItemKind.Decision, stopped);

        // 4. A proef that ended yesterday, results recorded, the decision still to take (the besluit form has work to do).
        var volunteersStarts = today.AddDays(-10);
        var volunteers = Item(new Experiment
        {
            Place = "Buurtkamer De Linde en het vrijwilligerspunt Nijmegen-Zuid",
            StartsOn = volunteersStarts,
            EndsOn = today.AddDays(-1),
            ParticipantsWho = "Vrijwilligers uit de wijk die op zondag tijd hebben",
            ParticipantCount = 8,
            Recruitment = "Een oproep in de nieuwsbrief van het vrijwilligerspunt",
            Safety = "Vrijwilligers doen mee zonder verplichting en kunnen elk moment stoppen.",
            MeasurementPlan = "Aanmeldingen tellen, en na afloop een kort gesprek met elke vrijwilliger.",
            Status = ExperimentStatus.Ended,
            StartedAt = Shared.Dates.StartUtc(volunteersStarts),
            EndedAt = now.AddDays(-1),
            Criteria =
            [
                new SuccessCriterion
                {
                    Position = 0, What = "Genoeg vrijwilligers voor elke zondag", Measure = "Aantal vrijwilligers dat zich voor vaste zondagen aanmeldt",
                    Threshold = "Minstens 4", Result = CriterionResult.Partly, Evidence = "Drie vrijwilligers meldden zich aan; twee kunnen elke week.",
                    ResultAt = now.AddHours(-20), ResultById = lead,
                },
            ],
        }, VolunteersExperimentTitle,
            "Als we vrijwilligers vragen voor vaste zondagmiddagen, dan kan de buurtkamer elke zondag open met een gastvrouw of gastheer.",
            Phase.Prototype, Perspective.Professional, lead, setUp.AddHours(3));
        volunteers.SafetyHtml = markdown.ToSafeHtml(volunteers.Safety);
        volunteers.MeasurementPlanHtml = markdown.ToSafeHtml(volunteers.MeasurementPlan);
        Leads(prototype, volunteers, setUp.AddHours(3));
        Tell(volunteers, ItemKind.Experiment, setUp.AddHours(3));
        await db.SaveChangesAsync();
        volunteers.PrototypeId = prototype.Id;

        GatesFor(db, lonely, lead, users["onderzoeker"].Id, made, decided);
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// The gates (ADR 0028): after the session the facilitator asked the evaluator whether to go straight to a prototype,
    /// then went on to Prototypen with that advice; after the bijsturen decision the project went back to Ideeën.
    /// </summary>
    private static void GatesFor(AppDbContext db, Project lonely, string lead, string evaluator, DateTime prototyped, DateTime adjusted)
    {
        var onward = new GateDecision
        {
            ProjectId = lonely.Id,
            Verdict = GateVerdict.Go,
            FromPhase = Phase.Define,
            ToPhase = Phase.Prototype,
            Reasons = "De sessie gaf één idee waar bewoners en professionals allebei achter staan. We proberen het meteen klein uit, zoals de evaluator adviseert.",
            ByUserId = lead,
            At = prototyped.AddHours(-2),
        };
        onward.PhaseTransition = new PhaseTransition { ProjectId = lonely.Id, FromPhase = Phase.Define, ToPhase = Phase.Prototype, Reason = onward.Reasons, ByUserId = lead, At = onward.At };
        db.Add(new GateAdviceRequest
        {
            ProjectId = lonely.Id,
            ProposedVerdict = GateVerdict.Go,
            FromPhase = Phase.Define,
            ProposedPhase = Phase.Prototype,
            Question = "De sessie leverde het idee 'Een open huis op zondag' op. Gaan we meteen naar een prototype, of werken we eerst meer ideeën uit?",
            AskedByUserId = lead,
            AskedAt = prototyped.AddDays(-1),
            Decision = onward,
            ClosedAt = onward.At,
            Advice =
            [
                new GateAdvice
                {
                    EvaluatorId = evaluator,
                    Recommendation = GateVerdict.Go,
                    Text = "Doe het, maar klein: twee zondagen. Meet niet alleen hoeveel mensen komen, maar ook of nieuwe bezoekers zich welkom voelen.",
                    GivenAt = prototyped.AddHours(-20),
                },
            ],
        });
        var back = new GateDecision
        {
            ProjectId = lonely.Id,
            Verdict = GateVerdict.Back,
            FromPhase = Phase.Prototype,
            ToPhase = Phase.Ideate,
            Reasons = "De proef in De Linde: mensen komen wel, maar nieuwe bezoekers voelen zich nog niet welkom.",
            WhatChanges = "We bedenken samen met bewoners hoe een nieuwe bezoeker aan tafel komt.",
            ByUserId = lead,
            At = adjusted.AddHours(1),
        };
        back.PhaseTransition = new PhaseTransition { ProjectId = lonely.Id, FromPhase = Phase.Prototype, ToPhase = Phase.Ideate, Reason = back.Reasons, ByUserId = lead, At = back.At };
        db.Add(back);
        lonely.Phase = Phase.Ideate;
        lonely.MarkChanged();
    }

    private static async Task FeedbackAsync(AppDbContext db, int projectId, int experimentId, Observation apart, string by, DateOnly sunday1, DateOnly sunday2)
    {
        var form = new FeedbackForm
        {
            ProjectId = projectId,
            ExperimentId = experimentId,
            Title = "Hoe was de zondagmiddag?",
            Intro = "Met je antwoorden maken we de zondag beter.",
            ShareToken = Tokens.New(),
            IsOpen = false,
            CreatedById = by,
            CreatedAt = Shared.Dates.StartUtc(sunday1).AddHours(10),
            Questions =
            [
                new FeedbackQuestion { Position = 0, Kind = FeedbackQuestionKind.Scale, Text = "Hoe welkom voelde je je?" },
                new FeedbackQuestion { Position = 1, Kind = FeedbackQuestionKind.Choice, Text = "Kom je nog eens?", Options = "Ja\nNee\nWeet ik nog niet" },
                new FeedbackQuestion { Position = 2, Kind = FeedbackQuestionKind.Open, Text = "Wat kan beter?" },
            ],
        };
        db.Add(form);
        await db.SaveChangesAsync();
        var (welcome, again, better) = (form.Questions[0].Id, form.Questions[1].Id, form.Questions[2].Id);
        // (how welcome, comes again: 0 yes / 1 no / 2 not sure, what could be better, perspective, day)
        (int Welcome, int Again, string? Better, Perspective? Who, DateOnly On)[] answers =
        [
            (5, 0, "Niets, het was gezellig.", Perspective.Experience, sunday1),
            (3, 2, "Ik kende niemand en zat alleen aan een tafel.", Perspective.Experience, sunday1),
            (4, 0, null, null, sunday1),
            (2, 1, "Iedereen kende elkaar al. Ik voelde me een buitenstaander.", Perspective.Experience, sunday2),
            (5, 0, "Meer koffie en een krant.", null, sunday2),
            (3, 2, "Misschien iets samen doen, een spelletje?", Perspective.Professional, sunday2),
        ];
        var responses = answers.Select((a, i) => new FeedbackResponse
        {
            FormId = form.Id,
            SubmittedAt = Shared.Dates.StartUtc(a.On).AddHours(16).AddMinutes(7 * i),
            Perspective = a.Who,
            Answers =
            [
                new FeedbackAnswer { QuestionId = welcome, Number = a.Welcome },
                new FeedbackAnswer { QuestionId = again, Number = a.Again },
                .. a.Better is null ? Array.Empty<FeedbackAnswer>() : [new FeedbackAnswer { QuestionId = better, Text = a.Better }],
            ],
        }).ToList();
        db.AddRange(responses);
        await db.SaveChangesAsync();
        db.Add(new FeedbackEvidence { ResponseId = responses[3].Id, ObservationId = apart.Id, LinkedById = by, LinkedAt = Shared.Dates.StartUtc(sunday2).AddHours(18) });
    }

    /// <summary>The stories behind the idea whose tellers have an account and did not withdraw (the demo mails nobody).</summary>
    private static async Task<List<(int StoryId, string TellerId, string Title)>> TellersAsync(AppDbContext db, int ideaId)
    {
        var upstream = await ThreadGraph.UpstreamAsync(db, ideaId, CancellationToken.None);
        return (await db.Stories.Where(s => upstream.Contains(s.Id) && s.TellerId != null && s.WithdrawnAt == null).OrderBy(s => s.Id)
                .Select(s => new { s.Id, s.TellerId, s.Title }).ToListAsync())
            .Select(s => (s.Id, s.TellerId!, s.Title)).ToList();
    }
}
