using System.Text.Json;
using Proeftuin.Features.Stories;

namespace Proeftuin.Tests.Stories;

/// <summary>
/// The API's story list pages with a cursor (ADR 0026): a limit with a maximum, the next page in the Link header, no
/// count or offset by default; numbered pages with their totals only when asked for with page=.
/// </summary>
public sealed class StoryCursorPagingTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    [Fact]
    public async Task Following_the_next_links_gives_every_readable_story_once_newest_first()
    {
        var team = await factory.Data.TeamProjectAsync();
        var ids = new List<int>();
        for (var i = 0; i < 7; i++)
            ids.Add((await factory.StoryAsync(team.Id, ConsentScope.Project)).Id);
        var hidden = await factory.StoryAsync(team.Id, ConsentScope.Team); // not for anonymous readers
        // Three stories of the same moment straddle a page boundary: the id breaks the tie, none is lost or repeated.
        var moment = DateTime.UtcNow.AddDays(-3);
        var same = ids.Skip(2).Take(3).ToList();
        await factory.WithDbAsync(db => db.Stories.Where(s => same.Contains(s.Id))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.CreatedAt, moment)));
        var expected = await factory.WithDbAsync(db => db.Stories.AsNoTracking()
            .Where(s => s.ProjectId == team.Id && s.Scope != ConsentScope.Team && s.WithdrawnAt == null)
            .OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id).Select(s => s.Id).ToListAsync());

        using var anonymous = factory.NewBrowser();
        var seen = new List<int>();
        var url = $"/api/v1/projects/{team.Id}/stories?limit=2";
        var pages = 0;
        while (url is not null)
        {
            using var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            // The cursor pages carry no totals: counting a big project on every page is what does not scale.
            Assert.False(response.Headers.Contains("X-Total-Count"));
            using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.InRange(doc.RootElement.GetArrayLength(), 1, 2);
            seen.AddRange(doc.RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetInt32()));
            url = NextLink(response);
            if (url is not null) Assert.StartsWith($"/api/v1/projects/{team.Id}/stories?after=", url, StringComparison.Ordinal);
            Assert.True(++pages < 20, "the next links never ended");
        }
        Assert.Equal(expected, seen);
        Assert.Equal(4, pages); // 7 stories, 2 a page; the last page has no next link
        Assert.DoesNotContain(hidden.Id, seen);
    }

    [Fact]
    public async Task The_first_page_keeps_its_shape_and_size_and_a_limit_up_to_the_maximum_is_honoured()
    {
        var team = await factory.Data.TeamProjectAsync();
        for (var i = 0; i < FindStories.MaxPageSize + 2; i++)
            await factory.StoryAsync(team.Id, ConsentScope.Project);

        using var anonymous = factory.NewBrowser();
        var (status, first) = await anonymous.JsonAsync($"/api/v1/projects/{team.Id}/stories");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(JsonValueKind.Array, first.ValueKind);
        Assert.Equal(FindStories.PageSize, first.GetArrayLength());
        var one = first[0];
        foreach (var field in new[] { "id", "promptId", "prompt", "title", "excerpt", "shownName", "anonymised", "perspective", "createdAt", "scope", "recorded", "signified" })
            Assert.True(one.TryGetProperty(field, out _), field);

        using var most = await anonymous.GetAsync($"/api/v1/projects/{team.Id}/stories?limit={FindStories.MaxPageSize}");
        using var doc = JsonDocument.Parse(await most.Content.ReadAsStringAsync());
        Assert.Equal(FindStories.MaxPageSize, doc.RootElement.GetArrayLength());
        Assert.Contains($"limit={FindStories.MaxPageSize}", NextLink(most), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Numbered_pages_still_carry_their_totals_and_a_next_link()
    {
        var team = await factory.Data.TeamProjectAsync();
        for (var i = 0; i < 5; i++)
            await factory.StoryAsync(team.Id, ConsentScope.Project);

        using var anonymous = factory.NewBrowser();
        using var second = await anonymous.GetAsync($"/api/v1/projects/{team.Id}/stories?page=2&limit=2");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("5", second.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal("3", second.Headers.GetValues("X-Page-Count").Single());
        Assert.Equal($"/api/v1/projects/{team.Id}/stories?page=3&limit=2", NextLink(second));
        using var last = await anonymous.GetAsync($"/api/v1/projects/{team.Id}/stories?page=3&limit=2");
        Assert.Null(NextLink(last));
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("limit=-5", "limit")]
    [InlineData("limit=abc", "limit")]
    [InlineData("limit=", "limit")]
    [InlineData("page=0", "page")]
    [InlineData("page=-1", "page")]
    [InlineData("page=abc", "page")]
    [InlineData("page=100001", "page")]
    [InlineData("page=99999999999999999999", "page")]
    [InlineData("page=1&after=638000000000000000.5", "page")]
    [InlineData("after=", "after")]
    [InlineData("after=abc", "after")]
    [InlineData("after=12.", "after")]
    [InlineData("after=.12", "after")]
    [InlineData("after=12.0", "after")]
    [InlineData("after=99999999999999999999.3", "after")]
    [InlineData("after=%3Cscript%3E.1", "after")]
    [InlineData("after=-1.4", "after")]
    public async Task Bad_paging_values_are_a_400_with_a_Dutch_message_for_that_field(string query, string field)
    {
        var team = await factory.Data.TeamProjectAsync();
        await factory.StoryAsync(team.Id, ConsentScope.Project);
        using var anonymous = factory.NewBrowser();
        var (status, body) = await anonymous.JsonAsync($"/api/v1/projects/{team.Id}/stories?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var messages = body.GetProperty("errors").GetProperty(field);
        var message = messages[0].GetString()!;
        Assert.Matches("(Kies|Gebruik|kennen we niet)", message);
    }

    [Fact]
    public async Task The_cursor_keeps_the_consent_rules_the_team_pages_through_team_stories_too()
    {
        var team = await factory.Data.TeamProjectAsync();
        var open = await factory.StoryAsync(team.Id, ConsentScope.Project);
        var teamOnly = await factory.StoryAsync(team.Id, ConsentScope.Team);
        var newest = await factory.StoryAsync(team.Id, ConsentScope.Project);

        using var member = await factory.SignInAsync(team.Member.Email!);
        using var first = await member.GetAsync($"/api/v1/projects/{team.Id}/stories?limit=1");
        var next = NextLink(first)!;
        var (_, second) = await member.JsonAsync(next);
        Assert.Equal(teamOnly.Id, second[0].GetProperty("id").GetInt32());
        Assert.Equal("Team", second[0].GetProperty("scope").GetString());

        // The same cursor for a stranger skips the team's story: it reads the next one they may read.
        using var anonymous = factory.NewBrowser();
        var (status, theirs) = await anonymous.JsonAsync(next);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(open.Id, theirs[0].GetProperty("id").GetInt32());
        Assert.True(newest.Id > open.Id);
    }

    private static string? NextLink(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Link", out var values)) return null;
        var link = values.Single();
        Assert.EndsWith(">; rel=\"next\"", link, StringComparison.Ordinal);
        return link[1..link.IndexOf('>', StringComparison.Ordinal)];
    }
}
