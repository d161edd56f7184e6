using System.Globalization;
using System.Text.Json;
using Proeftuin.Features.Stories;
using Proeftuin.Features.Thread;
using Proeftuin.Tests.Sessions;

namespace Proeftuin.Tests.Thread;

/// <summary>
/// The thread read one way everywhere: story → insight → need → question → idea is "where it comes from" from the
/// idea and "what came of it" from the story, whatever link types were used and from which side they were added.
/// An idea that beantwoordt a question came out of that question (LinkFlow).
/// </summary>
public sealed class ChainTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private static string S(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>How one link of the chain is added: its type, and whether from the page of what came first or of what came of it.</summary>
    public sealed record Step(LinkType Type, bool FromOriginPage);

    public static TheoryData<string, Step[]> Chains()
    {
        var data = new TheoryData<string, Step[]>();
        foreach (var type in Enum.GetValues<LinkType>())
            foreach (var fromOrigin in new[] { true, false })
                data.Add($"{type}, {(fromOrigin ? "from what came first" : "from what came of it")}", [.. Enumerable.Repeat(new Step(type, fromOrigin), 4)]);
        // As a team works: onderbouwt, leidt tot, onderbouwt, and the idea beantwoordt the question; sides alternate.
        data.Add("as a team works, alternating sides",
            [new(LinkType.Supports, true), new(LinkType.LeadsTo, false), new(LinkType.Supports, true), new(LinkType.Answers, false)]);
        data.Add("as a team works, the other sides",
            [new(LinkType.Supports, false), new(LinkType.LeadsTo, true), new(LinkType.Supports, false), new(LinkType.Answers, true)]);
        return data;
    }

    [Theory]
    [MemberData(nameof(Chains))]
    public async Task Story_to_idea_reads_forward_from_the_story_and_backward_from_the_idea(string name, Step[] steps)
    {
        var team = await factory.Data.TeamProjectAsync();
        var teller = await factory.Data.UserAsync();
        var story = await factory.StoryAsync(team.Id, ConsentScope.Project, title: "Zondag alleen " + name, tellerId: teller.Id);
        var insight = await factory.ItemAsync(team.Id, ItemKind.Insight, "Zondag is de langste dag");
        var need = await factory.ItemAsync(team.Id, ItemKind.Need, "Een plek om binnen te lopen");
        var question = await factory.ItemAsync(team.Id, ItemKind.Question, "Hoe kunnen we op zondag iemand treffen?");
        var idea = await factory.ItemAsync(team.Id, ItemKind.Idea, "Een open huis op zondag");
        var chain = new[] { story, insight, need, question, idea };

        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        for (var i = 0; i < 4; i++)
        {
            var (origin, outcome, step) = (chain[i], chain[i + 1], steps[i]);
            // The form reads "this [type] the other" (from) or "the other [type] this" (to). For onderbouwt and leidt
            // tot the first item is the subject; for beantwoordt what came of it is ("het idee beantwoordt de vraag").
            var subjectIsOrigin = !step.Type.RunsBackwards();
            var page = step.FromOriginPage ? origin : outcome;
            var other = step.FromOriginPage ? outcome : origin;
            var direction = step.FromOriginPage == subjectIsOrigin ? "from" : "to";
            using var r = await facilitator.AddLinkAsync(page, other, direction, step.Type.ToString());
            Expect.Redirect(r, $"{ThreadWords.PageUrl(page == story ? ItemKind.Story : page == idea ? ItemKind.Idea : ItemKind.Insight, page)}#verbanden");
        }

        // The trace page, from each end and from the middle.
        var fromStory = await facilitator.OpenAsync($"/draad/{story}/spoor");
        AssertLinks(fromStory, "vooruit", [insight, need, question, idea]);
        AssertLinks(fromStory, "terug", []);
        Assert.Contains("Hier gaat (nog) niets aan vooraf.", Section(fromStory, "terug"), StringComparison.Ordinal);
        var fromIdea = await facilitator.OpenAsync($"/draad/{idea}/spoor");
        AssertLinks(fromIdea, "terug", [question, need, insight, story]);
        AssertLinks(fromIdea, "vooruit", []);
        Assert.Contains("Hier is (nog) niets uit voortgekomen.", Section(fromIdea, "vooruit"), StringComparison.Ordinal);
        var fromQuestion = await facilitator.OpenAsync($"/draad/{question}/spoor");
        AssertLinks(fromQuestion, "terug", [need, insight, story]);
        AssertLinks(fromQuestion, "vooruit", [idea]);

        // The API, with the depth of each step.
        var api = await facilitator.GetJsonAsync($"/api/v1/items/{story}/trace");
        Assert.Equal([(1, insight), (2, need), (3, question), (4, idea)], Entries(api, "forward"));
        Assert.Empty(Entries(api, "backward"));
        var apiIdea = await facilitator.GetJsonAsync($"/api/v1/items/{idea}/trace");
        Assert.Equal([(1, question), (2, need), (3, insight), (4, story)], Entries(apiIdea, "backward"));
        Assert.Empty(Entries(apiIdea, "forward"));

        // The teller: what came of the story ends in the idea, and each new step down the chain was told.
        using var tellerBrowser = await factory.SignInAsync(teller.Email!);
        var outcomePage = await tellerBrowser.OpenAsync($"/verhalen/{story}/wat-is-ermee-gebeurd");
        var ideas = outcomePage.Document.QuerySelector("section[aria-labelledby=ideeen]")!;
        Assert.Contains("daaruit kwamen deze ideeën", ideas.TextContent, StringComparison.Ordinal);
        Assert.NotNull(ideas.QuerySelector($"a[href='/ideeen/{idea}']"));
        var meldingen = await factory.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.UserId == teller.Id).OrderBy(n => n.Id).Select(n => n.Text).ToListAsync());
        Assert.Equal(4, meldingen.Count);
        Assert.Contains(meldingen, t => t.Contains("Zondag is de langste dag", StringComparison.Ordinal));
        Assert.Contains(meldingen, t => t.Contains("Een plek om binnen te lopen", StringComparison.Ordinal));
        Assert.Contains(meldingen, t => t.Contains("Hoe kunnen we op zondag iemand treffen?", StringComparison.Ordinal));
        Assert.Contains($"Uit je verhaal „Zondag alleen {name}” is een nieuw idee voortgekomen: „Een open huis op zondag”.", meldingen);
    }

    [Fact]
    public async Task The_demo_story_De_zondagen_reaches_the_open_house_idea()
    {
        var (story, question, idea) = await factory.WithDbAsync(async db =>
        {
            var demo = await db.Stories.Where(s => s.Title == "De zondagen" && s.TellerName == "Ans").Select(s => new { s.Id, s.ProjectId }).SingleAsync();
            return (demo.Id,
                await db.Items.OfType<Question>().Where(q => q.ProjectId == demo.ProjectId && q.Title.StartsWith("Hoe kunnen we ervoor zorgen dat bewoners op zondag")).Select(q => q.Id).SingleAsync(),
                await db.Items.OfType<Idea>().Where(i => i.ProjectId == demo.ProjectId && i.Title == "Een open huis op zondag").Select(i => i.Id).SingleAsync());
        });
        using var resident = await factory.SignInDemoAsync("inwoner");
        var trace = await resident.GetJsonAsync($"/api/v1/items/{story}/trace");
        Assert.Contains(trace.GetProperty("forward").EnumerateArray(), e => e.GetProperty("item").GetProperty("title").GetString() == "Een open huis op zondag");

        var page = await resident.OpenAsync($"/draad/{question}/spoor");
        Assert.NotNull(page.Document.QuerySelector($"section[aria-labelledby=vooruit] a[href='/ideeen/{idea}']"));
        Assert.Null(page.Document.QuerySelector($"section[aria-labelledby=terug] a[href='/ideeen/{idea}']"));

        // Ans, who told it, sees the idea at the end of her story's chain and was told.
        var outcome = await resident.OpenAsync($"/verhalen/{story}/wat-is-ermee-gebeurd");
        Assert.NotNull(outcome.Document.QuerySelector($"section[aria-labelledby=ideeen] a[href='/ideeen/{idea}']"));
        Assert.Contains("Een open huis op zondag", (await resident.OpenAsync("/meldingen")).MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_idea_made_in_a_session_tells_the_tellers_of_the_stories_behind_its_question()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id);
        var question = await factory.QuestionAsync(team.Id, "Hoe kunnen we de buurt samen laten eten?");
        await factory.AskAsync(session.Id, question);
        var (writer, _) = await factory.ParticipantAsync(session.Id, team.Member.Id, "Ans", Perspective.Experience);
        var teller = await factory.Data.UserAsync();
        var address = TestData.UniqueEmail("verteller");
        var byMail = await factory.StoryAsync(team.Id, ConsentScope.Team, title: "Alleen aan tafel", tellerId: teller.Id, notifyByEmail: true);
        var withoutAccount = await factory.StoryAsync(team.Id, ConsentScope.Project, tellerEmail: address, notifyByEmail: true, key: Proeftuin.Web.Tokens.New());
        var withdrawn = await factory.StoryAsync(team.Id, ConsentScope.Project, tellerId: teller.Id, withdrawn: true);
        var need = await factory.ItemAsync(team.Id, ItemKind.Need, "Samen eten");
        await factory.LinkAsync(byMail, need);
        await factory.LinkAsync(withoutAccount, need);
        await factory.LinkAsync(withdrawn, need);
        await factory.LinkAsync(need, question, LinkType.LeadsTo);
        var note = await factory.NoteAsync(session.Id, session.StepIds[0], writer, "Een soepavond in de buurtkamer");

        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        using (var r = await facilitator.PostAsync($"/sessies/{session.Id}/ideeen?handler=Note", new { noteId = note, questionId = question }))
            Expect.Redirect(r, $"/sessies/{session.Id}#ideeen");

        var meldingen = await factory.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.UserId == teller.Id).ToListAsync());
        var melding = Assert.Single(meldingen);
        Assert.Equal(byMail, melding.StoryId);
        Assert.Equal("Uit je verhaal „Alleen aan tafel” is een nieuw idee voortgekomen: „Een soepavond in de buurtkamer”.", melding.Text);
        Assert.Contains("Een soepavond in de buurtkamer", factory.Mailbox.NewestTo(teller.Email!).TextBody, StringComparison.Ordinal);
        var mail = factory.Mailbox.NewestTo(address);
        Assert.Contains("iets nieuws uit voortgekomen: idee „Een soepavond in de buurtkamer”", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("persoonlijke link", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_idea_entered_on_its_question_answers_it_and_reaches_the_teller()
    {
        var team = await factory.Data.TeamProjectAsync();
        var other = await factory.Data.TeamProjectAsync();
        var teller = await factory.Data.UserAsync();
        var story = await factory.StoryAsync(team.Id, ConsentScope.Project, title: "Mijn verhaal over eten", tellerId: teller.Id);
        var need = await factory.ItemAsync(team.Id, ItemKind.Need, "Samen eten");
        var question = await factory.ItemAsync(team.Id, ItemKind.Question, "Hoe kunnen we samen eten?");
        var elsewhere = await factory.ItemAsync(other.Id, ItemKind.Question, "Vraag elders");
        await factory.LinkAsync(story, need);
        await factory.LinkAsync(need, question, LinkType.LeadsTo);
        using var member = await factory.SignInAsync(team.Member.Email!);

        var page = await member.OpenAsync($"/draad/{question}");
        var add = page.Document.QuerySelectorAll("main a").Single(a => a.TextContent == "Idee toevoegen").GetAttribute("href")!;
        Assert.Equal($"/projecten/{team.Id}/draad/nieuw?soort=idee&vraag={question}", add);
        var form = await member.OpenAsync(add);
        Assert.Contains("Dit idee beantwoordt de vraag „Hoe kunnen we samen eten?”.", form.MainText, StringComparison.Ordinal);
        using (var r = await member.SubmitAsync(form.FormFor("Input.Title"), new { Input_Title = "Een buurtmaaltijd op vrijdag", Input_Text = "Iedereen neemt iets mee." }))
        {
            var idea = Expect.RedirectToId(r, "/draad/");
            var link = await factory.WithDbAsync(db => db.Links.AsNoTracking().SingleAsync(l => l.FromId == idea));
            Assert.Equal((question, LinkType.Answers, ItemKind.Idea), (link.ToId, link.Type, await factory.WithDbAsync(db => db.Items.Where(i => i.Id == idea).Select(i => i.Kind).SingleAsync())));
            AssertLinks(await member.OpenAsync($"/draad/{question}/spoor"), "vooruit", [idea]);
            AssertLinks(await member.OpenAsync($"/draad/{story}/spoor"), "vooruit", [need, question, idea]);
        }
        Assert.Contains(Proeftuin.Features.Notifications.NotifyTeller.IdeaText("Een buurtmaaltijd op vrijdag", "Mijn verhaal over eten"),
            await factory.WithDbAsync(db => db.Notifications.Where(n => n.UserId == teller.Id).Select(n => n.Text).ToListAsync()));

        // Only an idea answers, only one of this project's questions; anything else is not there, and nothing is saved.
        var count = await factory.WithDbAsync(db => db.Items.CountAsync(i => i.ProjectId == team.Id));
        foreach (var wrong in new[] { $"soort=idee&vraag={need}", $"soort=idee&vraag={elsewhere}", $"soort=inzicht&vraag={question}", "soort=idee&vraag=abc", "soort=idee&vraag=%3Cscript%3E", "soort=idee&vraag=999999" })
        {
            var url = $"/projecten/{team.Id}/draad/nieuw?{wrong}";
            using (var r = await member.GetAsync(url)) Expect.Status(HttpStatusCode.NotFound, r, url);
            using (var r = await member.PostAsync(url, new { Input_Title = "Binnengesmokkeld", Input_KnowledgeSource = "Experience" })) Expect.Status(HttpStatusCode.NotFound, r, "POST " + url);
        }
        Assert.Equal(count, await factory.WithDbAsync(db => db.Items.CountAsync(i => i.ProjectId == team.Id)));
        // Observers do not add ideas; an idea without a question is fine for the team.
        using (var observer = await factory.SignInAsync(team.Observer.Email!))
        {
            using (var r = await observer.GetAsync($"/projecten/{team.Id}/draad/nieuw?soort=idee&vraag={question}")) Expect.Status(HttpStatusCode.Forbidden, r);
            var asObserver = await observer.OpenAsync($"/draad/{question}");
            Assert.DoesNotContain(asObserver.Document.QuerySelectorAll("main a"), a => a.TextContent == "Idee toevoegen");
        }
        var plain = await member.OpenAsync($"/projecten/{team.Id}/draad/nieuw?soort=idee");
        int loose;
        using (var r = await member.SubmitAsync(plain.FormFor("Input.Title"), new { Input_Title = "Los idee" })) loose = Expect.RedirectToId(r, "/draad/");
        Assert.False(await factory.WithDbAsync(db => db.Links.AnyAsync(l => l.FromId == loose || l.ToId == loose)));
    }

    [Fact]
    public async Task A_story_hears_of_an_outcome_once_and_nobody_of_a_link_they_made()
    {
        var team = await factory.Data.TeamProjectAsync();
        var teller = await factory.Data.UserAsync();
        var story = await factory.StoryAsync(team.Id, ConsentScope.Project, title: "", tellerId: teller.Id);
        var own = await factory.StoryAsync(team.Id, ConsentScope.Project, tellerId: team.Member.Id);
        var insight = await factory.ItemAsync(team.Id, ItemKind.Insight, "Inzicht");
        var need = await factory.ItemAsync(team.Id, ItemKind.Need, "Behoefte");
        var question = await factory.ItemAsync(team.Id, ItemKind.Question, "Hoe kunnen we?");
        await factory.LinkAsync(story, insight);
        await factory.LinkAsync(own, insight);
        await factory.LinkAsync(insight, question, LinkType.LeadsTo);
        using var member = await factory.SignInAsync(team.Member.Email!);
        // Question → need: the need is new to the story (through insight → question), so its teller is told.
        using (var r = await member.AddLinkAsync(question, need)) Expect.Redirect(r, $"/draad/{question}#verbanden");
        // A second way to the same need (insight → need) is nothing new.
        using (var r = await member.AddLinkAsync(insight, need, type: "LeadsTo")) Expect.Redirect(r, $"/draad/{insight}#verbanden");
        var texts = await factory.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.StoryId == story).Select(n => n.Text).ToListAsync());
        Assert.Equal(["Uit je verhaal is iets nieuws voortgekomen: behoefte „Behoefte”."], texts);
        // The member told the other story and made the links: no melding for them.
        Assert.False(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.StoryId == own)));
    }

    [Fact]
    public async Task The_questions_API_keeps_evidence_and_answers_apart()
    {
        var team = await factory.Data.TeamProjectAsync();
        var question = await factory.ItemAsync(team.Id, ItemKind.Question, "Hoe kunnen we?");
        var need = await factory.ItemAsync(team.Id, ItemKind.Need, "Behoefte achter de vraag");
        var idea = await factory.ItemAsync(team.Id, ItemKind.Idea, "Idee als antwoord");
        await factory.LinkAsync(need, question, LinkType.LeadsTo);
        await factory.LinkAsync(idea, question, LinkType.Answers);
        using var member = await factory.SignInAsync(team.Member.Email!);
        var q = (await member.GetJsonAsync($"/api/v1/projects/{team.Id}/questions")).EnumerateArray().Single();
        var evidence = q.GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("item").GetProperty("id").GetInt32()).ToList();
        var answers = q.GetProperty("answers").EnumerateArray().ToList();
        Assert.Equal([need], evidence);
        Assert.Equal(idea, Assert.Single(answers).GetProperty("item").GetProperty("id").GetInt32());
        Assert.Equal("answers", answers[0].GetProperty("link").GetString());
    }

    private static string Section(HtmlPage page, string label) =>
        page.Document.QuerySelector($"section[aria-labelledby={label}]")!.TextContent;

    private static void AssertLinks(HtmlPage page, string label, int[] expected)
    {
        var hrefs = page.Document.QuerySelectorAll($"section[aria-labelledby={label}] a").Select(a => a.GetAttribute("href")).ToList();
        var ids = hrefs.Select(h => int.Parse(h!.Split('/')[2], CultureInfo.InvariantCulture)).ToList();
        Assert.True(expected.SequenceEqual(ids), $"{label} on {page.Url}: expected [{string.Join(", ", expected)}], got [{string.Join(", ", hrefs)}]");
    }

    private static List<(int Depth, int Id)> Entries(JsonElement trace, string direction) =>
        trace.GetProperty(direction).EnumerateArray()
            .Select(e => (e.GetProperty("depth").GetInt32(), e.GetProperty("item").GetProperty("id").GetInt32())).ToList();
}
