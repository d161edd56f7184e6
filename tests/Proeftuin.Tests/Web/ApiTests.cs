using System.Text.Json;

namespace Proeftuin.Tests.Web;

public sealed class ApiTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private static async Task<JsonElement> JsonAsync(Browser browser, string url, HttpStatusCode expected = HttpStatusCode.OK, string mediaType = "application/json")
    {
        using var response = await browser.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"GET {url}: expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.Clone();
    }

    private static List<string> Titles(JsonElement array) => array.EnumerateArray().Select(e => e.GetProperty("title").GetString()!).ToList();

    [Fact]
    public async Task Programmes_are_listed()
    {
        using var browser = factory.NewBrowser();
        var list = await JsonAsync(browser, "/api/v1/programmes");
        Assert.Contains(TestData.SocialInnovation, Titles(list));
    }

    [Fact]
    public async Task Programme_shows_partners_readable_projects_and_news()
    {
        using var browser = factory.NewBrowser();
        var id = await factory.Data.ProgrammeIdAsync();
        var programme = await JsonAsync(browser, $"/api/v1/programmes/{id}");
        Assert.Equal(TestData.SocialInnovation, programme.GetProperty("title").GetString());
        var partners = programme.GetProperty("partners").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("Gemeente Nijmegen", partners);
        Assert.Contains("Nederland Kennisland", partners);
        Assert.Contains("Lentekracht", partners);
        var projects = Titles(programme.GetProperty("projects"));
        Assert.Contains(TestData.Loneliness, projects);
        Assert.DoesNotContain(TestData.Work, projects);
        Assert.Contains("Pilot Lerend Evalueren van start", Titles(programme.GetProperty("news")));
    }

    [Theory]
    [InlineData("/api/v1/programmes/999999")]
    [InlineData("/api/v1/programmes/-1")]
    [InlineData("/api/v1/projects/999999")]
    [InlineData("/api/v1/projects/0")]
    public async Task Unknown_ids_are_problem_json_404(string url)
    {
        using var browser = factory.NewBrowser();
        var problem = await JsonAsync(browser, url, HttpStatusCode.NotFound, "application/problem+json");
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Equal("Niet gevonden", problem.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("/api/v1/programmes/abc")]
    [InlineData("/api/v1/projects/abc")]
    [InlineData("/api/v1/projects/99999999999999999999")]
    [InlineData("/api/v1/bestaat-niet")]
    public async Task Malformed_ids_and_unknown_paths_are_404_problem_json(string url)
    {
        using var browser = factory.NewBrowser();
        using var response = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Projects_filter_by_domain_theme_and_phase()
    {
        using var browser = factory.NewBrowser();
        var all = Titles(await JsonAsync(browser, "/api/v1/projects"));
        Assert.Contains(TestData.Loneliness, all);
        Assert.Contains(TestData.Poverty, all);
        Assert.DoesNotContain(TestData.Work, all);

        var income = Titles(await JsonAsync(browser, "/api/v1/projects?domain=inkomen"));
        Assert.Contains(TestData.Poverty, income);
        Assert.DoesNotContain(TestData.EHealth, income);

        var poverty = Titles(await JsonAsync(browser, "/api/v1/projects?theme=armoede"));
        Assert.Contains(TestData.Poverty, poverty);
        Assert.DoesNotContain(TestData.Loneliness, poverty);

        var ideate = Titles(await JsonAsync(browser, "/api/v1/projects?phase=Ideate"));
        Assert.Contains(TestData.Loneliness, ideate);
        Assert.DoesNotContain(TestData.Poverty, ideate);

        var combined = Titles(await JsonAsync(browser, "/api/v1/projects?domain=wonen&phase=Prototype&theme=eenzaamheid"));
        Assert.Contains(TestData.Buurtkamer, combined);
        Assert.DoesNotContain(TestData.EHealth, combined);
        Assert.DoesNotContain(TestData.Loneliness, combined);

        Assert.Empty(Titles(await JsonAsync(browser, "/api/v1/projects?theme=bestaat-niet")));
    }

    [Theory]
    [InlineData("domain=ruimtevaart", "domain", "Onbekend domein")]
    [InlineData("phase=Vliegen", "phase", "Onbekende fase")]
    [InlineData("phase=%3Cscript%3E", "phase", "Onbekende fase")]
    public async Task Bad_filters_are_problem_json_400_in_Dutch(string query, string field, string message)
    {
        using var browser = factory.NewBrowser();
        var problem = await JsonAsync(browser, "/api/v1/projects?" + query, HttpStatusCode.BadRequest, "application/problem+json");
        var errors = problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains(errors, e => e!.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Very_long_theme_filter_is_refused_not_failed()
    {
        using var browser = factory.NewBrowser();
        using var response = await browser.GetAsync("/api/v1/projects?theme=" + TestData.Long(5000));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Members_only_project_is_404_for_outsiders_exactly_like_a_missing_one()
    {
        var workId = await factory.Data.ProjectIdAsync(TestData.Work);
        using var anonymous = factory.NewBrowser();
        var hidden = await JsonAsync(anonymous, $"/api/v1/projects/{workId}", HttpStatusCode.NotFound, "application/problem+json");
        var missing = await JsonAsync(anonymous, "/api/v1/projects/999999", HttpStatusCode.NotFound, "application/problem+json");
        Assert.Equal(missing.GetProperty("title").GetString(), hidden.GetProperty("title").GetString());
        Assert.Equal(missing.GetProperty("detail").GetString(), hidden.GetProperty("detail").GetString());

        using var outsider = await factory.SignInDemoAsync("inwoner");
        await JsonAsync(outsider, $"/api/v1/projects/{workId}", HttpStatusCode.NotFound, "application/problem+json");
        Assert.DoesNotContain(TestData.Work, Titles(await JsonAsync(outsider, "/api/v1/projects")));
    }

    [Fact]
    public async Task Members_only_project_is_readable_by_its_members_and_admins()
    {
        var workId = await factory.Data.ProjectIdAsync(TestData.Work);
        using var member = await factory.SignInDemoAsync("wijkteam");
        var project = await JsonAsync(member, $"/api/v1/projects/{workId}");
        Assert.Equal(TestData.Work, project.GetProperty("title").GetString());
        Assert.Equal("MembersOnly", project.GetProperty("visibility").GetString());
        Assert.Contains(TestData.Work, Titles(await JsonAsync(member, "/api/v1/projects")));

        using var admin = await factory.SignInDemoAsync("beheerder");
        Assert.Equal(TestData.Work, (await JsonAsync(admin, $"/api/v1/projects/{workId}")).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Anonymous_callers_get_member_counts_but_no_names()
    {
        var id = await factory.Data.ProjectIdAsync(TestData.Loneliness);
        using var browser = factory.NewBrowser();
        using var response = await browser.GetAsync($"/api/v1/projects/{id}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Members who never moved a phase (the phase history names who did) must not be named.
        foreach (var name in new[] { "Ans de Vries", "Mark Jansen", "Petra Smit", "Joost Hendriks", "Marleen Bakker" })
            Assert.DoesNotContain(name, body, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(body);
        var groups = doc.RootElement.GetProperty("membersByPerspective").EnumerateArray().ToList();
        // Six with the demo's external reviewer (issue 13, review board).
        Assert.Equal(6, groups.Sum(g => g.GetProperty("count").GetInt32()));
        Assert.All(groups, g => Assert.True(!g.TryGetProperty("members", out var m) || m.ValueKind == JsonValueKind.Null));
    }

    [Fact]
    public async Task Signed_in_readers_see_members_by_perspective()
    {
        var id = await factory.Data.ProjectIdAsync(TestData.Loneliness);
        var outsider = await factory.Data.UserAsync();
        using var browser = await factory.SignInAsync(outsider.Email!);
        var project = await JsonAsync(browser, $"/api/v1/projects/{id}");
        var groups = project.GetProperty("membersByPerspective").EnumerateArray().ToDictionary(g => g.GetProperty("perspective").GetString()!);
        var experience = groups["Experience"].GetProperty("members").EnumerateArray().Select(m => m.GetProperty("displayName").GetString()).ToList();
        Assert.Contains("Ans de Vries", experience);
        var scientific = groups["Scientific"].GetProperty("members").EnumerateArray().ToList();
        Assert.Contains(scientific, m => m.GetProperty("displayName").GetString() == "Joost Hendriks" && m.GetProperty("role").GetString() == "Evaluator");
    }

    [Fact]
    public async Task Project_includes_phase_history_newest_first()
    {
        var id = await factory.Data.ProjectIdAsync(TestData.EHealth);
        using var browser = factory.NewBrowser();
        var project = await JsonAsync(browser, $"/api/v1/projects/{id}");
        Assert.Equal("Prototype", project.GetProperty("phase").GetString());
        var history = project.GetProperty("phaseHistory").EnumerateArray().ToList();
        Assert.Equal(6, history.Count);
        Assert.Equal("Prototype", history[0].GetProperty("to").GetString());
        Assert.Equal("Ideate", history[0].GetProperty("from").GetString());
        Assert.Contains(history, h => h.GetProperty("from").GetString() == "Prototype" && h.GetProperty("to").GetString() == "Ideate");
        Assert.Equal(JsonValueKind.Null, history[^1].GetProperty("from").ValueKind);
    }

    [Fact]
    public async Task Problems_are_in_English_for_callers_who_chose_English()
    {
        using var browser = factory.NewBrowser();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/projects?phase=xyz");
        request.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        using var response = await browser.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("Check your input", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Controleer", body, StringComparison.Ordinal);
        using var missing = new HttpRequestMessage(HttpMethod.Get, "/api/v1/projects/999999");
        missing.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        using var notFound = await browser.Client.SendAsync(missing);
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.DoesNotContain("Niet gevonden", await notFound.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_is_read_only()
    {
        using var browser = factory.NewBrowser();
        using var content = new StringContent("{\"title\":\"x\"}", System.Text.Encoding.UTF8, "application/json");
        using var response = await browser.Client.PostAsync(new Uri("/api/v1/projects", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
