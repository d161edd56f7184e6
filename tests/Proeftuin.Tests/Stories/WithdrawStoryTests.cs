using Proeftuin.Features.Notifications;
using Proeftuin.Features.Stories;
using Proeftuin.Features.Thread;

namespace Proeftuin.Tests.Stories;

/// <summary>Withdrawal erases: by the teller, by the key holder, or by a facilitator on the teller's request.</summary>
public sealed class WithdrawStoryTests(StoriesFactory factory) : IClassFixture<StoriesFactory>
{
    private static async Task<HttpResponseMessage> WithdrawAsync(Browser browser, int id, string query = "", object? values = null)
    {
        var page = await browser.OpenAsync($"/verhalen/{id}/intrekken{query}");
        Assert.Contains("Dit kun je niet ongedaan maken.", page.MainText, StringComparison.Ordinal);
        return await browser.SubmitAsync(page.FormWithAction("/intrekken"), values ?? new { });
    }

    /// <summary>A comment, a notification and a link to an insight, so withdrawal has something to erase and something to keep.</summary>
    private async Task<int> AddThreadAsync(int projectId, int storyId, string userId) =>
        await factory.WithDbAsync(async db =>
        {
            var insight = new Insight { ProjectId = projectId, Title = "Inzicht", Text = "Tekst", Html = "<p>Tekst</p>", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
            db.Items.Add(insight);
            await db.SaveChangesAsync();
            db.Links.Add(new Link { ProjectId = projectId, FromId = storyId, ToId = insight.Id, Type = LinkType.Supports, CreatedAt = DateTime.UtcNow });
            db.Comments.Add(new Comment { ItemId = storyId, ProjectId = projectId, AuthorId = userId, Text = "Mooi verteld", Html = "<p>Mooi verteld</p>", CreatedAt = DateTime.UtcNow });
            db.Notifications.Add(new Notification { UserId = userId, Text = "Je verhaal onderbouwt een inzicht", Url = $"/verhalen/{storyId}", StoryId = storyId, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return insight.Id;
        });

    private async Task AssertErasedAsync(int id)
    {
        var s = (await factory.StoryRowAsync(id))!;
        Assert.NotNull(s.WithdrawnAt);
        Assert.Equal("", s.Title);
        Assert.Equal("", s.Text);
        Assert.Equal("", s.Html);
        Assert.Equal("", s.SearchTerms);
        Assert.Null(s.TellerName);
        Assert.Null(s.TellerEmail);
        Assert.Null(s.TellerKeyHash);
        Assert.Null(s.TellerId);
        Assert.Null(s.SignificationJson);
        Assert.Null(s.SignifiedAt);
        Assert.Null(s.FrameworkVersion);
        Assert.False(s.NotifyByEmail);
        Assert.False(await factory.WithDbAsync(db => db.Comments.AnyAsync(c => c.ItemId == id)));
        Assert.False(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.StoryId == id)));
    }

    [Fact]
    public async Task The_signed_in_teller_withdraws_and_it_is_erased_but_links_remain()
    {
        var team = await factory.Data.TeamProjectAsync();
        var story = await factory.StoryAsync(team.Id, ConsentScope.Project, tellerId: team.Member.Id, withKey: false);
        await factory.WithDbAsync(async db =>
        {
            var s = await db.Stories.SingleAsync(x => x.Id == story.Id);
            s.SignificationJson = "{\"triads\":{}}";
            s.SignifiedAt = DateTime.UtcNow;
            s.FrameworkVersion = 1;
            s.TellerEmail = "teller@example.nl";
            s.NotifyByEmail = true;
            return await db.SaveChangesAsync();
        });
        var insightId = await AddThreadAsync(team.Id, story.Id, team.Member.Id);
        using var teller = await factory.SignInAsync(team.Member.Email!);
        using var response = await WithdrawAsync(teller, story.Id);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var done = await HtmlPage.ReadAsync(response, "");
        Assert.Contains("Klaar. Het verhaal is ingetrokken.", done.MainText, StringComparison.Ordinal);
        await AssertErasedAsync(story.Id);
        Assert.True(await factory.WithDbAsync(db => db.Links.AnyAsync(l => l.FromId == story.Id && l.ToId == insightId)));

        // Gone from the page, the list and the API, also for the team.
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        Assert.Equal(HttpStatusCode.NotFound, (await facilitator.GetPageAsync($"/verhalen/{story.Id}")).Status);
        Assert.DoesNotContain(story.Marker, (await facilitator.OpenAsync($"/projecten/{team.Id}/verhalen")).Text, StringComparison.Ordinal);

        // A second time is a friendly message, not an error.
        var again = await teller.OpenAsync($"/verhalen/{story.Id}/intrekken");
        Assert.Contains("Dit verhaal was al ingetrokken", again.MainText, StringComparison.Ordinal);
        using var post = await teller.PostAsync($"/verhalen/{story.Id}/intrekken", new { });
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
    }

    [Fact]
    public async Task The_key_holder_withdraws_without_an_account_even_in_a_members_only_project()
    {
        var team = await factory.Data.TeamProjectAsync(Visibility.MembersOnly);
        var story = await factory.StoryAsync(team.Id, ConsentScope.Team);
        await AddThreadAsync(team.Id, story.Id, team.Facilitator.Id);
        using var visitor = factory.NewBrowser();
        var page = await visitor.OpenAsync($"/verhalen/{story.Id}?sleutel={story.Key}");
        var link = page.Document.QuerySelector($"a[href='/verhalen/{story.Id}/intrekken?sleutel={story.Key}']");
        Assert.NotNull(link);
        using var response = await WithdrawAsync(visitor, story.Id, $"?sleutel={story.Key}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertErasedAsync(story.Id);
        var gone = await visitor.GetPageAsync($"/verhalen/{story.Id}?sleutel={story.Key}");
        Assert.Equal(HttpStatusCode.NotFound, gone.Status);
        Assert.Contains("Je verhaal is ingetrokken", gone.MainText, StringComparison.Ordinal);
        Assert.Contains("Dit verhaal was al ingetrokken", (await visitor.OpenAsync($"/verhalen/{story.Id}/intrekken?sleutel={story.Key}")).MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_facilitator_withdraws_on_request_only_with_the_box_ticked()
    {
        var team = await factory.Data.TeamProjectAsync();
        var story = await factory.StoryAsync(team.Id, ConsentScope.Team);
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        await Expect.FormErrorAsync(await WithdrawAsync(facilitator, story.Id), "Vink aan dat de verteller heeft gevraagd");
        Assert.Null((await factory.StoryRowAsync(story.Id))!.WithdrawnAt);
        using var response = await WithdrawAsync(facilitator, story.Id, values: new { RequestedByTeller = "true" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertErasedAsync(story.Id);
    }

    [Fact]
    public async Task Someone_else_cannot_withdraw()
    {
        var team = await factory.Data.TeamProjectAsync();
        var story = await factory.StoryAsync(team.Id, ConsentScope.Project, tellerId: team.Observer.Id);
        var url = $"/verhalen/{story.Id}/intrekken";
        // A member reads it but does not speak for the teller: 403. Strangers with a wrong key, or a wrong id: 404.
        using var member = await factory.SignInAsync(team.Member.Email!);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetPageAsync(url)).Status);
        using (var post = await member.PostAsync(url, new { RequestedByTeller = "true" }))
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        var other = await factory.StoryAsync(team.Id, ConsentScope.Team);
        using var visitor = factory.NewBrowser();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetPageAsync($"/verhalen/{other.Id}/intrekken?sleutel={story.Key}")).Status);
        using (var post = await visitor.PostAsync($"/verhalen/{other.Id}/intrekken?sleutel={story.Key}", new { RequestedByTeller = "true" }))
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetPageAsync("/verhalen/999999/intrekken")).Status);
        Assert.Null((await factory.StoryRowAsync(story.Id))!.WithdrawnAt);
        Assert.Null((await factory.StoryRowAsync(other.Id))!.WithdrawnAt);
    }
}
