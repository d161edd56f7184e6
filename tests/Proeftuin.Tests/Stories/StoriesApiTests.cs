using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Proeftuin.Features.Stories;

namespace Proeftuin.Tests.Stories;

/// <summary>The stories API: the same use case and consent rules as the pages; JSON only for POST.</summary>
public sealed class StoriesApiTests(StoriesFactory factory) : IClassFixture<StoriesFactory>
{
    [Fact]
    public async Task A_signed_in_member_posts_a_story_as_json()
    {
        var team = await factory.Data.TeamProjectAsync();
        var prompt = await factory.PromptAsync(team.Id);
        using var member = await factory.SignInAsync(team.Member.Email!);
        using var response = await member.Client.PostAsJsonAsyncRaw($"/api/v1/projects/{team.Id}/stories",
            new { promptId = prompt, title = "Via de API", text = "Regel een\nRegel twee", scope = "Team", mayQuote = true });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        using var doc = JsonDocument.Parse(body);
        var id = doc.RootElement.GetProperty("id").GetInt32();
        Assert.Equal($"/api/v1/stories/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal("Team", doc.RootElement.GetProperty("scope").GetString());
        Assert.Equal($"Verteller {id}", doc.RootElement.GetProperty("shownName").GetString());
        Assert.Equal("<p>Regel een<br>Regel twee</p>", doc.RootElement.GetProperty("html").GetString());
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("signification").ValueKind);
        var story = (await factory.StoryRowAsync(id))!;
        Assert.Equal(team.Member.Id, story.TellerId);
        Assert.Equal(prompt, story.PromptId);
        Assert.True(story.MayQuote);

        // The signification comes back as JSON, not as a string.
        await factory.WithDbAsync(async db =>
        {
            var s = await db.Stories.SingleAsync(x => x.Id == id);
            s.SignificationJson = "{\"triads\":{\"t1\":[0.2,0.3,0.5]}}";
            s.SignifiedAt = DateTime.UtcNow;
            s.FrameworkVersion = 2;
            return await db.SaveChangesAsync();
        });
        var (status, item) = await member.JsonAsync($"/api/v1/stories/{id}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0.5, item.GetProperty("signification").GetProperty("triads").GetProperty("t1")[2].GetDouble());
        Assert.Equal(2, item.GetProperty("frameworkVersion").GetInt32());
    }

    public static TheoryData<string, string, string> BadBodies => new()
    {
        { """{"text":"","scope":"Team"}""", "text", "Vul je verhaal in." },
        { """{"text":"Een verhaal"}""", "scope", "Kies wie je verhaal mag lezen." },
        { """{"text":"Een verhaal","scope":"Everyone"}""", "scope", "Kies wie je verhaal mag lezen." },
        { """{"text":"Een verhaal","scope":"3"}""", "scope", "Kies wie je verhaal mag lezen." },
        { """{"text":"Een verhaal","scope":"Team","perspective":"Astrologie"}""", "perspective", "Kies welke kennis" },
        { """{"text":"Een verhaal","scope":"Team","promptId":999999}""", "promptId", "Deze vraag bestaat niet (meer)." },
        { """{"text":"Een verhaal","scope":"Team","title":"TITLE201"}""", "title", "is te lang: maximaal 200 tekens." },
        { """{"text":"TEXT10001","scope":"Team"}""", "text", "is te lang: maximaal 10000 tekens." },
        { """{"text":"Met \u0000 erin","scope":"Team"}""", "text", "bevat tekens die niet kunnen" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_json_gets_a_Dutch_problem_and_saves_nothing(string json, string field, string message)
    {
        var team = await factory.Data.TeamProjectAsync();
        using var member = await factory.SignInAsync(team.Member.Email!);
        json = json.Replace("TITLE201", TestData.Long(201), StringComparison.Ordinal).Replace("TEXT10001", TestData.Long(10_001), StringComparison.Ordinal);
        using var response = await member.Client.PostAsync(new Uri($"/api/v1/projects/{team.Id}/stories", UriKind.Relative),
            new StringContent(json, Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(body);
        Assert.Equal("Controleer de invoer", doc.RootElement.GetProperty("title").GetString());
        Assert.Contains(message, doc.RootElement.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await factory.StoryCountAsync(team.Id));
    }

    [Theory]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("""{"text":"Een verhaal","scope":"Team","mayQuote":"ja"}""")]
    [InlineData("null")]
    public async Task Unreadable_json_is_400(string json)
    {
        var team = await factory.Data.TeamProjectAsync();
        using var member = await factory.SignInAsync(team.Member.Email!);
        using var response = await member.Client.PostAsync(new Uri($"/api/v1/projects/{team.Id}/stories", UriKind.Relative),
            new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await factory.StoryCountAsync(team.Id));
    }

    [Fact]
    public async Task A_form_post_with_the_cookie_is_refused_so_no_other_site_can_post_for_you()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var member = await factory.SignInAsync(team.Member.Email!);
        foreach (var content in new HttpContent[]
        {
            new FormUrlEncodedContent([new("text", "Van een andere site"), new("scope", "Project")]),
            new StringContent("""{"text":"Van een andere site","scope":"Project"}""", Encoding.UTF8, "text/plain"),
        })
        {
            using (content)
            using (var response = await member.Client.PostAsync(new Uri($"/api/v1/projects/{team.Id}/stories", UriKind.Relative), content))
                Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        }
        Assert.Equal(0, await factory.StoryCountAsync(team.Id));
    }

    [Fact]
    public async Task Who_may_not_post()
    {
        var closed = await factory.Data.TeamProjectAsync(Visibility.MembersOnly);
        var outsider = await factory.Data.UserAsync();
        var body = new { text = "Stiekem", scope = "Team" };
        using var anonymous = factory.NewBrowser();
        using (var response = await anonymous.Client.PostAsJsonAsyncRaw($"/api/v1/projects/{closed.Id}/stories", body))
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var stranger = await factory.SignInAsync(outsider.Email!);
        using (var response = await stranger.Client.PostAsJsonAsyncRaw($"/api/v1/projects/{closed.Id}/stories", body))
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using (var response = await stranger.Client.PostAsJsonAsyncRaw("/api/v1/projects/999999/stories", body))
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, await factory.StoryCountAsync(closed.Id));
        // An observer may tell their story, as on the page.
        using var observer = await factory.SignInAsync(closed.Observer.Email!);
        using (var response = await observer.Client.PostAsJsonAsyncRaw($"/api/v1/projects/{closed.Id}/stories", body))
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/stories/999999")]
    [InlineData("/api/v1/stories/0")]
    [InlineData("/api/v1/projects/999999/stories")]
    public async Task Unknown_ids_are_problem_json_404(string url)
    {
        using var browser = factory.NewBrowser();
        var (status, problem) = await browser.JsonAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("Niet gevonden", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_list_can_be_filtered_by_prompt_and_hides_scope_from_outsiders()
    {
        var team = await factory.Data.TeamProjectAsync();
        var prompt = await factory.PromptAsync(team.Id);
        var a = await factory.StoryAsync(team.Id, ConsentScope.Project, promptId: prompt);
        var b = await factory.StoryAsync(team.Id, ConsentScope.Project);
        using var anonymous = factory.NewBrowser();
        var (_, filtered) = await anonymous.JsonAsync($"/api/v1/projects/{team.Id}/stories?promptId={prompt}");
        Assert.Equal([a.Id], filtered.EnumerateArray().Select(e => e.GetProperty("id").GetInt32()));
        Assert.Equal(JsonValueKind.Null, filtered[0].GetProperty("scope").ValueKind);
        var (_, all) = await anonymous.JsonAsync($"/api/v1/projects/{team.Id}/stories");
        Assert.Equal([b.Id, a.Id], all.EnumerateArray().Select(e => e.GetProperty("id").GetInt32()));
    }
}

internal static class JsonPosting
{
    /// <summary>POSTs an object as application/json and hands back the response itself.</summary>
    public static Task<HttpResponseMessage> PostAsJsonAsyncRaw(this HttpClient client, string url, object body) =>
        client.PostAsync(new Uri(url, UriKind.Relative), new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, new MediaTypeHeaderValue("application/json")));
}
