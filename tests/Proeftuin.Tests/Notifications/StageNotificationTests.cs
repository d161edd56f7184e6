using Proeftuin.Features.Experiments;
using Proeftuin.Features.Stories;
using Proeftuin.Features.Thread;
using Proeftuin.Tests.Experiments;
using Proeftuin.Tests.Thread;
using Proeftuin.Web;

namespace Proeftuin.Tests.Notifications;

/// <summary>Issue 12: a teller hears when their story reaches a prototype, a proef and a besluit, and sees it on "Wat is er met mijn verhaal gebeurd?".</summary>
public sealed class StageNotificationTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private const string Secret = "Geheime details over mijn schulden.";

    private static string Str(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private Task<List<string>> MeldingenAsync(string userId) =>
        factory.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.UserId == userId).OrderBy(n => n.Id).Select(n => n.Text).ToListAsync());

    [Fact]
    public async Task Each_stage_tells_the_teller_once_never_a_withdrawn_story_and_never_the_story_text()
    {
        var team = await factory.Data.TeamProjectAsync(phase: Phase.Prototype);
        var teller = await factory.Data.UserAsync(perspective: Perspective.Experience);
        var gone = await factory.Data.UserAsync(perspective: Perspective.Experience);
        var story = await factory.StoryAsync(team.Id, ConsentScope.Project, title: "Zondag alleen", text: Secret, tellerId: teller.Id, notifyByEmail: true);
        var withdrawn = await factory.StoryAsync(team.Id, ConsentScope.Project, title: "Ingetrokken", text: Secret, tellerId: gone.Id, notifyByEmail: true);
        var insight = await factory.ItemAsync(team.Id, ItemKind.Insight, "Zondag is de langste dag");
        // Both ideas come from the same story: the prototype made of both is told once.
        var ideaA = await factory.ItemAsync(team.Id, ItemKind.Idea, "Een open huis op zondag");
        var ideaB = await factory.ItemAsync(team.Id, ItemKind.Idea, "Een maatje voor de zondag");
        await factory.LinkAsync(story, insight);
        await factory.LinkAsync(withdrawn, insight);
        await factory.LinkAsync(insight, ideaA, LinkType.LeadsTo);
        await factory.LinkAsync(insight, ideaB, LinkType.LeadsTo);
        await factory.WithDbAsync(async db =>
        {
            (await db.Stories.SingleAsync(s => s.Id == withdrawn)).WithdrawnAt = DateTime.UtcNow;
            return await db.SaveChangesAsync();
        });

        using var lead = await factory.SignInAsync(team.Facilitator.Email!);
        var form = await lead.OpenAsync($"/projecten/{team.Id}/prototypes/nieuw");
        int prototype;
        using (var made = await lead.SubmitAsync(form.FormFor("Input.Title"), Fields.Of(new
        {
            Input_IdeaIds = new[] { Str(ideaA), Str(ideaB) },
            Input_Title = "Zondagkoffie met een gastvrouw",
            Input_ForWhom = "Ouderen die alleen wonen",
            Input_Form = "RolePlay",
            Input_Text = "Komen mensen op zondag?",
        })))
            prototype = Expect.RedirectToId(made, "/prototypes/");
        var told = await MeldingenAsync(teller.Id);
        Assert.Equal(["Uit je verhaal „Zondag alleen” is een prototype gemaakt: „Zondagkoffie met een gastvrouw”. Dat is een eerste versie om uit te proberen."], told);
        Assert.Single(factory.Mailbox.To(teller.Email!));
        Assert.DoesNotContain("Geheime details", factory.Mailbox.NewestTo(teller.Email!).TextBody, StringComparison.Ordinal);

        // The member sets up the proef: the teller hears of it.
        using var member = await factory.SignInAsync(team.Member.Email!);
        int experiment;
        using (var made = await member.SetUpAsync(team.Id, ExperimentData.SetupFields(factory.Today(), prototype)))
            experiment = Expect.RedirectToId(made, "/proeven/");
        told = await MeldingenAsync(teller.Id);
        Assert.Equal(2, told.Count);
        Assert.Equal("Wat uit je verhaal „Zondag alleen” voortkwam, wordt nu in de praktijk getest: de proef „Buurtkamer op zondag open”.", told[1]);
        Assert.Equal(2, factory.Mailbox.To(teller.Email!).Count);

        // Ended, results recorded, the facilitator decides: the teller hears of the decision (not again of its lesson).
        await factory.WithDbAsync(async db =>
        {
            (await db.Items.OfType<Experiment>().SingleAsync(e => e.Id == experiment)).Status = ExperimentStatus.Ended;
            return await db.SaveChangesAsync();
        });
        await factory.ResultsAsync(experiment, CriterionResult.NotMet);
        var decide = await lead.OpenAsync($"/proeven/{experiment}/besluit");
        using (var decided = await lead.SubmitAsync(decide.FormFor("Input.Reasoning"), new Dictionary<string, string>
        {
            ["Input.Choice"] = "Adjust",
            ["Input.BackToPhase"] = "Ideate",
            ["Input.WhatChanges"] = "Een gastvrouw bij de deur",
            ["Input.Reasoning"] = "Er kwamen te weinig mensen.",
            ["Input.BrilliantFailure"] = "true",
            ["Input.FailureTaught"] = "Open zijn is niet genoeg.",
            ["Input.Lesson"] = "Welkom voelen vraagt een persoon bij de deur.",
        }))
            Expect.Redirect(decided, $"/proeven/{experiment}#besluit");
        told = await MeldingenAsync(teller.Id);
        Assert.Equal(3, told.Count);
        Assert.StartsWith("Het team heeft een besluit genomen over een proef die uit je verhaal „Zondag alleen” voortkwam: „Besluit over Buurtkamer op zondag open", told[2], StringComparison.Ordinal);
        Assert.Equal(3, factory.Mailbox.To(teller.Email!).Count);
        Assert.All(factory.Mailbox.To(teller.Email!), m => Assert.DoesNotContain("Geheime details", m.TextBody, StringComparison.Ordinal));
        var urls = await factory.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.UserId == teller.Id).Select(n => n.Url).Distinct().ToListAsync());
        Assert.Equal([$"/verhalen/{story}/wat-is-ermee-gebeurd"], urls);

        // The withdrawn story's teller heard nothing at all.
        Assert.Empty(await MeldingenAsync(gone.Id));
        Assert.Empty(factory.Mailbox.To(gone.Email!));

        // The page, in plain words: prototype, proef (ended), the decision as a sentence, the lesson with its text.
        using var tellerBrowser = await factory.SignInAsync(teller.Email!);
        var page = await tellerBrowser.OpenAsync($"/verhalen/{story}/wat-is-ermee-gebeurd");
        string Section(string id) => page.Document.QuerySelector($"section[aria-labelledby={id}]")?.TextContent ?? "";
        Assert.Contains("Zondagkoffie met een gastvrouw", Section("prototypes"), StringComparison.Ordinal);
        Assert.Contains("Buurtkamer op zondag open", Section("proeven"), StringComparison.Ordinal);
        Assert.Contains("Is afgelopen.", Section("proeven"), StringComparison.Ordinal);
        Assert.Contains("Het team past het aan en probeert het opnieuw.", Section("besluiten"), StringComparison.Ordinal);
        Assert.Contains("veel van geleerd", Section("besluiten"), StringComparison.Ordinal);
        // The lesson is the team's until it is made public (ADR 0034): the teller hears there is one, then reads it once public.
        Assert.Contains("nog alleen voor het team", Section("lessen"), StringComparison.Ordinal);
        Assert.DoesNotContain("Welkom voelen vraagt een persoon bij de deur.", Section("lessen"), StringComparison.Ordinal);
        await factory.WithDbAsync(db => db.Items.OfType<Proeftuin.Features.Lessons.Lesson>().Where(l => l.ProjectId == team.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.Visibility, Proeftuin.Features.Lessons.LessonVisibility.Public)));
        page = await tellerBrowser.OpenAsync($"/verhalen/{story}/wat-is-ermee-gebeurd");
        Assert.Contains("Welkom voelen vraagt een persoon bij de deur.", Section("lessen"), StringComparison.Ordinal);
        Assert.DoesNotContain("Geheime details", page.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain("Ingetrokken", page.MainText, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector($"main a[href='/prototypes/{prototype}']"));
    }

    [Fact]
    public async Task A_teller_who_makes_the_prototype_is_not_told_and_a_members_only_project_shows_no_lesson_text()
    {
        var facilitator = await factory.Data.UserAsync();
        var projectId = await factory.Data.ProjectAsync(visibility: Visibility.MembersOnly, phase: Phase.Prototype, members: [(facilitator, ProjectRole.Facilitator)]);
        // The facilitator told a story themselves and makes the prototype: no melding about their own act.
        var own = await factory.StoryAsync(projectId, ConsentScope.Team, tellerId: facilitator.Id, notifyByEmail: true);
        var address = TestData.UniqueEmail("verteller");
        var key = Tokens.New();
        var outsider = await factory.StoryAsync(projectId, ConsentScope.Team, title: "Buiten", tellerEmail: address, notifyByEmail: true, key: key);
        var idea = await factory.ItemAsync(projectId, ItemKind.Idea, "Geheim idee");
        await factory.LinkAsync(own, idea, LinkType.LeadsTo);
        await factory.LinkAsync(outsider, idea, LinkType.LeadsTo);

        using var lead = await factory.SignInAsync(facilitator.Email!);
        var form = await lead.OpenAsync($"/projecten/{projectId}/prototypes/nieuw");
        using (var made = await lead.SubmitAsync(form.FormFor("Input.Title"), Fields.Of(new
        {
            Input_IdeaIds = Str(idea),
            Input_Title = "Besloten prototype",
            Input_ForWhom = "Bewoners",
            Input_Form = "Sketch",
            Input_Text = "Een schets.",
        })))
            Expect.RedirectToId(made, "/prototypes/");
        Assert.Empty(await MeldingenAsync(facilitator.Id));
        Assert.Empty(factory.Mailbox.To(facilitator.Email!));
        // The teller without an account is mailed, without their key; no melding (they have no account).
        var mail = factory.Mailbox.NewestTo(address);
        Assert.Contains("prototype „Besloten prototype”", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(key, mail.TextBody, StringComparison.Ordinal);

        using var anonymous = factory.NewBrowser();
        var page = await anonymous.OpenAsync($"/verhalen/{outsider}/wat-is-ermee-gebeurd?sleutel={key}");
        Assert.Contains("Besloten prototype", page.Document.QuerySelector("section[aria-labelledby=prototypes]")!.TextContent, StringComparison.Ordinal);
        // Members only: named, never linked.
        Assert.Empty(page.Document.QuerySelectorAll("main a[href^='/prototypes/']"));
    }
}
