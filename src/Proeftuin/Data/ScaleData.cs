using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Features.Members;
using Proeftuin.Features.News;
using Proeftuin.Features.Projects;
using Proeftuin.Features.Sessions;
using Proeftuin.Features.Stories;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Data;

/// <summary>How much <see cref="ScaleData"/> adds on top of the demo data.</summary>
public sealed record ScaleOptions(int Stories = 10_000, int Projects = 50, int Notes = 20_000, int Ideas = 5_000, int Seed = 11, int Lessons = 10_000)
{
    public const int MaxStories = 1_000_000;
}

/// <summary>What <see cref="ScaleData"/> wrote.</summary>
public sealed record ScaleCounts(int Projects, int Stories, int Withdrawn, int Signified, int ThreadItems, int Ideas, int Links, int Sessions, int Notes);

/// <summary>
/// Scale data for benchmarks: <c>dotnet run --project src/Proeftuin -- seed-scale --stories 100000</c> fills a fresh
/// database (SQLite or PostgreSQL, whichever is configured) with the demo data and then, deterministically (a fixed seed,
/// so the same rows and ids every time; dates count back from now), realistic Dutch content: projects in one programme,
/// stories in every consent scope with self-signification (half of them in project 1, so one project is really large),
/// a few withdrawn as <c>WithdrawStory</c> leaves them, insights backed by stories, needs, "Hoe kunnen we"-questions,
/// ideas answering them, and closed live sessions full of post-its. Derived fields (HTML, search stems) come from the
/// same helpers the app saves with. Rows go in batches (one SaveChanges per few thousand rows). Refused in Production.
/// </summary>
public static class ScaleData
{
    public const string Command = "seed-scale";
    private const int Batch = 4_000;

    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0] != Command) return false;
        if (!TryParse(args.Skip(1).ToArray(), out var options, out var error))
        {
            Console.Error.WriteLine(error);
            Console.Error.WriteLine("Gebruik: seed-scale [--stories 10000] [--projects 50] [--notes 20000] [--ideas 5000] [--seed 11]");
            Environment.ExitCode = 2;
            return true;
        }
        if (app.Environment.IsProduction())
        {
            Console.Error.WriteLine("seed-scale vult de database met verzonnen gegevens voor benchmarks en werkt niet in Production.");
            Environment.ExitCode = 1;
            return true;
        }
        var watch = Stopwatch.StartNew();
        try
        {
            var c = await SeedAsync(app.Services, options);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Schaaldata klaar in {watch.Elapsed.TotalSeconds:0.0} s: {c.Projects} projecten, {c.Stories} verhalen ({c.Signified} geduid, {c.Withdrawn} ingetrokken), {c.ThreadItems} andere draaditems waarvan {c.Ideas} ideeën, {c.Links} verbanden, {c.Sessions} sessies met {c.Notes} post-its."));
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine(e.Message);
            Environment.ExitCode = 1;
        }
        return true;
    }

    public static bool TryParse(string[] args, out ScaleOptions options, out string? error)
    {
        options = new ScaleOptions();
        error = null;
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                error = $"Na {name} hoort een geheel getal.";
                return false;
            }
            i++;
            switch (name)
            {
                case "--stories" when value <= ScaleOptions.MaxStories: options = options with { Stories = value }; break;
                case "--projects" when value is >= 5 and <= 1_000: options = options with { Projects = value }; break;
                case "--notes" when value <= 1_000_000: options = options with { Notes = value }; break;
                case "--ideas" when value <= 100_000: options = options with { Ideas = value }; break;
                case "--seed": options = options with { Seed = value }; break;
                case "--lessons" when value <= 100_000: options = options with { Lessons = value }; break;
                case "--stories" or "--projects" or "--notes" or "--ideas" or "--lessons":
                    error = $"{name} {value} valt buiten het bereik (verhalen tot 1.000.000, projecten 5 tot 1.000, post-its tot 1.000.000, ideeën en lessen tot 100.000).";
                    return false;
                default:
                    error = $"Onbekende optie {name}.";
                    return false;
            }
        }
        return true;
    }

    /// <summary>Demo data first (into an empty database), then the scale data; refused when there is more than the demo data already.</summary>
    public static async Task<ScaleCounts> SeedAsync(IServiceProvider services, ScaleOptions o, CancellationToken ct = default)
    {
        await DemoData.SeedEmptyAsync(services);
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        var markdown = sp.GetRequiredService<Markdown>();
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        var existing = await db.Projects.OrderBy(p => p.Id).ToListAsync(ct);
        if (existing.Count > DemoProjects || await db.Stories.CountAsync(ct) > DemoStories)
            throw new InvalidOperationException("Deze database bevat al meer dan de demogegevens. seed-scale vult alleen een nieuwe database; kies een lege map (App__DataDirectory) of database.");
        var programme = await db.Programmes.OrderBy(p => p.Id).FirstAsync(ct);
        var themes = await db.Themes.OrderBy(t => t.Id).ToListAsync(ct);
        var users = await db.Users.ToDictionaryAsync(u => u.Email!.Split('@')[0], ct);
        var facilitator = users["procesbegeleider"].Id;
        var rng = new Random(o.Seed);

        // Projects: the demo's five plus new ones, all facilitated by the demo facilitator.
        var projects = new List<Project>(existing);
        for (var n = existing.Count; n < o.Projects; n++)
        {
            var (theme, question, domains) = Pick(rng, ProjectThemes);
            var wijk = Pick(rng, Wijken);
            var phase = (Phase)rng.Next(0, 5);
            var p = new Project
            {
                ProgrammeId = programme.Id,
                Title = $"{theme} in {wijk}",
                CentralQuestion = $"Hoe kunnen we {question} in {wijk}?",
                Description = $"Bewoners, professionals en onderzoekers in {wijk} werken samen aan {theme.ToLowerInvariant()}. We beginnen bij de verhalen van bewoners en proberen kleine oplossingen uit.",
                Phase = phase,
                Domains = domains,
                Visibility = n % 8 == 0 ? Visibility.MembersOnly : Visibility.Open,
                Status = ProjectStatus.Active,
                CreatedAt = now.AddDays(-400 + n),
                Themes = [themes[rng.Next(themes.Count)]],
            };
            foreach (var (user, role) in new[] { ("procesbegeleider", ProjectRole.Facilitator), ("onderzoeker", ProjectRole.Evaluator), ("wijkteam", ProjectRole.Member) })
                p.Members.Add(new Membership { UserId = users[user].Id, Role = role, Perspective = users[user].DefaultPerspective, JoinedAt = p.CreatedAt });
            p.PhaseHistory.Add(new PhaseTransition { FromPhase = null, ToPhase = Phase.Empathize, Reason = "Project gestart", ByUserId = facilitator, At = p.CreatedAt });
            if (phase != Phase.Empathize)
                p.PhaseHistory.Add(new PhaseTransition { FromPhase = Phase.Empathize, ToPhase = phase, Reason = "De verhalen wijzen de weg: door naar de volgende fase.", ByUserId = facilitator, At = p.CreatedAt.AddDays(60) });
            db.Projects.Add(p);
            projects.Add(p);
        }
        await SaveAsync(db, ct);
        foreach (var p in projects.Skip(existing.Count).Take(20))
        {
            var body = $"In {p.Title} zijn we begonnen met **keukentafelgesprekken**. Wil je meedoen? Vertel je verhaal op de projectpagina.";
            db.NewsItems.Add(new NewsItem { ProjectId = p.Id, Title = $"Van start: {p.Title}", BodyMarkdown = body, BodyHtml = markdown.ToSafeHtml(body), PublishedAt = p.CreatedAt.AddDays(3), AuthorId = facilitator });
        }

        // Two open prompts in every project that has none.
        var prompted = await db.StoryPrompts.Select(s => s.ProjectId).Distinct().ToListAsync(ct);
        foreach (var p in projects.Where(p => !prompted.Contains(p.Id)))
            for (var k = 0; k < 2; k++)
                db.StoryPrompts.Add(new StoryPrompt { ProjectId = p.Id, Position = k + 1, Text = Prompts[(p.Id + k) % Prompts.Length] });
        await SaveAsync(db, ct);
        var prompts = (await db.StoryPrompts.Where(s => !s.IsArchived).OrderBy(s => s.Id).Select(s => new { s.ProjectId, s.Id }).ToListAsync(ct))
            .GroupBy(s => s.ProjectId).ToDictionary(g => g.Key, g => g.Select(s => s.Id).ToArray());

        // Stories: half in project 1, the rest spread over the others; ids kept per project for the links.
        var storyIds = projects.ToDictionary(p => p.Id, _ => new List<int>());
        var spacing = TimeSpan.FromMinutes(Math.Max(1.0, 2 * 365 * 24 * 60.0 / Math.Max(1, o.Stories)));
        int withdrawn = 0, signified = 0;
        var pending = new List<Story>(Batch);
        for (var i = 0; i < o.Stories; i++)
        {
            var p = i % 2 == 0 ? projects[0] : projects[1 + i / 2 % (projects.Count - 1)];
            var created = now - spacing * (o.Stories - i);
            var (title, text) = StoryText(rng);
            var story = new Story
            {
                ProjectId = p.Id,
                PromptId = prompts[p.Id][rng.Next(prompts[p.Id].Length)],
                Title = title,
                Text = text,
                Html = StoryFields.ToHtml(text),
                SearchTerms = DutchStems.ToSearchTerms(title, text),
                KnowledgeSource = Roll(rng, 70, 20) switch { 0 => Perspective.Experience, 1 => Perspective.Professional, _ => Perspective.Scientific },
                Phase = (Phase)rng.Next(0, (int)p.Phase + 1),
                Scope = Roll(rng, 20, 50) switch { 0 => ConsentScope.Team, 1 => ConsentScope.Project, _ => ConsentScope.PublicAnonymised },
                MayQuote = rng.Next(100) < 60,
                TellerName = rng.Next(100) < 40 ? Pick(rng, Names) : null,
                TellerKeyHash = Tokens.Hash($"scale-story-{o.Seed}-{i}"),
                CreatedAt = created,
                UpdatedAt = created,
                ConsentAt = created,
            };
            if (rng.Next(100) < 85)
            {
                var top = rng.NextDouble();
                var left = rng.NextDouble() * (1 - top);
                DemoThread.Signify(story, (top, left, 1 - top - left), Math.Round(rng.NextDouble(), 2),
                    (Pick(rng, Stones), Math.Round(rng.NextDouble(), 2), Math.Round(rng.NextDouble(), 2)), Pick(rng, Feelings));
                signified++;
            }
            if (rng.Next(100) == 0)
            {
                WithdrawStory.Erase(story, created.AddDays(3));
                withdrawn++;
            }
            db.Stories.Add(story);
            pending.Add(story);
            if (pending.Count == Batch || i == o.Stories - 1)
            {
                await SaveAsync(db, ct);
                foreach (var s in pending) storyIds[s.ProjectId].Add(s.Id);
                pending.Clear();
            }
        }

        // The thread per project, in proportion to its stories: insights backed by five stories each, needs they lead to,
        // questions the needs lead to, and ideas answering the questions (some made in a live session).
        var ideasPerProject = o.Ideas / projects.Count;
        var extraIdeas = o.Ideas % projects.Count;
        int threadItems = 0, ideas = 0, links = 0, sessions = 0, notes = 0, codeNumber = 0;
        ThreadItem? firstIdea = null;
        var takenCodes = (await db.Sessions.Select(s => s.JoinCode).ToListAsync(ct)).ToHashSet();
        // Deterministic join codes in the app's alphabet, skipping the demo sessions' random ones.
        string NextCode()
        {
            while (true)
            {
                var code = new char[SessionLimits.JoinCodeLength];
                var n = codeNumber++;
                for (var d = code.Length - 1; d >= 0; d--, n /= JoinCodes.Alphabet.Length) code[d] = JoinCodes.Alphabet[n % JoinCodes.Alphabet.Length];
                var text = new string(code);
                if (takenCodes.Add(text)) return text;
            }
        }
        var notesPerProject = o.Notes / projects.Count;
        var extraNotes = o.Notes % projects.Count;
        for (var pi = 0; pi < projects.Count; pi++)
        {
            var p = projects[pi];
            var stories = storyIds[p.Id];
            var insightCount = Math.Max(2, stories.Count / 20);
            var insights = Enumerable.Range(0, insightCount).Select(k => Item(new Insight(), p, rng, markdown, Pick(rng, InsightTitles), InsightText(rng), now.AddDays(-300 + k % 250))).ToList();
            var needs = Enumerable.Range(0, Math.Max(1, insightCount / 4)).Select(k => Item(new Need(), p, rng, markdown, Pick(rng, NeedTitles), Pick(rng, NeedTexts), now.AddDays(-200 + k % 150))).ToList();
            var questions = Enumerable.Range(0, Math.Max(1, needs.Count / 2)).Select(k => Item(new Question(), p, rng, markdown, $"Hoe kunnen we {Pick(rng, QuestionEnds)}?", "Zonder dat het voelt als hulp vragen.", now.AddDays(-150 + k % 100))).ToList();
            db.Items.AddRange(insights);
            db.Items.AddRange(needs);
            db.Items.AddRange(questions);
            await SaveAsync(db, ct);
            threadItems += insights.Count + needs.Count + questions.Count;

            // Sessions with post-its: one write step each, guests who wrote the notes; some ideas come out of them.
            var projectNotes = notesPerProject + (pi < extraNotes ? 1 : 0);
            var sessionList = new List<LiveSession>();
            for (var k = 0; k < (projectNotes == 0 ? 0 : 4); k++)
            {
                var held = now.AddDays(-120 + k * 20);
                var sessionTitle = $"Ideeënsessie {k + 1}: {questions[k % questions.Count].Title}";
                var s = new LiveSession
                {
                    ProjectId = p.Id,
                    Title = sessionTitle[..Math.Min(SessionLimits.Title, sessionTitle.Length)],
                    State = SessionState.Closed,
                    JoinCode = NextCode(),
                    CreatedById = facilitator,
                    CreatedAt = held.AddDays(-3),
                    StartedAt = held,
                    ClosedAt = held.AddMinutes(60),
                    Sequence = 1,
                    Phase = p.Phase,
                };
                s.Steps.Add(new Step { Position = 0, Form = WorkForm.SilentWriting, Mode = StepMode.Write, Title = "Stil schrijven", Instruction = "Schrijf in stilte je ideeën op. Eén idee per post-it.", Minutes = 10, Revealed = true, StartedAt = held, EndsAt = held.AddMinutes(10) });
                s.Questions.Add(new SessionQuestion { QuestionId = questions[k % questions.Count].Id });
                db.Sessions.Add(s);
                sessionList.Add(s);
            }
            await SaveAsync(db, ct);
            var guests = sessionList.ToDictionary(s => s.Id, s => Enumerable.Range(0, 10).Select(g => new Participant
            {
                SessionId = s.Id,
                GuestKeyHash = Tokens.Hash($"scale-guest-{o.Seed}-{s.Id}-{g}"),
                DisplayName = Pick(rng, Names),
                Perspective = (Perspective)(g % 3),
                JoinedAt = s.StartedAt!.Value.AddMinutes(-5),
            }).ToList());
            db.Participants.AddRange(guests.Values.SelectMany(g => g));
            await SaveAsync(db, ct);
            sessions += sessionList.Count;
            for (var n = 0; n < projectNotes; n++)
            {
                var s = sessionList[n % sessionList.Count];
                db.Notes.Add(new Note { SessionId = s.Id, StepId = s.Steps[0].Id, ParticipantId = guests[s.Id][n % 10].Id, Text = Pick(rng, NoteTexts), CreatedAt = s.StartedAt!.Value.AddSeconds(n % 600) });
                if (n % Batch == Batch - 1) await SaveAsync(db, ct);
            }
            notes += projectNotes;

            var projectIdeas = Enumerable.Range(0, ideasPerProject + (pi < extraIdeas ? 1 : 0)).Select(k =>
            {
                var idea = Item(new Idea { SessionId = sessionList.Count > 0 && k % 2 == 0 ? sessionList[k % sessionList.Count].Id : null }, p, rng, markdown,
                    Pick(rng, IdeaTitles), "- " + Pick(rng, NoteTexts) + "\n- " + Pick(rng, NoteTexts), now.AddDays(-100 + k % 90));
                return idea;
            }).ToList();
            db.Items.AddRange(projectIdeas);
            await SaveAsync(db, ct);
            ideas += projectIdeas.Count;
            threadItems += projectIdeas.Count;

            Link L(ThreadItem from, int toId, LinkType type) =>
                new() { ProjectId = p.Id, FromId = from.Id, ToId = toId, Type = type, CreatedById = facilitator, CreatedAt = from.CreatedAt.AddDays(1) };
            Link LS(int storyId, ThreadItem to) =>
                new() { ProjectId = p.Id, FromId = storyId, ToId = to.Id, Type = LinkType.Supports, CreatedById = facilitator, CreatedAt = to.CreatedAt.AddDays(1) };
            var batch = new List<Link>();
            for (var k = 0; k < stories.Count && k / 5 < insights.Count; k++)
                batch.Add(LS(stories[k], insights[k / 5]));
            for (var k = 0; k < insights.Count; k++) batch.Add(L(insights[k], needs[k % needs.Count].Id, LinkType.LeadsTo));
            for (var k = 0; k < needs.Count; k++) batch.Add(L(needs[k], questions[k % questions.Count].Id, LinkType.LeadsTo));
            for (var k = 0; k < projectIdeas.Count; k++) batch.Add(L(projectIdeas[k], questions[k % questions.Count].Id, LinkType.Answers));
            for (var k = 0; k < batch.Count; k += Batch)
            {
                db.Links.AddRange(batch.Skip(k).Take(Batch));
                await SaveAsync(db, ct);
            }
            links += batch.Count;
            if (pi == 0 && projectIdeas.Count > 0) firstIdea = projectIdeas[0];
        }
        // The proeftuin (issue 12) in the first project: one prototype with 100 proeven, half of them decided with a lesson,
        // for the dashboard and the trace benchmarks (the prototype is the project's newest, so the dashboard API names it).
        if (firstIdea is not null)
        {
            var (added, linked) = await SeedProeftuinAsync(db, projects[0], firstIdea, facilitator, rng, markdown, now, ct);
            threadItems += added;
            links += linked;
        }
        // The lessenbibliotheek (issue 13): lessons across every project, public and team-only, for the library's search benchmark.
        threadItems += await SeedLessonsAsync(db, projects, o.Lessons, rng, markdown, now, ct);
        await SaveAsync(db, ct);
        await DatabaseCheckpoint.TruncateWalAsync(db, ct);
        return new ScaleCounts(projects.Count, o.Stories, withdrawn, signified, threadItems, ideas, links, sessions, notes);
    }

    /// <summary>Proeven under the benchmark's prototype: "the dashboard and the trace with 100 experiments" (issue 12).</summary>
    public const int Experiments = 100;

    /// <summary>The share token of the benchmark's open feedback form (43 characters, like a real one).</summary>
    public const string BenchFeedbackToken = "proeftuin-bench-feedback-form-0000000000000";

    private static async Task<(int Items, int Links)> SeedProeftuinAsync(AppDbContext db, Project p, ThreadItem idea, string facilitator, Random rng, Markdown markdown,
        DateTime now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now);
        var prototype = Item(new Features.Prototypes.Prototype { ForWhom = "Bewoners die alleen wonen", Form = default }, p, rng, markdown,
            "Buurtkamer op zondag (100 proeven)", "Een mock-up van de buurtkamer op zondag.", now);
        prototype.Phase = Phase.Prototype;
        db.Items.Add(prototype);
        await SaveAsync(db, ct);
        var experiments = Enumerable.Range(0, Experiments).Select(k =>
        {
            var status = (Features.Experiments.ExperimentStatus)(k % 3);
            var e = Item(new Features.Experiments.Experiment
            {
                PrototypeId = prototype.Id,
                Place = Pick(rng, Wijken),
                StartsOn = today.AddDays(-30 + k % 20),
                EndsOn = today.AddDays(5 + k % 40),
                ParticipantsWho = "Bewoners die alleen wonen",
                ParticipantCount = 10 + k % 30,
                Recruitment = "Via het wijkteam",
                Safety = "Deelnemers kunnen altijd stoppen.",
                SafetyHtml = "<p>Deelnemers kunnen altijd stoppen.</p>",
                MeasurementPlan = "Elke week tellen.",
                MeasurementPlanHtml = "<p>Elke week tellen.</p>",
                Status = status,
                StartedAt = status == Features.Experiments.ExperimentStatus.Preparing ? null : now.AddDays(-20),
                EndedAt = status == Features.Experiments.ExperimentStatus.Ended ? now.AddDays(-1) : null,
                Criteria =
                [
                    new Features.Experiments.SuccessCriterion { Position = 0, What = "Meer bezoekers", Measure = "Tellen bij de deur", Threshold = "15 per week" },
                    new Features.Experiments.SuccessCriterion { Position = 1, What = "Mensen voelen zich welkom", Measure = "Korte vragenlijst", Threshold = "7 of hoger" },
                ],
                Rules = [new Features.Experiments.RuleException { Position = 0, Rule = "Openingstijden buurthuis", ApprovedBy = "Wethouder Zorg", Until = today.AddDays(k % 30) }],
            }, p, rng, markdown, $"Proef {k + 1}: {Pick(rng, IdeaTitles)}", "Als de buurtkamer open is, komen er meer mensen.", now.AddDays(-k));
            e.Phase = Phase.Test;
            return e;
        }).ToList();
        db.Items.AddRange(experiments);
        await SaveAsync(db, ct);
        // An open feedback form on the first running proef, at a fixed link, so the benchmark can open the participant's
        // page (/f/{token}) without signing in. Only scale data has a token anyone can know.
        var running = experiments.First(e => e.Status == Features.Experiments.ExperimentStatus.Running);
        db.Add(new Features.Feedback.FeedbackForm
        {
            ProjectId = p.Id,
            ExperimentId = running.Id,
            Title = "Hoe was je zondagmiddag?",
            Intro = "Drie korte vragen. Je naam is niet nodig.",
            ShareToken = BenchFeedbackToken,
            IsOpen = true,
            CreatedById = facilitator,
            CreatedAt = now,
            Questions =
            [
                new() { Position = 0, Kind = Features.Feedback.FeedbackQuestionKind.Scale, Text = "Hoe welkom voelde je je?" },
                new() { Position = 1, Kind = Features.Feedback.FeedbackQuestionKind.Choice, Text = "Hoe hoorde je ervan?", Options = "Buren\nHuisarts\nBriefje in de bus" },
                new() { Position = 2, Kind = Features.Feedback.FeedbackQuestionKind.Open, Text = "Wat zou je anders doen?" },
            ],
        });
        await SaveAsync(db, ct);
        var decisions = experiments.Where(e => e.Status == Features.Experiments.ExperimentStatus.Ended).Select((e, k) =>
        {
            var d = Item(new Features.Experiments.Decision { ExperimentId = e.Id, Choice = (Features.Experiments.DecisionChoice)(k % 3), BrilliantFailure = k % 7 == 0 },
                p, rng, markdown, "Besluit over " + e.Title, "De resultaten gewogen.", e.CreatedAt.AddDays(10));
            d.Phase = Phase.Test;
            return d;
        }).ToList();
        db.Items.AddRange(decisions);
        await SaveAsync(db, ct);
        var lessons = decisions.Select(d =>
        {
            var l = Item(new Features.Lessons.Lesson(), p, rng, markdown, "Les uit " + d.Title, "Vraag eerst wie er komt.", d.CreatedAt);
            l.Phase = Phase.Test;
            return l;
        }).ToList();
        db.Items.AddRange(lessons);
        await SaveAsync(db, ct);
        Link L(ThreadItem from, ThreadItem to) => new() { ProjectId = p.Id, FromId = from.Id, ToId = to.Id, Type = LinkType.LeadsTo, CreatedById = facilitator, CreatedAt = to.CreatedAt };
        List<Link> links = [L(idea, prototype), .. experiments.Select(e => L(prototype, e)), .. decisions.Select(d => L(experiments.Single(e => e.Id == ((Features.Experiments.Decision)d).ExperimentId), d)),
            .. decisions.Select((d, k) => L(d, lessons[k]))];
        db.Links.AddRange(links);
        await SaveAsync(db, ct);
        // The learning agenda (issue 13): questions and barriers, each with two versions and five proeven as evidence, for
        // the agenda's benchmark.
        var agenda = Enumerable.Range(0, AgendaQuestions + AgendaBarriers).Select(k =>
        {
            ThreadItem item = k < AgendaQuestions
                ? new Features.Learning.LearningQuestion { ForWhom = "Het wijkteam en de gemeente", DueOn = today.AddDays(k - 10), Status = (Features.Learning.LearningStatus)(k % 4), OwnerId = facilitator }
                : new Features.Learning.SystemBarrier { WhoCanMove = "Wethouder Zorg", Status = (Features.Learning.BarrierStatus)(k % 4), OwnerId = facilitator };
            var a = Item(item, p, rng, markdown, $"Leervraag {k + 1}: werkt {Pick(rng, IdeaTitles).ToLowerInvariant()}?", "Wat willen we weten, en waarom.", now.AddDays(-k));
            a.Phase = Phase.Test;
            return a;
        }).ToList();
        db.Items.AddRange(agenda);
        await SaveAsync(db, ct);
        db.AddRange(agenda.SelectMany(a => new[] { 1, 2 }.Select(n => new Features.Learning.AgendaVersion
        {
            ItemId = a.Id,
            ProjectId = p.Id,
            Number = n,
            Change = n == 1 ? Features.Learning.AgendaChange.Added : Features.Learning.AgendaChange.Edited,
            Title = a.Title,
            Detail = "Het wijkteam",
            ChangedById = facilitator,
            ChangedAt = a.CreatedAt.AddDays(n),
        })));
        var evidence = agenda.SelectMany((a, k) => Enumerable.Range(0, 5).Select(j => new Link
        {
            ProjectId = p.Id,
            FromId = experiments[(k * 5 + j) % experiments.Count].Id,
            ToId = a.Id,
            Type = LinkType.Supports,
            CreatedById = facilitator,
            CreatedAt = a.CreatedAt,
        })).ToList();
        db.Links.AddRange(evidence);
        await SaveAsync(db, ct);
        return (1 + experiments.Count + decisions.Count + lessons.Count + agenda.Count, links.Count + evidence.Count);
    }

    /// <summary>"Lesson search at 10k lessons" (issue 13): spread over the projects, three in five public, every result and domain.</summary>
    private static async Task<int> SeedLessonsAsync(AppDbContext db, List<Project> projects, int count, Random rng, Markdown markdown, DateTime now, CancellationToken ct)
    {
        var themes = await db.Themes.ToListAsync(ct);
        for (var k = 0; k < count; k++)
        {
            var p = projects[k % projects.Count];
            var (storyTitle, storyText) = StoryText(rng);
            var wijk = Pick(rng, Wijken);
            var l = Item(new Features.Lessons.Lesson(), p, rng, markdown, $"{Pick(rng, IdeaTitles)} in {wijk}", storyText, now.AddMinutes(-k * 7));
            l.Context = $"Bewoners van {wijk}. {storyTitle}".Trim();
            l.Mechanism = Pick(rng, Middles);
            l.Outcome = Pick(rng, Closings);
            l.Result = (Features.Lessons.LessonResult)(k % 3);
            l.Visibility = k % 5 < 3 ? Features.Lessons.LessonVisibility.Public : Features.Lessons.LessonVisibility.Team;
            l.PublishedAt = l.Visibility == Features.Lessons.LessonVisibility.Public ? l.CreatedAt : null;
            l.Domains = (Domains)(1 << rng.Next(0, 6)) | (rng.Next(2) == 0 ? Domains.Care : Domains.None);
            if (themes.Count > 0 && k % 2 == 0)
            {
                // Each batch's save forgets what it tracked: the theme is attached again as it is, never inserted twice.
                var theme = themes[k % themes.Count];
                if (db.Entry(theme).State == EntityState.Detached) db.Attach(theme);
                l.Themes.Add(theme);
            }
            l.RefreshSearchTerms();
            db.Items.Add(l);
            if (k % Batch == Batch - 1) await SaveAsync(db, ct);
        }
        await SaveAsync(db, ct);
        return count;
    }

    private const int AgendaQuestions = 30;
    private const int AgendaBarriers = 5;

    private const int DemoProjects = 5;
    private const int DemoStories = 12;

    private static async Task SaveAsync(AppDbContext db, CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static T Item<T>(T item, Project p, Random rng, Markdown markdown, string title, string text, DateTime created) where T : ThreadItem
    {
        item.ProjectId = p.Id;
        item.Title = title;
        item.Text = text;
        item.Html = markdown.ToSafeHtml(text);
        item.KnowledgeSource = (Perspective)rng.Next(0, 3);
        item.Phase = (Phase)rng.Next(0, (int)p.Phase + 1);
        item.CreatedAt = item.UpdatedAt = created;
        item.SearchTerms = SaveItem.SearchTermsOf(item, []);
        return item;
    }

    private static T Pick<T>(Random rng, IReadOnlyList<T> list) => list[rng.Next(list.Count)];

    /// <summary>0 with chance a %, 1 with chance b %, otherwise 2.</summary>
    private static int Roll(Random rng, int a, int b)
    {
        var r = rng.Next(100);
        return r < a ? 0 : r < a + b ? 1 : 2;
    }

    private static (string Title, string Text) StoryText(Random rng)
    {
        var wijk = Pick(rng, Wijken);
        var first = string.Format(CultureInfo.InvariantCulture, Pick(rng, Openings), Pick(rng, Events), wijk);
        var sentences = new List<string> { first };
        var count = rng.Next(2, 5);
        for (var k = 0; k < count; k++)
        {
            var s = Pick(rng, Middles);
            if (!sentences.Contains(s)) sentences.Add(s);
        }
        var text = string.Join(' ', sentences) + (rng.Next(3) == 0 ? "\n\n" : " ") + Pick(rng, Closings);
        var title = rng.Next(100) < 70 ? string.Format(CultureInfo.InvariantCulture, Pick(rng, Titles), wijk) : "";
        return (title, text);
    }

    private static string InsightText(Random rng) =>
        $"In de verhalen uit {Pick(rng, Wijken)} komt steeds terug: {Pick(rng, Middles).TrimEnd('.').ToLowerInvariant()}. **{Pick(rng, Closings)}**";

    private static readonly (string Theme, string Question, Domains Domains)[] ProjectThemes =
    [
        ("Samen tegen eenzaamheid", "ervoor zorgen dat bewoners zich minder alleen voelen", Domains.Care | Domains.Housing),
        ("Schulden eerder in beeld", "gezinnen met schulden eerder en menselijker helpen", Domains.Income),
        ("Mantelzorg die volhoudt", "mantelzorgers ontlasten voordat ze overbelast raken", Domains.Care),
        ("Werk dat past", "mensen in de bijstand helpen aan werk dat bij hen past", Domains.Labour | Domains.Income),
        ("Jongeren en geldzorgen", "jongeren helpen grip te houden op hun geld", Domains.Income | Domains.Education),
        ("Gezond ouder worden", "ouderen langer gezond en zelfstandig thuis laten wonen", Domains.Care | Domains.Housing),
        ("Veilig in de buurt", "bewoners zich veiliger laten voelen op straat", Domains.Safety),
        ("Taal en meedoen", "nieuwkomers sneller laten meedoen in de wijk", Domains.Education | Domains.Labour),
        ("Energiearmoede", "huishoudens met een hoge energierekening helpen", Domains.Income | Domains.Housing),
    ];

    private static readonly string[] Wijken =
        ["Hatert", "Dukenburg", "Lindenholt", "Bottendaal", "Hengstdal", "Heseveld", "Neerbosch-Oost", "Malvert", "Meijhorst", "Zwanenveld", "Lent", "Oosterhout", "Wolfskuil", "Biezen", "Willemskwartier", "Kolpingbuurt"];

    private static readonly string[] Names =
        ["Ans", "Henk", "Fatma", "Mohamed", "Priya", "Kees", "Ria", "Sanne", "Daan", "Yusuf", "Noor", "Willem", "Marja", "Ahmed", "Ingrid", "Joyce", "Bas", "Latifa", "Gerrit", "Emre", "Tineke", "Sevda", "Ruud", "Anouk"];

    private static readonly string[] Prompts =
    [
        "Vertel over een moment waarop je je alleen voelde. Wat gebeurde er?",
        "Vertel over een moment waarop iemand je echt hielp.",
        "Vertel over een moment waarop het je boven het hoofd groeide.",
        "Vertel over een moment waarop je trots was op je buurt.",
    ];

    private static readonly string[] Titles =
        ["De zondagen in {0}", "Koffie bij de buren", "Alleen met de post", "Een brief van de gemeente", "Hulp van de buurvrouw", "Wachten op de bus naar {0}", "Mijn moeder en ik", "Eindelijk werk", "De rekening die bleef liggen", "Samen koken in {0}", "Na de verhuizing", "De huisarts luisterde", "Een nieuwe start in {0}", "Te trots om te vragen"];

    private static readonly string[] Openings =
        ["Sinds {0} voel ik me vaak alleen.", "Toen {0}, wist ik niet waar ik moest beginnen.", "Het begon allemaal toen {0}.", "Ik woon al twintig jaar in {1}, maar sinds {0} is alles anders.", "Na {0} durfde ik een tijd de deur niet uit."];

    private static readonly string[] Events =
        ["mijn man overleed", "ik mijn baan kwijtraakte", "we verhuisd zijn", "mijn moeder bij ons kwam wonen", "de schulden zich opstapelden", "mijn knie geopereerd is", "de kinderen het huis uit gingen", "mijn uitkering werd stopgezet", "de buurtwinkel dichtging", "ik ziek werd"];

    private static readonly string[] Middles =
    [
        "Door de week is er de markt en de bibliotheek, maar op zondag is alles dicht.",
        "De buurvrouw belde een keer aan of ik mee wilde wandelen.",
        "Ik wil niemand tot last zijn, dus ik vraag niet snel om hulp.",
        "De brieven van de gemeente begreep ik niet, en ik durfde niet te bellen.",
        "Bij de koffieochtend in het wijkcentrum leerde ik nieuwe mensen kennen.",
        "Het wijkteam kwam langs voor iets anders, en toen durfde ik pas te vertellen hoe het echt ging.",
        "Mijn kinderen wonen ver weg en hebben het druk met hun eigen leven.",
        "Een vrijwilliger gaat nu elke donderdag met me naar de supermarkt.",
        "De mantelzorg voor mijn moeder kost me elke avond en elk weekend.",
        "Ik had drie baantjes tegelijk en toch kwam ik niet rond.",
        "Bij de voedselbank werd ik met respect behandeld, dat had ik niet verwacht.",
        "De huisarts nam de tijd en vroeg hoe het thuis ging.",
        "In de wachtkamer begon een gesprek dat nog steeds doorgaat.",
        "Ik schaamde me voor de achterstand op de huur.",
        "Via de bibliotheek kreeg ik hulp met de formulieren.",
        "De jongerenwerker hielp mijn zoon aan een bijbaan.",
        "Mijn scootmobiel was kapot en daardoor zat ik weken binnen.",
        "Op de taalcafé-avond oefen ik Nederlands met andere moeders.",
        "De energierekening werd zo hoog dat we de verwarming uit lieten.",
        "Een buurman repareerde mijn fiets en bleef koffie drinken.",
        "Het duurde maanden voordat iemand mijn aanvraag echt bekeek.",
        "Ik ben zelf vrijwilliger geworden bij de buurtkamer.",
    ];

    private static readonly string[] Closings =
        ["Dat was de beste dag in weken.", "Nu gaat het beter, maar het blijft lastig.", "Ik hoop dat anderen dit sneller vinden dan ik.", "Eigenlijk wil ik gewoon gezien worden.", "Samen lukt het beter dan alleen.", "Ik weet nog steeds niet bij wie ik moet zijn."];

    private static readonly string[] Stones = ["buren", "hulpverlening", "familie", "gemeente"];
    private static readonly string[] Feelings = ["zorgen", "vertrouwen", "allebei"];

    private static readonly string[] InsightTitles =
        ["Eenzaamheid zit in vaste momenten van de week", "Mensen vragen niet snel om hulp", "Brieven van instanties schrikken af", "Kleine vaste contacten doen veel", "Schaamte houdt schulden verborgen", "Mantelzorgers zien zichzelf niet als mantelzorger", "Hulp komt via een andere aanleiding", "De buurt is een vangnet als je elkaar kent"];

    private static readonly string[] NeedTitles =
        ["Een plek dichtbij om zonder afspraak binnen te lopen", "Iemand die met je meeleest", "Vervoer naar de activiteiten", "Eén aanspreekpunt in plaats van vijf loketten", "Even vrij van de zorg", "Hulp zonder wachtlijst"];

    private static readonly string[] NeedTexts =
        ["Vooral in het weekend, zonder dat je hoeft te zeggen dat je eenzaam bent.", "Zonder formulieren en zonder dat het voelt als een gunst.", "Dichtbij huis, op momenten dat het nodig is."];

    private static readonly string[] QuestionEnds =
        ["ervoor zorgen dat bewoners op zondag makkelijk iemand treffen", "brieven van de gemeente begrijpelijk maken", "schulden eerder in beeld krijgen zonder schaamte", "mantelzorgers ontlasten voordat ze uitvallen", "de buurtkamer laagdrempelig maken", "vervoer regelen voor wie slecht ter been is"];

    private static readonly string[] IdeaTitles =
        ["Een open huis op zondag", "Buren die even aanbellen", "Samen eten in de buurtkamer", "Een brievenmaatje", "De bibliotheek als huiskamer van de wijk", "Een schuldenmaatje bij de huisarts", "Respijtzorg op zaterdag", "Een belcirkel voor ouderen"];

    private static readonly string[] NoteTexts =
    [
        "Het wijkcentrum op zondagmiddag open, met koffie en zonder programma.",
        "Een plek waar je gewoon binnen kunt lopen, ook als je niemand kent.",
        "De bibliotheek op zondag open als huiskamer van de wijk.",
        "Buren die op zondag even aanbellen, zonder dat het hulp heet.",
        "Eén keer per maand samen koken en eten in de buurtkamer.",
        "Vrijwilligers die mensen ophalen met de auto.",
        "Een maatje dat meeleest met brieven van instanties.",
        "Spreekuur van de schuldhulp in de wachtkamer van de huisarts.",
        "Een vaste belronde voor ouderen die alleen wonen.",
        "Mantelzorgers een middag vrij geven met een vrijwilliger.",
        "Taalcafé met kinderopvang erbij.",
        "Een fietsenmaker in de buurtkamer, met koffie.",
    ];
}
