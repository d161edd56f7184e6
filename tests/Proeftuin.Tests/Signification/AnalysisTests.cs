using Proeftuin.Features.Stories;

namespace Proeftuin.Tests.Signification;

public sealed class AnalysisTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private static string Url(int projectId) => $"/projecten/{projectId}/analyse";

    private static IEnumerable<string> StoryLinks(HtmlPage page) =>
        page.Document.QuerySelectorAll("main svg a").Select(a => a.GetAttribute("href") ?? "").Distinct();

    /// <summary>Stories in every scope, signified, plus a withdrawn one and one without signification.</summary>
    private async Task<(TeamProject Team, int ProjectStory, int TeamStory, int Withdrawn, int Professional)> SetUpAsync(Visibility visibility = Visibility.Open)
    {
        var team = await factory.Data.TeamProjectAsync(visibility);
        var projectStory = await factory.StoryAsync(team.Id, scope: ConsentScope.Project, title: "Open verhaal", answers: StoryData.Triad(70, 20, 10, dyad: 90, choice: "zorgen"));
        var teamStory = await factory.StoryAsync(team.Id, scope: ConsentScope.Team, title: "Teamverhaal", answers: StoryData.Triad(10, 80, 10, dyad: 10, choice: "vertrouwen"));
        var withdrawn = await factory.StoryAsync(team.Id, scope: ConsentScope.Project, title: "Ingetrokken", withdrawn: true, answers: StoryData.Triad(10, 10, 80));
        var professional = await factory.StoryAsync(team.Id, scope: ConsentScope.PublicAnonymised, title: "Vakverhaal", source: Perspective.Professional, answers: StoryData.Triad(20, 20, 60, dyad: 50));
        await factory.StoryAsync(team.Id, scope: ConsentScope.Project, title: "Zonder duiding");
        return (team, projectStory, teamStory, withdrawn, professional);
    }

    [Fact]
    public async Task The_team_sees_every_signified_story_side_by_side_per_knowledge_source()
    {
        var s = await SetUpAsync();
        using var member = await factory.SignInAsync(s.Team.Member.Email!);
        var page = await member.OpenAsync(Url(s.Team.Id));
        Assert.Equal(["/verhalen/" + s.ProjectStory, "/verhalen/" + s.TeamStory, "/verhalen/" + s.Professional],
            StoryLinks(page).OrderBy(h => int.Parse(h.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains("3 van de 4 verhalen hebben een duiding.", page.MainText, StringComparison.Ordinal);

        // One triad chart for all stories and one per knowledge source.
        var triad = page.Document.QuerySelectorAll("main section").First(sec => sec.TextContent.Contains("Wat hielp hier het meest?", StringComparison.Ordinal));
        var captions = triad.QuerySelectorAll("figcaption").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(4, captions.Count);
        Assert.StartsWith("Alle verhalen samen (3", captions[0], StringComparison.Ordinal);
        Assert.StartsWith("Ervaringskennis (2", captions[1], StringComparison.Ordinal);
        Assert.StartsWith("Professionele kennis (1", captions[2], StringComparison.Ordinal);
        Assert.StartsWith("Wetenschappelijke kennis (0", captions[3], StringComparison.Ordinal);

        // Every dot is a link with a name; the mean is marked; the zone table has the same numbers.
        Assert.All(triad.QuerySelectorAll("svg a"), a => Assert.False(string.IsNullOrWhiteSpace(a.GetAttribute("aria-label"))));
        Assert.Contains(triad.QuerySelectorAll("svg a"), a => a.GetAttribute("aria-label")!.StartsWith("Open verhaal: Mijn eigen kracht 70 %", StringComparison.Ordinal));
        Assert.NotEmpty(triad.QuerySelectorAll("svg [role=img][aria-label^='Gemiddelde']"));
        var zoneRows = triad.QuerySelector("table")!.QuerySelectorAll("tbody tr").ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList());
        Assert.Equal(["1", "1", "0", "0"], zoneRows["Vooral boven"]);
        Assert.Equal(["1", "1", "0", "0"], zoneRows["Vooral links"]);
        Assert.Equal(["1", "0", "1", "0"], zoneRows["Boven en rechts"]);  // 20/20/60: right = 60 is not yet R

        // Every chart has a table next to it, and no inline styles anywhere (CSP).
        foreach (var section in page.Document.QuerySelectorAll("main section.pt-analysis"))
            Assert.NotEmpty(section.QuerySelectorAll("table.utrecht-table"));
        Assert.Empty(page.Document.QuerySelectorAll("[style]"));
        Assert.All(page.Document.QuerySelectorAll("main svg"), svg => Assert.False(string.IsNullOrEmpty(svg.GetAttribute("role"))));
    }

    [Fact]
    public async Task Readers_outside_the_team_see_only_what_consent_allows_and_never_withdrawn_stories()
    {
        var s = await SetUpAsync();
        using var observer = await factory.SignInAsync(s.Team.Observer.Email!);
        var page = await observer.OpenAsync(Url(s.Team.Id));
        var links = StoryLinks(page).ToList();
        Assert.Contains("/verhalen/" + s.ProjectStory, links);
        Assert.Contains("/verhalen/" + s.Professional, links);
        Assert.DoesNotContain("/verhalen/" + s.TeamStory, links);
        Assert.DoesNotContain("Teamverhaal", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("/verhalen/" + s.Withdrawn, page.Text, StringComparison.Ordinal);
        Assert.Contains("2 van de 3 verhalen hebben een duiding.", page.MainText, StringComparison.Ordinal);

        // The anonymised story is there, by number only.
        Assert.DoesNotContain("Vakverhaal", page.Text, StringComparison.Ordinal);
        Assert.Contains(page.Document.QuerySelectorAll("main svg a"), a => a.GetAttribute("aria-label")!.StartsWith($"Verhaal nummer {s.Professional}:", StringComparison.Ordinal));

        using var anonymous = factory.NewBrowser();
        var open = await anonymous.OpenAsync(Url(s.Team.Id));
        Assert.DoesNotContain("/verhalen/" + s.TeamStory, StoryLinks(open));
        // Not even the facilitator sees a withdrawn story.
        using var facilitator = await factory.SignInAsync(s.Team.Facilitator.Email!);
        Assert.DoesNotContain("/verhalen/" + s.Withdrawn, (await facilitator.OpenAsync(Url(s.Team.Id))).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_by_prompt_and_perspective_with_a_plain_form()
    {
        var team = await factory.Data.TeamProjectAsync();
        var promptA = await factory.PromptAsync(team.Id, "Vertel over een moment waarop je je alleen voelde");
        var promptB = await factory.PromptAsync(team.Id, "Vertel over een moment waarop iemand je hielp");
        var a = await factory.StoryAsync(team.Id, promptId: promptA, answers: StoryData.Triad(50, 25, 25));
        var b = await factory.StoryAsync(team.Id, promptId: promptB, source: Perspective.Scientific, answers: StoryData.Triad(25, 25, 50));
        using var member = await factory.SignInAsync(team.Member.Email!);
        var page = await member.OpenAsync(Url(team.Id));
        var form = page.Forms.First(f => f.Method == "get" && f.HasField("kennisbron"));
        Assert.Contains(promptA.ToString(System.Globalization.CultureInfo.InvariantCulture), form.Options("vraag"));

        var byPrompt = await member.OpenAsync($"{Url(team.Id)}?vraag={promptA}&kennisbron=");
        Assert.Equal(["/verhalen/" + a], StoryLinks(byPrompt));
        var byPerspective = await member.OpenAsync($"{Url(team.Id)}?kennisbron=Scientific");
        Assert.Equal(["/verhalen/" + b], StoryLinks(byPerspective));
        // Only the chosen knowledge source is drawn.
        Assert.Equal(["Wetenschappelijke kennis (1 verhalen)"], byPerspective.Document.QuerySelectorAll("main section")[0].QuerySelectorAll("figcaption").Select(c => c.TextContent.Trim()));
        // Nonsense filters are ignored, never an error.
        var nonsense = await member.OpenAsync($"{Url(team.Id)}?vraag=abc&kennisbron=%3Cscript%3E");
        Assert.Equal(2, StoryLinks(nonsense).Count());
    }

    [Fact]
    public async Task Dyads_and_lists_are_counted_in_bands_and_choices()
    {
        var s = await SetUpAsync();
        using var member = await factory.SignInAsync(s.Team.Member.Email!);
        var page = await member.OpenAsync(Url(s.Team.Id));
        var dyad = page.Document.QuerySelectorAll("main section").First(sec => sec.TextContent.Contains("In deze situatie werd er…", StringComparison.Ordinal));
        var rows = dyad.QuerySelectorAll("table tbody tr").ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelectorAll("td").First().TextContent.Trim());
        Assert.Equal("1", rows["Dicht bij links (0–20)"]);
        Assert.Equal("1", rows["Midden (41–60)"]);
        Assert.Equal("1", rows["Dicht bij rechts (81–100)"]);
        Assert.Equal(5, dyad.QuerySelectorAll("svg")[0].QuerySelectorAll("rect").Length);

        var list = page.Document.QuerySelectorAll("main section").First(sec => sec.TextContent.Contains("Hoe voelde je je toen?", StringComparison.Ordinal));
        var counts = list.QuerySelectorAll("table tbody tr").ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelectorAll("td").First().TextContent.Trim());
        Assert.Equal("1", counts["Ik maakte me zorgen"]);
        Assert.Equal("1", counts["Ik kreeg vertrouwen"]);
        Assert.Equal("0", counts["Allebei"]);

        var stones = page.Document.QuerySelectorAll("main section").First(sec => sec.TextContent.Contains("Waar staan de betrokkenen", StringComparison.Ordinal));
        var gemeente = stones.QuerySelectorAll("table tbody tr").First(r => r.TextContent.Contains("Gemeente", StringComparison.Ordinal)).QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["3", "0", "0", "0", "3"], gemeente);  // every story put the municipality at (0.25, 0.75): top left
    }

    [Fact]
    public async Task Who_may_not_see_the_analysis()
    {
        var s = await SetUpAsync(Visibility.MembersOnly);
        var other = await factory.Data.TeamProjectAsync();
        using var otherFacilitator = await factory.SignInAsync(other.Facilitator.Email!);
        Expect.Status(HttpStatusCode.NotFound, await otherFacilitator.GetAsync(Url(s.Team.Id)));
        using var anonymous = factory.NewBrowser();
        Expect.Status(HttpStatusCode.NotFound, await anonymous.GetAsync(Url(s.Team.Id)));
        Expect.Status(HttpStatusCode.NotFound, await anonymous.GetAsync(Url(int.MaxValue)));

        // An admin who is not in the team reads the project, but not its Team stories.
        using var admin = await factory.SignInDemoAsync("beheerder");
        var page = await admin.OpenAsync(Url(s.Team.Id));
        Assert.DoesNotContain("/verhalen/" + s.TeamStory, StoryLinks(page));
        Assert.Contains("/verhalen/" + s.ProjectStory, StoryLinks(page));
    }
}
