using System.Text.Json;
using Proeftuin.Features.Stories;
using Proeftuin.Features.Thread;

namespace Proeftuin.Tests.Thread;

public sealed class ThreadApiTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private static async Task<JsonElement> JsonAsync(Browser browser, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await browser.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"GET {url}: expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.Clone();
    }

    [Fact]
    public async Task Questions_come_with_their_evidence_respecting_consent()
    {
        var team = await factory.Data.TeamProjectAsync();
        var question = await factory.ItemAsync(team.Id, ItemKind.Question, "Hoe kunnen we eenzaamheid doorbreken?");
        var insight = await factory.ItemAsync(team.Id, ItemKind.Insight, "Ouderen missen contact");
        var teamStory = await factory.StoryAsync(team.Id, ConsentScope.Team, title: "Verhaal voor het team");
        var withdrawn = await factory.StoryAsync(team.Id, ConsentScope.Project, title: "Weg", withdrawn: true);
        await factory.LinkAsync(insight, question);
        await factory.LinkAsync(teamStory, question);
        await factory.LinkAsync(withdrawn, question);

        using var member = await factory.SignInAsync(team.Member.Email!);
        var asTeam = await JsonAsync(member, $"/api/v1/projects/{team.Id}/questions");
        var q = asTeam.EnumerateArray().Single();
        Assert.Equal("Hoe kunnen we eenzaamheid doorbreken?", q.GetProperty("title").GetString());
        var evidence = q.GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("item")).ToList();
        Assert.Contains(evidence, e => e.GetProperty("title").GetString() == "Ouderen missen contact" && e.GetProperty("kind").GetString() == "Insight" && e.GetProperty("id").GetInt32() == insight);
        Assert.Contains(evidence, e => e.GetProperty("title").GetString() == "Verhaal voor het team");
        Assert.Contains(evidence, e => e.GetProperty("state").GetString() == "withdrawn" && e.GetProperty("id").ValueKind == JsonValueKind.Null);

        using var anonymous = factory.NewBrowser();
        var json = (await JsonAsync(anonymous, $"/api/v1/projects/{team.Id}/questions")).GetRawText();
        Assert.DoesNotContain("Verhaal voor het team", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Weg\"", json, StringComparison.Ordinal);
        Assert.Contains("\"hidden\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain($"\"id\":{teamStory}", json, StringComparison.Ordinal);
        await JsonAsync(anonymous, "/api/v1/projects/999999/questions", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Trace_follows_the_same_rules_as_the_page()
    {
        var team = await factory.Data.TeamProjectAsync();
        var teamStory = await factory.StoryAsync(team.Id, ConsentScope.Team, title: "Teamverhaal");
        var withdrawn = await factory.StoryAsync(team.Id, ConsentScope.Project, withdrawn: true);
        var insight = await factory.ItemAsync(team.Id, ItemKind.Insight, "Inzicht");
        var need = await factory.ItemAsync(team.Id, ItemKind.Need, "Behoefte");
        await factory.LinkAsync(teamStory, insight);
        await factory.LinkAsync(withdrawn, insight);
        await factory.LinkAsync(insight, need, LinkType.LeadsTo);

        using var member = await factory.SignInAsync(team.Member.Email!);
        var trace = await JsonAsync(member, $"/api/v1/items/{need}/trace");
        Assert.Equal("Behoefte", trace.GetProperty("item").GetProperty("title").GetString());
        var back = trace.GetProperty("backward").EnumerateArray().ToList();
        Assert.Contains(back, e => e.GetProperty("depth").GetInt32() == 1 && e.GetProperty("item").GetProperty("title").GetString() == "Inzicht" && e.GetProperty("link").GetString() == "leadsTo");
        Assert.Contains(back, e => e.GetProperty("depth").GetInt32() == 2 && e.GetProperty("item").GetProperty("title").GetString() == "Teamverhaal");
        Assert.Empty(trace.GetProperty("forward").EnumerateArray());
        var forward = (await JsonAsync(member, $"/api/v1/items/{teamStory}/trace")).GetProperty("forward").EnumerateArray().ToList();
        Assert.Equal(2, forward.Count);

        using var anonymous = factory.NewBrowser();
        var asAnonymous = (await JsonAsync(anonymous, $"/api/v1/items/{need}/trace")).GetRawText();
        Assert.DoesNotContain("Teamverhaal", asAnonymous, StringComparison.Ordinal);
        Assert.Contains("\"hidden\"", asAnonymous, StringComparison.Ordinal);
        Assert.Contains("\"withdrawn\"", asAnonymous, StringComparison.Ordinal);
        await JsonAsync(anonymous, $"/api/v1/items/{teamStory}/trace", HttpStatusCode.NotFound);
        await JsonAsync(member, $"/api/v1/items/{withdrawn}/trace", HttpStatusCode.NotFound);
        await JsonAsync(anonymous, "/api/v1/items/999999/trace", HttpStatusCode.NotFound);

        var facilitator = await factory.Data.UserAsync();
        var hidden = await factory.Data.ProjectAsync(visibility: Visibility.MembersOnly, members: [(facilitator, ProjectRole.Facilitator)]);
        var secret = await factory.ItemAsync(hidden, ItemKind.Question, "Geheime vraag");
        await JsonAsync(anonymous, $"/api/v1/items/{secret}/trace", HttpStatusCode.NotFound);
        await JsonAsync(member, $"/api/v1/projects/{hidden}/questions", HttpStatusCode.NotFound);
    }
}
