namespace Proeftuin.Tests.Web.Hostile;

/// <summary>
/// The app for the hostile-input sweep: demo data, limits high enough for a few thousand posts, everyone signed in
/// once, and the site crawled once as every role (shared by the tests of the class).
/// </summary>
public sealed class HostileFactory : ProeftuinFactory
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private Task<SweepWorld>? world;

    public HostileFactory()
    {
        WithSetting("RateLimits:SharePerQuarter", "100000");
        WithSetting("RateLimits:JoinPerMinute", "100000");
        WithSetting("RateLimits:FeedbackPerQuarter", "100000"); // Feedback (issue 12): the sweep posts the participant form many times
    }

    /// <summary>Built once; a failure to build is the same failure for every test of the class.</summary>
    public Task<SweepWorld> WorldAsync()
    {
        gate.Wait();
        try { return world ??= SweepWorld.BuildAsync(this); }
        finally { gate.Release(); }
    }

    public override async ValueTask DisposeAsync()
    {
        if (world is { IsCompletedSuccessfully: true }) world.Result.Dispose();
        await base.DisposeAsync();
    }
}

/// <summary>Roles, the crawl of the site, and the demo ids the sweep needs.</summary>
public sealed class SweepWorld : IDisposable
{
    private SweepWorld(SiteMap map, RowCounter counter, IReadOnlyList<Role> roles, Crawler crawl, int projectId, int sessionId, string throwawayUserId)
    {
        Map = map;
        Counter = counter;
        Roles = roles;
        Crawl = crawl;
        ProjectId = projectId;
        SessionId = sessionId;
        ThrowawayUserId = throwawayUserId;
    }

    public SiteMap Map { get; }
    public RowCounter Counter { get; }
    /// <summary>In the order the crawl walks them: a form is swept as the first role that is shown it.</summary>
    public IReadOnlyList<Role> Roles { get; }
    public Crawler Crawl { get; }
    /// <summary>"Samen tegen eenzaamheid in de wijk": every demo role has a place in it.</summary>
    public int ProjectId { get; }
    /// <summary>The demo's planned session, started for the sweep, with a guest in it.</summary>
    public int SessionId { get; }
    /// <summary>An account made for the admin's erase form to erase.</summary>
    public string ThrowawayUserId { get; }

    /// <summary>A guest of the same session that only the API sweep uses (not crawled).</summary>
    public required Role ApiGuest { get; init; }
    /// <summary>An active story prompt of the project: a story must answer one once a project has them.</summary>
    public required int PromptId { get; init; }
    /// <summary>A running proef in the demo project (Experiments, issue 12): its observation form and API take hostile input.</summary>
    public required int ExperimentId { get; init; }
    /// <summary>The demo's Right to Challenge (Initiatives, issue 14): its pledge API takes hostile input.</summary>
    public int InitiativeId { get; init; }

    public Role Role(string name) => name == ApiGuest.Name ? ApiGuest : Roles.Single(r => r.Name == name);

    public static async Task<SweepWorld> BuildAsync(ProeftuinFactory factory)
    {
        var map = await SiteMap.LoadAsync(factory.Services);
        var counter = await RowCounter.CreateAsync(factory);
        var projectId = await factory.Data.ProjectIdAsync(TestData.Loneliness);
        var (sessionId, code) = await factory.WithDbAsync(db => db.Sessions.Where(s => s.Title == Proeftuin.Data.DemoSessions.PlannedTitle)
            .Select(s => new ValueTuple<int, string>(s.Id, s.JoinCode)).SingleAsync());
        var throwaway = await factory.Data.UserAsync(displayName: "Account om te wissen");

        var facilitator = await factory.SignInDemoAsync("procesbegeleider");
        var member = await factory.SignInDemoAsync("inwoner");
        var admin = await factory.SignInDemoAsync("beheerder");

        // States in which more forms show: a running session (post-its, leading), a story prompt and an open share
        // link (prompt editing, the share-by-link form), an open invitation (revoke, accept on /mijn), a comment of the
        // member's own (editing it).
        var lead = await facilitator.OpenAsync($"/sessies/{sessionId}");
        (await facilitator.SubmitAsync(lead.FormWithAction("handler=Start"))).Dispose();
        // Three prompts, one archived: editing, moving, archiving and restoring all show.
        var prompts = await facilitator.OpenAsync($"/projecten/{projectId}/verhaalvragen");
        foreach (var text in new[] { "Wanneer voelde je je welkom in de wijk?", "Wie hielp je het meest?", "Wat zou je anders willen?" })
        {
            prompts = await facilitator.OpenAsync($"/projecten/{projectId}/verhaalvragen");
            (await facilitator.SubmitAsync(prompts.FormWithAction("handler=Add"), new { NewPrompt_Text = text })).Dispose();
        }
        prompts = await facilitator.OpenAsync($"/projecten/{projectId}/verhaalvragen");
        // Archiving is a second button of a prompt's edit form.
        (await facilitator.SubmitAsync(prompts.FormWithAction("handler=Edit"), formAction: "?handler=Archive")).Dispose();
        prompts = await facilitator.OpenAsync($"/projecten/{projectId}/verhaalvragen");
        (await facilitator.SubmitAsync(prompts.FormWithAction("handler=ShareOn"))).Dispose();
        var invite = await facilitator.OpenAsync($"/projecten/{projectId}/leden/uitnodigen");
        (await facilitator.SubmitAsync(invite.FormFor("Invite.Email"), new { Invite_Email = "beheerder@proeftuin.demo", Invite_Role = "Member" })).Dispose();
        var storyId = await factory.WithDbAsync(db => db.Stories.Where(s => s.ProjectId == projectId && s.WithdrawnAt == null && s.Scope == Proeftuin.Features.Stories.ConsentScope.Project)
            .OrderBy(s => s.Id).Select(s => s.Id).FirstAsync());
        var story = await member.OpenAsync($"/verhalen/{storyId}");
        (await member.SubmitAsync(story.FormFor("Input.Text"), new { Input_Text = "Een eerste reactie." })).Dispose();

        // Ideas (issue 12): the member supports a demo idea, so the form to withdraw it shows too.
        var ideaId = await factory.WithDbAsync(db => db.Items.OfType<Proeftuin.Features.Thread.Idea>().Where(i => i.ProjectId == projectId && i.Title == "Een open huis op zondag")
            .Select(i => i.Id).SingleAsync());
        var idea = await member.OpenAsync($"/ideeen/{ideaId}");
        using (var supported = await member.SubmitAsync(idea.FormWithAction("handler=Support"), new { SupportInput_Perspective = "Experience" }))
            Assert.True(Browser.IsRedirect(supported.StatusCode), $"The member could not support the idea: {(int)supported.StatusCode}");

        var journeyForm = await facilitator.OpenAsync($"/projecten/{projectId}/draad/nieuw?soort=klantreis");
        int journeyId;
        using (var made = await facilitator.SubmitAsync(journeyForm.FormFor("Input.Title"), new { Input_Title = "Klantreis van een nieuwe bewoner", Input_Text = "Van verhuizen tot de eerste buurtkoffie." }))
            journeyId = Expect.RedirectToId(made, "/draad/");
        foreach (var name in new[] { "Brief van de gemeente", "Eerste buurtkoffie" })
        {
            var stepForm = (await facilitator.OpenAsync($"/draad/{journeyId}/stap")).FormFor("Input.Name");
            var emotion = stepForm.Options("Input.Emotion").First(o => o.Length > 0);
            using var step = await facilitator.SubmitAsync(stepForm, new { Input_Name = name, Input_Emotion = emotion });
            Assert.True(Browser.IsRedirect(step.StatusCode), $"The journey step was not added: {(int)step.StatusCode}");
        }
        // Leren onderweg (issue 13): the demo's learning question and innovatiereis note, whose pages and edit forms the
        // evaluator's crawl starts from (the breadth-first crawl stops at its page limit before it gets there by links).
        var questionId = await factory.WithDbAsync(db => db.Items.Where(i => i.Title == Proeftuin.Data.DemoLearning.AnsweredQuestion).Select(i => i.Id).SingleAsync());
        var noteId = await factory.WithDbAsync(db => db.Items.Where(i => i.Title == Proeftuin.Data.DemoJourney.Issue).Select(i => i.Id).SingleAsync());
        var lessonId = await factory.WithDbAsync(db => db.Items.Where(i => i.Title == Proeftuin.Data.DemoLessons.PublicTitle).Select(i => i.Id).SingleAsync());
        // Reflections (issue 13): the demo's planned reflection, whose answer, outcome and plan forms are swept.
        var reflectionId = await factory.WithDbAsync(db => db.Items.Where(i => i.Title == Proeftuin.Data.DemoReflections.PlannedTitle).Select(i => i.Id).SingleAsync());
        // Activities (issue 14): the demo's full walk (waiting-list form), its reflection meeting (sign-up form) and the
        // programme's open evening (cancel form), so the guest, plan, edit and cancel forms are swept.
        var activityIds = await factory.WithDbAsync(db => db.Set<Proeftuin.Features.Activities.Activity>().ToDictionaryAsync(a => a.Title, a => a.Id));
        var (walkActivity, meetingActivity, openActivity) = (activityIds[Proeftuin.Data.DemoActivities.WalkTitle], activityIds[Proeftuin.Data.DemoActivities.ReflectionTitle],
            activityIds[Proeftuin.Data.DemoActivities.ProgrammeTitle]);
        // A guest's registration with a known cancel link (the real one is only in their mail), so the cancel form is reached.
        var guestCancelCode = Proeftuin.Web.Tokens.New();
        await factory.WithDbAsync(async db =>
        {
            db.Add(new Proeftuin.Features.Activities.ActivityRegistration
            {
                ActivityId = meetingActivity,
                GuestName = "Sweepgast",
                GuestEmail = "sweepgast@voorbeeld.nl",
                CreatedAt = DateTime.UtcNow,
                Status = Proeftuin.Features.Activities.RegistrationStatus.WaitingList,
                CancelTokenHash = Proeftuin.Web.Tokens.Hash(guestCancelCode),
            });
            await db.SaveChangesAsync();
            return true;
        });
        // Initiatives (issue 14): the demo's Right to Challenge, started by the member, who has not pledged to it: its pledge and
        // edit forms are swept as the member, its response form as the facilitator; the start form in the project and the programme.
        var challengeId = await factory.WithDbAsync(db => db.Set<Proeftuin.Features.Initiatives.Initiative>().Where(i => i.Title == Proeftuin.Data.DemoInitiatives.ChallengeTitle).Select(i => i.Id).SingleAsync());
        var programmeId = await factory.Data.ProgrammeIdAsync();
        // Follows (issue 14): the unsubscribe link from a digest to the wijkteam worker, swept signed out as it is used.
        var unsubscribe = Proeftuin.Features.Follows.UnsubscribeLinks.Path(Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Proeftuin.Features.Follows.UnsubscribeLinks>(factory.Services)
            .TokenFor(await factory.Data.UserIdAsync("wijkteam@proeftuin.demo")));
        // Vraag en aanbod (issue 14): the member (the demo resident) writes about help with forms and owns the request for
        // help with a move; the facilitator reads the busje with its message and match forms, and opens their closed garden again.
        async Task<int> OfferId(string title) =>
            await factory.WithDbAsync(db => db.Set<Proeftuin.Features.Offers.Offer>().Where(o => o.Title == title).Select(o => o.Id).SingleAsync());
        var formsOffer = await OfferId(Proeftuin.Data.DemoOffers.FormsTitle);
        var vanOffer = await OfferId(Proeftuin.Data.DemoOffers.VanTitle);
        var movingRequest = await OfferId(Proeftuin.Data.DemoOffers.MovingTitle);
        var gardenOffer = await OfferId(Proeftuin.Data.DemoOffers.GardenTitle);
        var walkCardId = await factory.WithDbAsync(db => db.Set<Proeftuin.Features.MethodCards.MethodCard>().Where(c => c.Title == Proeftuin.Data.DemoMethodCards.WalkTitle).Select(c => c.Id).SingleAsync());
        // Prototypes (issue 12): one made from the demo's idea, with an assumption and an attachment, so the edit, assumption
        // and attachment forms (and their remove buttons) show. The upload form is swept without a file: every post is refused.
        var prototypeForm = (await facilitator.OpenAsync($"/projecten/{projectId}/prototypes/nieuw")).FormFor("Input.Title");
        int prototypeId;
        using (var made = await facilitator.SubmitAsync(prototypeForm, new
        {
            Input_IdeaIds = prototypeForm.Options("Input.IdeaIds").First(),
            Input_Title = "Zondagkoffie als rollenspel",
            Input_ForWhom = "Bewoners die alleen wonen",
            Input_Form = "RolePlay",
            Input_Text = "Komen mensen op zondag?",
        }))
            prototypeId = Expect.RedirectToId(made, "/prototypes/");
        var assumptionForm = (await facilitator.OpenAsync($"/prototypes/{prototypeId}/aannames")).FormFor("Input.Text");
        using (var added = await facilitator.SubmitAsync(assumptionForm, new { Input_Text = "Mensen komen als er koffie is.", Input_Risk = "High", Input_Certainty = "Unsure" }))
            Assert.True(Browser.IsRedirect(added.StatusCode), $"The assumption was not added: {(int)added.StatusCode}");
        var attachmentForm = (await facilitator.OpenAsync($"/prototypes/{prototypeId}/bijlagen")).FormFor("Input.AltText");
        using (var uploaded = await facilitator.SubmitAsync(attachmentForm, new { Input_AltText = "Schets van de koffietafel" },
            [new FileField("Input.File", "schets.png", "image/png", Proeftuin.Tests.Prototypes.PrototypeData.Png())]))
            Assert.True(Browser.IsRedirect(uploaded.StatusCode), $"The attachment was not added: {(int)uploaded.StatusCode}");

        var newSession = (await facilitator.OpenAsync($"/projecten/{projectId}/sessies/nieuw")).FormFor("Input.Title");
        int plannedId;
        using (var planned = await facilitator.SubmitAsync(newSession, new { Input_Title = "Een sessie om voor te bereiden" }))
            plannedId = Expect.RedirectToId(planned, "/sessies/");

        var guest = factory.NewBrowser();
        var join = await guest.OpenAsync($"/doe-mee/{code}");
        using (var joined = await guest.SubmitAsync(join.FormFor("Input.DisplayName"), new { Input_DisplayName = "Gast", Input_Perspective = "Experience" }))
            Assert.True(Browser.IsRedirect(joined.StatusCode), $"The guest could not join: {(int)joined.StatusCode}");
        using (var note = await guest.Client.PostAsync(new Uri($"/api/v1/sessions/{sessionId}/notes", UriKind.Relative),
            new StringContent("{\"text\": \"Een post-it van de gast\"}", System.Text.Encoding.UTF8, "application/json")))
            Assert.True(note.StatusCode == HttpStatusCode.Created, $"The guest's note was not written: {(int)note.StatusCode}");

        var closedId = await factory.WithDbAsync(db => db.Sessions.Where(s => s.Title == Proeftuin.Data.DemoSessions.ClosedTitle).Select(s => s.Id).SingleAsync());
        var shareToken = await factory.WithDbAsync(db => db.Projects.Where(p => p.Id == projectId).Select(p => p.StoryShareToken).SingleAsync());

        // A second guest for the API sweep, so its post-its do not count against the first one's limit.
        var apiGuest = factory.NewBrowser();
        var apiJoin = await apiGuest.OpenAsync($"/doe-mee/{code}");
        using (var joined = await apiGuest.SubmitAsync(apiJoin.FormFor("Input.DisplayName"), new { Input_DisplayName = "API-gast", Input_Perspective = "Professional" }))
            Assert.True(Browser.IsRedirect(joined.StatusCode), $"The API guest could not join: {(int)joined.StatusCode}");
        var promptId = await factory.WithDbAsync(db => db.StoryPrompts.Where(p => p.ProjectId == projectId && !p.IsArchived).Select(p => p.Id).FirstAsync());

        // Experiments (issue 12): the demo has no proef yet, so the sweep makes one in every state whose forms it must reach.
        // They are set up for the prototype made above.
        var running = await Proeftuin.Tests.Experiments.ExperimentData.ExperimentAsync(factory, projectId, Proeftuin.Features.Experiments.ExperimentStatus.Running, prototypeId, title: "Proef die loopt");
        var preparing = await Proeftuin.Tests.Experiments.ExperimentData.ExperimentAsync(factory, projectId, Proeftuin.Features.Experiments.ExperimentStatus.Preparing, prototypeId, title: "Proef in voorbereiding");
        await Proeftuin.Tests.Experiments.ExperimentData.ExperimentAsync(factory, projectId, Proeftuin.Features.Experiments.ExperimentStatus.Ended, prototypeId, title: "Proef zonder resultaten");
        var decidable = await Proeftuin.Tests.Experiments.ExperimentData.ExperimentAsync(factory, projectId, Proeftuin.Features.Experiments.ExperimentStatus.Ended, prototypeId, title: "Proef om over te besluiten");
        await Proeftuin.Tests.Experiments.ExperimentData.ResultsAsync(factory, decidable.Id);
        // Gates (issue 12): an open advice request to the demo evaluator, so the advice form and the gate form with advice are reached.
        var adviceRequestId = await Proeftuin.Tests.Gates.GateData.RequestAsync(factory, projectId, [await factory.Data.UserIdAsync("onderzoeker@proeftuin.demo")]);
        // Feedback (issue 12): forms on the running proef, open by link, with printed slips, and closed (so open and close both show),
        // with a response and an observation so the evidence form shows.
        var feedbackOpen = await Proeftuin.Tests.Feedback.FeedbackData.FormAsync(factory, projectId, running.Id, title: "Wat vond je van de zondag?");
        var feedbackSlips = await Proeftuin.Tests.Feedback.FeedbackData.FormAsync(factory, projectId, running.Id, title: "Formulier met briefjes", slips: true);
        await Proeftuin.Tests.Feedback.FeedbackData.FormAsync(factory, projectId, running.Id, title: "Gesloten formulier", open: false);
        await Proeftuin.Tests.Feedback.FeedbackData.SlipsAsync(factory, feedbackSlips.Id, 3);
        await Proeftuin.Tests.Feedback.FeedbackData.ResponseAsync(factory, feedbackOpen);
        await Proeftuin.Tests.Feedback.FeedbackData.ObservationAsync(factory, projectId, running.Id);

        // Review board (issue 13): open advice of the demo evaluator, so the advice form and its withdraw button are reached.
        await Proeftuin.Tests.Review.ReviewData.AdviceAsync(factory, projectId, await factory.Data.UserIdAsync("onderzoeker@proeftuin.demo"), "Advies om in te trekken.");
        // Moderation (issue 14): an open report on the demo story, so the queue and the moderator's page with its forms are reached.
        await factory.WithDbAsync(async db =>
        {
            db.Add(new Proeftuin.Features.Moderation.Report { TargetKind = "bijdrage", TargetId = storyId, ProjectId = projectId, Reason = Proeftuin.Features.Moderation.ReportReason.Spam, CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });

        var roles = new List<Role>
        {
            new("anonymous", factory.NewBrowser()),
            new("guest", guest),
            new("member", member),
            new("observer", await factory.SignInDemoAsync("beleid")),
            new("evaluator", await factory.SignInDemoAsync("onderzoeker")),
            new("facilitator", facilitator),
            new("admin", admin),
        };
        var crawl = new Crawler(map);
        foreach (var role in roles)
        {
            string[] start = role.Name switch
            {
                "anonymous" => ["/", "/inloggen", "/registreren", "/inloggen/link", "/doe-mee", "/privacy", "/uitleg", $"/delen/{shareToken}",
                    $"/f/{feedbackOpen.Token}", $"/f/{feedbackSlips.Token}", "/lessen",
                    // Activities (issue 14)
                    "/activiteiten", $"/activiteiten/{meetingActivity}", $"/activiteiten/{meetingActivity}/aanmelden", $"/activiteiten/{walkActivity}",
                    $"/activiteiten/{meetingActivity}/afmelden?code={guestCancelCode}", unsubscribe],
                "guest" => [$"/sessies/{sessionId}", $"/sessies/{sessionId}/post-its"],
                "admin" => ["/beheer", "/", "/mijn", "/account", "/meldingen", $"/ideeen/{ideaId}"],
                "facilitator" => ["/mijn", $"/projecten/{projectId}/sessies/nieuw", $"/projecten/{projectId}/verhaalvragen", $"/projecten/{projectId}/duidingskader", $"/projecten/{projectId}/leden", $"/sessies/{sessionId}/leiden",
                    $"/sessies/{sessionId}", $"/sessies/{closedId}/ideeen",
                    $"/sessies/{plannedId}/voorbereiden", $"/sessies/{plannedId}", $"/draad/{journeyId}", $"/draad/{journeyId}/bewerken", "/", "/account", "/meldingen",
                    $"/ideeen/{ideaId}", $"/projecten/{projectId}/ideeen", $"/projecten/{projectId}/draad/nieuw?soort=idee",
                    $"/projecten/{projectId}/prototypes", $"/prototypes/{prototypeId}", $"/prototypes/{prototypeId}/aannames", $"/prototypes/{prototypeId}/bijlagen",
                    $"/projecten/{projectId}/proeven", $"/proeven/{decidable.Id}",
                    $"/projecten/{projectId}/fase", $"/projecten/{projectId}/fase/advies-vragen",
                    // Werkvormen (issue 13): the library, a new card, a copy of a built-in card, the demo's own card and its edit
                    // form, and a session planned from cards.
                    "/werkvormen", "/werkvormen/nieuw", "/werkvormen/stil-schrijven/kopieren", $"/werkvormen/{walkCardId}", $"/werkvormen/{walkCardId}/bewerken",
                    $"/werkvormen/sessie?project={projectId}&kaart=stil-schrijven",
                    // Moderation (issue 14)
                    "/moderatie", $"/moderatie/bijdrage/{storyId}",
                    // Activities (issue 14)
                    $"/activiteiten?project={projectId}", $"/activiteiten/nieuw?project={projectId}", $"/activiteiten/{walkActivity}/bewerken",
                    $"/activiteiten/{walkActivity}/aanmeldingen", $"/activiteiten/{openActivity}/afgelasten",
                    // Initiatives (issue 14): the response form.
                    $"/initiatieven/{challengeId}/reactie",
                    // Vraag en aanbod (issue 14)
                    $"/vraag-en-aanbod/{vanOffer}", $"/vraag-en-aanbod/{gardenOffer}"],
                "member" => ["/mijn", $"/verhalen/{storyId}", "/", "/account", "/meldingen", $"/sessies/{sessionId}", $"/ideeen/{ideaId}",
                    $"/projecten/{projectId}/proeven", $"/proeven/{preparing.Id}", $"/proeven/{running.Id}", $"/proeven/{running.Id}/observatie",
                    $"/proeven/{running.Id}/meting", $"/proeven/{running.Id}/feedback", $"/proeven/{running.Id}/feedback/nieuw",
                    $"/feedback/{feedbackOpen.Id}/antwoorden", $"/feedback/{feedbackSlips.Id}/briefjes", $"/reflecties/{reflectionId}/antwoorden",
                    $"/melden/bijdrage/{storyId}",
                    // Activities (issue 14): the demo resident is signed up for the walk, so its cancel button shows.
                    $"/activiteiten/{walkActivity}",
                    // Initiatives (issue 14)
                    "/initiatieven", $"/initiatieven/{challengeId}", $"/initiatieven/{challengeId}/bewerken", $"/initiatieven/nieuw?project={projectId}",
                    $"/initiatieven/nieuw?programma={programmeId}",
                    // Follows (issue 14): the overview with its frequency form, and the Volgen buttons.
                    "/volgen", $"/volgen/project/{projectId}", $"/volgen/initiatief/{challengeId}", $"/draad/{ideaId}",
                    // Vraag en aanbod (issue 14)
                    "/vraag-en-aanbod", $"/vraag-en-aanbod/{formsOffer}", $"/vraag-en-aanbod/{movingRequest}", $"/vraag-en-aanbod/{movingRequest}/bewerken",
                    $"/vraag-en-aanbod/nieuw?programma={programmeId}"],
                "evaluator" => ["/mijn", "/", "/account", "/meldingen", $"/sessies/{sessionId}", $"/adviesvragen/{adviceRequestId}",
                    $"/projecten/{projectId}/leeragenda", $"/leeragenda/{questionId}", $"/leeragenda/{questionId}/bewerken",
                    $"/projecten/{projectId}/innovatiereis", $"/innovatiereis/{noteId}", $"/innovatiereis/{noteId}/bewerken",
                    $"/projecten/{projectId}/innovatiereis/verslag", "/lessen", $"/lessen/{lessonId}", $"/lessen/{lessonId}/bewerken",
                    $"/projecten/{projectId}/lessen/nieuw", $"/projecten/{projectId}/lessen/nieuw?van={noteId}",
                    $"/projecten/{projectId}/reflecties", $"/projecten/{projectId}/reflecties/nieuw", $"/reflecties/{reflectionId}",
                    $"/reflecties/{reflectionId}/antwoorden", $"/reflecties/{reflectionId}/uitkomst", $"/reflecties/{reflectionId}/bewerken",
                    // Review board (issue 13)
                    $"/projecten/{projectId}/review"],
                _ => ["/mijn", "/", "/account", "/meldingen", $"/sessies/{sessionId}"],
            };
            await crawl.CrawlAsync(role, start);
        }
        return new SweepWorld(map, counter, roles, crawl, projectId, sessionId, throwaway.Id) { ApiGuest = new Role("api guest", apiGuest), PromptId = promptId, ExperimentId = running.Id, InitiativeId = challengeId };
    }

    public void Dispose()
    {
        foreach (var role in Roles) role.Browser.Dispose();
        ApiGuest.Browser.Dispose();
    }
}
