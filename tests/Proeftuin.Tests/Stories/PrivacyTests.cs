using Proeftuin.Features.Stories;
using Proeftuin.Features.Thread;
using Proeftuin.Tests.Thread;

namespace Proeftuin.Tests.Stories;

/// <summary>Gaps a privacy review found: each test shows one is closed.</summary>
public sealed class PrivacyTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    [Fact]
    public async Task Two_stories_cannot_be_linked_so_one_teller_never_learns_of_another_story()
    {
        var team = await factory.Data.TeamProjectAsync();
        var open = await StoryTestData.StoryAsync(factory, team.Id, ConsentScope.Project, tellerId: team.Observer.Id);
        var secret = await StoryTestData.StoryAsync(factory, team.Id, ConsentScope.Team);
        using var member = await factory.SignInAsync(team.Member.Email!);
        await factory.ItemAsync(team.Id, ItemKind.Insight, "Een inzicht om mee te verbinden");
        // Posted directly: the form does not even offer the other story.
        using var response = await member.PostAsync($"/draad/{open.Id}/verband", new { Input_Type = "Supports", Input_Direction = "from", Input_OtherId = secret.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Twee verhalen kun je niet met elkaar verbinden", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Links.CountAsync(l => l.FromId == open.Id || l.ToId == open.Id)));
        Assert.False(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.StoryId == open.Id)));

        // The link picker on a story offers no stories at all.
        var page = await member.OpenAsync($"/draad/{open.Id}/verband");
        Assert.NotEmpty(page.FormFor("Input.OtherId").Element.QuerySelectorAll("option"));
        Assert.DoesNotContain(page.Document.QuerySelectorAll("option"), o => o.GetAttribute("value") == secret.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_recorder_who_left_the_team_no_longer_speaks_for_the_teller()
    {
        var team = await factory.Data.TeamProjectAsync(Visibility.MembersOnly);
        var recorder = await factory.Data.UserAsync();
        await factory.WithDbAsync(db =>
        {
            db.Memberships.Add(new Membership { ProjectId = team.Id, UserId = recorder.Id, Role = ProjectRole.Facilitator, JoinedAt = DateTime.UtcNow });
            return db.SaveChangesAsync();
        });
        var story = await StoryTestData.StoryAsync(factory, team.Id, ConsentScope.Team, recordedById: recorder.Id, withKey: false);
        using var browser = await factory.SignInAsync(recorder.Email!);
        Assert.Equal(HttpStatusCode.OK, (await browser.OpenAsync($"/verhalen/{story.Id}/wat-is-ermee-gebeurd")).Status);

        await factory.WithDbAsync(db => db.Memberships.Where(m => m.ProjectId == team.Id && m.UserId == recorder.Id).ExecuteDeleteAsync());
        foreach (var url in new[] { $"/verhalen/{story.Id}", $"/verhalen/{story.Id}/duiden", $"/verhalen/{story.Id}/wat-is-ermee-gebeurd", $"/verhalen/{story.Id}/intrekken", $"/api/v1/stories/{story.Id}" })
        {
            using var response = await browser.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_key_holder_outside_the_project_sees_no_member_names_on_what_became_of_the_story()
    {
        var team = await factory.Data.TeamProjectAsync(Visibility.MembersOnly);
        var story = await StoryTestData.StoryAsync(factory, team.Id, ConsentScope.Team);
        var insight = await factory.ItemAsync(team.Id, ItemKind.Insight, "Inzicht uit verhalen");
        await factory.LinkAsync(story.Id, insight, byId: team.Facilitator.Id);
        using var anonymous = factory.NewBrowser();
        var page = await anonymous.OpenAsync($"/verhalen/{story.Id}/wat-is-ermee-gebeurd?sleutel={story.Key}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Inzicht uit verhalen", page.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain(team.Facilitator.DisplayName, page.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Withdrawal_leaves_nothing_that_ties_the_story_to_its_teller()
    {
        var team = await factory.Data.TeamProjectAsync();
        var prompt = await factory.PromptAsync(team.Id);
        var story = await StoryTestData.StoryAsync(factory, team.Id, ConsentScope.Project, tellerId: team.Member.Id, promptId: prompt);
        using var member = await factory.SignInAsync(team.Member.Email!);
        var confirm = await member.OpenAsync($"/verhalen/{story.Id}/intrekken");
        using var response = await member.SubmitAsync(confirm.FormWithAction("/intrekken"), new { });
        Assert.True(Browser.IsRedirect(response.StatusCode) || response.StatusCode == HttpStatusCode.OK, response.StatusCode.ToString());
        var row = await factory.StoryRowAsync(story.Id);
        Assert.NotNull(row!.WithdrawnAt);
        Assert.Null(row.TellerId);
        Assert.Null(row.AuthorId);
        Assert.Null(row.ConsentById);
        Assert.Null(row.RecordedById);
        Assert.Null(row.PromptId);
    }

    [Fact]
    public async Task Recorded_is_not_shown_where_the_story_is_anonymised()
    {
        var team = await factory.Data.TeamProjectAsync();
        var story = await StoryTestData.StoryAsync(factory, team.Id, ConsentScope.PublicAnonymised, recordedById: team.Facilitator.Id);
        using var outsider = await factory.SignInAsync((await factory.Data.UserAsync()).Email!);
        Assert.DoesNotContain("opgetekend", (await outsider.OpenAsync($"/projecten/{team.Id}/verhalen")).MainText, StringComparison.Ordinal);
        var json = await outsider.GetJsonAsync($"/api/v1/stories/{story.Id}");
        Assert.False(json.GetProperty("recorded").GetBoolean());
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        Assert.Contains("opgetekend", (await facilitator.OpenAsync($"/projecten/{team.Id}/verhalen")).MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Story_API_answers_are_never_cached_and_huge_bodies_are_refused()
    {
        var team = await factory.Data.TeamProjectAsync();
        var story = await StoryTestData.StoryAsync(factory, team.Id, ConsentScope.Project);
        using var anonymous = factory.NewBrowser();
        using (var one = await anonymous.GetAsync($"/api/v1/stories/{story.Id}"))
            Assert.True(one.Headers.CacheControl?.NoStore, "GET /api/v1/stories/{id} must say no-store");
        using (var list = await anonymous.GetAsync($"/api/v1/projects/{team.Id}/stories"))
            Assert.True(list.Headers.CacheControl?.NoStore, "the story list must say no-store");

        using var member = await factory.SignInAsync(team.Member.Email!);
        var before = await factory.StoryCountAsync(team.Id);
        using var content = new StringContent("{\"text\":\"" + new string('x', 200_000) + "\",\"scope\":\"Team\"}", System.Text.Encoding.UTF8, "application/json");
        using var huge = await member.Client.PostAsync(new Uri($"/api/v1/projects/{team.Id}/stories", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal(before, await factory.StoryCountAsync(team.Id));
    }

    [Fact]
    public async Task Signify_posted_as_JSON_is_a_bad_request_not_an_error()
    {
        var team = await factory.Data.TeamProjectAsync();
        var story = await StoryTestData.StoryAsync(factory, team.Id, ConsentScope.Team, tellerId: team.Member.Id);
        using var member = await factory.SignInAsync(team.Member.Email!);
        var page = await member.OpenAsync($"/verhalen/{story.Id}/duiden");
        var token = page.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/verhalen/{story.Id}/duiden") { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("RequestVerificationToken", token);
        using var response = await member.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
