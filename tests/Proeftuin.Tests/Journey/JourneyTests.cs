using System.Globalization;
using Proeftuin.Features.Experiments;
using Proeftuin.Features.Journey;
using Proeftuin.Features.Thread;
using Proeftuin.Tests.Thread;

namespace Proeftuin.Tests.Journey;

/// <summary>The innovatiereis: notes with their kinds and dates, an antwoord linked to its kwestie, the timeline with phases and proeven, who may not, and bad input.</summary>
public sealed class JourneyTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private static string Str(int id) => id.ToString(CultureInfo.InvariantCulture);

    private string Today => ExperimentDates.Iso(ExperimentDates.Today(TimeProvider.System));

    private Task<(int Items, int Links)> CountsAsync(int projectId) => factory.WithDbAsync(async db =>
        (await db.Items.CountAsync(i => i.ProjectId == projectId), await db.Links.CountAsync(l => l.ProjectId == projectId)));

    private static async Task<HttpResponseMessage> AddAsync(Browser browser, int projectId, string soort, object values)
    {
        var page = await browser.OpenAsync($"/projecten/{projectId}/innovatiereis/nieuw?soort={soort}");
        return await browser.SubmitAsync(page.FormFor("Input.Title"), Fields.Of(values));
    }

    [Fact]
    public async Task A_team_writes_a_kwestie_and_its_antwoord_and_both_show_on_the_journey_with_the_phases()
    {
        var team = await factory.Data.TeamProjectAsync(Visibility.Open, Phase.Define);
        using var member = await factory.SignInAsync(team.Member.Email!);
        Assert.Contains((await member.OpenAsync($"/projecten/{team.Id}")).Document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == $"/projecten/{team.Id}/innovatiereis");

        int issue;
        using (var made = await AddAsync(member, team.Id, "kwestie", new { Input_Title = "Niemand komt naar de avond", Input_Text = "Alleen de **vaste** bezoekers.", Input_OccurredOn = Today }))
            issue = Expect.RedirectToId(made, "/innovatiereis/");
        var row = await factory.WithDbAsync(db => db.Items.OfType<JourneyEntry>().AsNoTracking().SingleAsync(e => e.Id == issue));
        Assert.Equal((JourneyEntryType.Issue, Phase.Define, team.Member.Id), (row.Type, row.Phase, row.AuthorId));
        Assert.Equal(Perspective.Experience, row.KnowledgeSource); // the member's own
        Assert.Contains("<strong>vaste</strong>", row.Html, StringComparison.Ordinal);
        using (var draad = await member.GetAsync($"/draad/{issue}")) Expect.Redirect(draad, $"/innovatiereis/{issue}");

        // The antwoord form offers the project's kwesties; the chosen one is linked "antwoord beantwoordt kwestie".
        var form = await member.OpenAsync($"/projecten/{team.Id}/innovatiereis/nieuw?soort=antwoord");
        Assert.Contains(form.FormFor("Input.AnswersId").Options("Input.AnswersId"), o => o == Str(issue));
        int answer;
        using (var made = await member.SubmitAsync(form.FormFor("Input.Title"), Fields.Of(new { Input_Title = "We gaan langs bij mensen thuis", Input_OccurredOn = Today, Input_AnswersId = Str(issue), Input_KnowledgeSource = "Professional" })))
            answer = Expect.RedirectToId(made, "/innovatiereis/");
        var link = await factory.WithDbAsync(db => db.Links.AsNoTracking().SingleAsync(l => l.FromId == answer));
        Assert.Equal((issue, LinkType.Answers), (link.ToId, link.Type));
        Assert.Equal(Perspective.Professional, await factory.WithDbAsync(db => db.Items.Where(i => i.Id == answer).Select(i => i.KnowledgeSource).SingleAsync()));

        // The journey: the phase it started in, both notes in the table and drawn as letters, the same in the API.
        var journey = await member.OpenAsync($"/projecten/{team.Id}/innovatiereis");
        var table = journey.Document.QuerySelector(".pt-journey__table")!.TextContent;
        Assert.Contains("Niemand komt naar de avond", table, StringComparison.Ordinal);
        Assert.Contains("Probleem definiëren", table, StringComparison.Ordinal);
        Assert.Equal(2, journey.Document.QuerySelectorAll(".pt-journey__note").Length);
        Assert.NotNull(journey.Document.QuerySelector(".pt-journey__note--K"));
        var json = await member.GetJsonAsync($"/api/v1/projects/{team.Id}/journey");
        var entries = json.GetProperty("events").EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "entry").ToList();
        Assert.Equal(["issue", "answer"], entries.Select(e => e.GetProperty("label").GetString()).Order(StringComparer.Ordinal).Reverse());
        Assert.Equal("Define", json.GetProperty("phases")[0].GetProperty("phase").GetString());

        // Editing keeps the kind.
        var edit = await member.OpenAsync($"/innovatiereis/{issue}/bewerken");
        using (var saved = await member.SubmitAsync(edit.FormFor("Input.Title"), Fields.Of(new { Input_Title = "Bijna niemand komt naar de avond" })))
            Expect.Redirect(saved, $"/innovatiereis/{issue}");
        var edited = await factory.WithDbAsync(db => db.Items.OfType<JourneyEntry>().AsNoTracking().SingleAsync(e => e.Id == issue));
        Assert.Equal(("Bijna niemand komt naar de avond", JourneyEntryType.Issue), (edited.Title, edited.Type));
    }

    [Fact]
    public async Task Proeven_and_decisions_join_the_timeline()
    {
        var team = await factory.Data.TeamProjectAsync(Visibility.Open, Phase.Test);
        var experiment = await Proeftuin.Tests.Experiments.ExperimentData.ExperimentAsync(factory, team.Id, ExperimentStatus.Running, null, title: "Zondag open");
        using var anonymous = factory.NewBrowser();
        var json = await anonymous.GetJsonAsync($"/api/v1/projects/{team.Id}/journey");
        var proef = json.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "experiment");
        Assert.Equal((experiment.Id, "Zondag open"), (proef.GetProperty("id").GetInt32(), proef.GetProperty("title").GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.String, proef.GetProperty("until").ValueKind);
        var page = await anonymous.OpenAsync($"/projecten/{team.Id}/innovatiereis");
        Assert.Single(page.Document.QuerySelectorAll(".pt-journey__experiment"));
        Assert.Null(page.Document.QuerySelector($"a[href^='/projecten/{team.Id}/innovatiereis/nieuw']"));
    }

    [Fact]
    public async Task Who_may_not_keep_the_journey_is_refused_and_nothing_changes()
    {
        var team = await factory.Data.TeamProjectAsync();
        var closed = await factory.Data.TeamProjectAsync(Visibility.MembersOnly);
        var entry = await factory.ItemAsync(team.Id, ItemKind.JourneyEntry, "Een kwestie", authorId: team.Member.Id);
        var closedEntry = await factory.ItemAsync(closed.Id, ItemKind.JourneyEntry, "Kwestie van het dichte project", authorId: closed.Member.Id);
        var before = await CountsAsync(team.Id);
        using (var anonymous = factory.NewBrowser())
        {
            using (var form = await anonymous.GetAsync($"/projecten/{team.Id}/innovatiereis/nieuw?soort=kwestie")) Expect.RedirectToSignIn(form);
            foreach (var url in new[] { $"/projecten/{closed.Id}/innovatiereis", $"/innovatiereis/{closedEntry}", $"/api/v1/projects/{closed.Id}/journey" })
                using (var hidden = await anonymous.GetAsync(url)) Expect.Status(HttpStatusCode.NotFound, hidden, url);
        }
        using (var observer = await factory.SignInAsync(team.Observer.Email!))
        {
            foreach (var url in new[] { $"/projecten/{team.Id}/innovatiereis/nieuw?soort=kwestie", $"/innovatiereis/{entry}/bewerken" })
                using (var denied = await observer.GetAsync(url)) Expect.Status(HttpStatusCode.Forbidden, denied, url);
            using (var post = await observer.PostAsync($"/projecten/{team.Id}/innovatiereis/nieuw?soort=kwestie", new { Input_Title = "Mag niet", Input_OccurredOn = Today }))
                Expect.Status(HttpStatusCode.Forbidden, post);
        }
        using (var stranger = await factory.SignInAsync(closed.Facilitator.Email!))
        using (var edit = await stranger.PostAsync($"/innovatiereis/{entry}/bewerken", new { Input_Title = "Mag niet", Input_OccurredOn = Today }))
            Expect.Status(HttpStatusCode.Forbidden, edit);
        Assert.Equal(before, await CountsAsync(team.Id));
    }

    [Fact]
    public async Task Bad_input_gets_a_clear_Dutch_message_and_nothing_is_half_saved()
    {
        var team = await factory.Data.TeamProjectAsync();
        var other = await factory.Data.TeamProjectAsync();
        var foreignIssue = await factory.ItemAsync(other.Id, ItemKind.JourneyEntry, "Kwestie elders", authorId: other.Member.Id);
        var insight = await factory.ItemAsync(team.Id, ItemKind.Insight, "Geen kwestie", authorId: team.Member.Id);
        using var member = await factory.SignInAsync(team.Member.Email!);
        var before = await CountsAsync(team.Id);
        var tomorrow = ExperimentDates.Iso(ExperimentDates.Today(TimeProvider.System).AddDays(1));
        var cases = new (string Soort, object Values, string Message)[]
        {
            ("kwestie", new { Input_Title = "", Input_OccurredOn = Today }, "Vul wat er gebeurde in."),
            ("kwestie", new { Input_Title = new string('a', ThreadLimits.Title + 1), Input_OccurredOn = Today }, "is te lang"),
            ("kwestie", new { Input_Title = "Iets", Input_OccurredOn = "" }, "Vul de datum in."),
            ("kwestie", new { Input_Title = "Iets", Input_OccurredOn = "gisteren" }, "is geen datum"),
            ("kwestie", new { Input_Title = "Iets", Input_OccurredOn = tomorrow }, "De innovatiereis gaat over wat al gebeurde"),
            ("antwoord", new { Input_Title = "Iets", Input_OccurredOn = Today, Input_AnswersId = Str(foreignIssue) }, "Kies een kwestie uit de lijst van dit project."),
            ("antwoord", new { Input_Title = "Iets", Input_OccurredOn = Today, Input_AnswersId = Str(insight) }, "Kies een kwestie uit de lijst van dit project."),
        };
        foreach (var (soort, values, message) in cases)
            using (var response = await member.PostAsync($"/projecten/{team.Id}/innovatiereis/nieuw?soort={soort}", values)) await Expect.FormErrorAsync(response, message);
        using (var unknown = await member.GetAsync($"/projecten/{team.Id}/innovatiereis/nieuw?soort=inzicht")) Expect.Status(HttpStatusCode.NotFound, unknown);
        foreach (var url in new[] { $"/innovatiereis/{insight}", $"/innovatiereis/{insight}/bewerken", "/innovatiereis/999999" })
            using (var response = await member.GetAsync(url)) Expect.Status(HttpStatusCode.NotFound, response, url);
        Assert.Equal(before, await CountsAsync(team.Id));

        int hostile;
        using (var made = await AddAsync(member, team.Id, "leermoment", new { Input_Title = TestData.Script, Input_Text = TestData.Script, Input_OccurredOn = Today }))
            hostile = Expect.RedirectToId(made, "/innovatiereis/");
        Expect.ShownAsText(await member.OpenAsync($"/innovatiereis/{hostile}"));
        Expect.ShownAsText(await member.OpenAsync($"/projecten/{team.Id}/innovatiereis"));
    }

    [Fact]
    public async Task The_demo_project_has_a_journey_with_an_answered_kwestie()
    {
        var project = await factory.WithDbAsync(db => db.Projects.Where(p => p.Title == TestData.Loneliness).Select(p => p.Id).SingleAsync());
        using var anonymous = factory.NewBrowser();
        var json = await anonymous.GetJsonAsync($"/api/v1/projects/{project}/journey");
        var labels = json.GetProperty("events").EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "entry").Select(e => e.GetProperty("label").GetString()).ToList();
        Assert.Equal(["answer", "deadEnd", "issue", "learningMoment", "signpost"], labels.Order(StringComparer.Ordinal));
        Assert.Contains(json.GetProperty("events").EnumerateArray(), e => e.GetProperty("kind").GetString() == "gate");
        Assert.Contains(json.GetProperty("events").EnumerateArray(), e => e.GetProperty("kind").GetString() == "experiment");
        var issue = await factory.WithDbAsync(db => db.Items.Where(i => i.Title == Proeftuin.Data.DemoJourney.Issue).Select(i => i.Id).SingleAsync());
        Assert.True(await factory.WithDbAsync(db => db.Links.AnyAsync(l => l.ToId == issue && l.Type == LinkType.Answers)));
    }
}
