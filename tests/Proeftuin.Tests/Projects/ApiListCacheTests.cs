using Proeftuin.Tests.Stories;

namespace Proeftuin.Tests.Projects;

/// <summary>
/// The public API lists (projects, programmes) are kept for everyone signed out like the public pages (ADR 0026): served
/// from the cache (an <c>Age</c> header), fresh right after a change, never served to or stored for someone signed in.
/// </summary>
public sealed class ApiListCacheTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private static bool FromCache(HttpResponseMessage response) => response.Headers.Age is not null;

    private async Task<string> CachedAsync(Browser browser, string url)
    {
        using (var first = await browser.GetAsync(url))
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        // Another save in the app may evict in between: then it is stored again.
        for (var attempt = 0; ; attempt++)
        {
            using var again = await browser.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            if (FromCache(again)) return await again.Content.ReadAsStringAsync();
            Assert.True(attempt < 3, $"GET {url} was answered afresh each time, never from the cache");
        }
    }

    [Theory]
    [InlineData("/api/v1/projects")]
    [InlineData("/api/v1/projects?domain=care")]
    [InlineData("/api/v1/programmes")]
    public async Task An_anonymous_list_is_served_from_the_cache(string url)
    {
        using var anonymous = factory.NewBrowser();
        var body = await CachedAsync(anonymous, url);
        Assert.StartsWith("[", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_edit_is_in_the_cached_list_at_once()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var anonymous = factory.NewBrowser();
        await CachedAsync(anonymous, "/api/v1/projects");

        var title = "Nieuwe titel " + Guid.NewGuid().ToString("N")[..8];
        await factory.WithDbAsync(async db =>
        {
            var p = await db.Projects.SingleAsync(x => x.Id == team.Id);
            p.Title = title;
            return await db.SaveChangesAsync();
        });
        var (status, list) = await anonymous.JsonAsync("/api/v1/projects");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(list.EnumerateArray(), p => p.GetProperty("id").GetInt32() == team.Id && p.GetProperty("title").GetString() == title);
    }

    [Fact]
    public async Task A_member_is_never_served_the_anonymous_list_and_theirs_is_never_stored()
    {
        var team = await factory.Data.TeamProjectAsync(Proeftuin.Features.Projects.Visibility.MembersOnly);
        using var anonymous = factory.NewBrowser();
        Assert.DoesNotContain($"\"id\":{team.Id},", await CachedAsync(anonymous, "/api/v1/projects"), StringComparison.Ordinal);

        using var member = await factory.SignInAsync(team.Member.Email!);
        for (var i = 0; i < 2; i++)
        {
            using var mine = await member.GetAsync("/api/v1/projects");
            Assert.False(FromCache(mine));
            Assert.Contains($"\"id\":{team.Id},", await mine.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        // And what the member was sent never reaches someone signed out.
        var (_, after) = await anonymous.JsonAsync("/api/v1/projects");
        Assert.DoesNotContain(after.EnumerateArray(), p => p.GetProperty("id").GetInt32() == team.Id);
    }

    [Fact]
    public async Task The_anonymous_story_list_is_kept_on_the_server_but_still_no_store_for_browsers()
    {
        var team = await factory.Data.TeamProjectAsync();
        var shared = await factory.StoryAsync(team.Id, Proeftuin.Features.Stories.ConsentScope.PublicAnonymised);
        var url = $"/api/v1/projects/{team.Id}/stories";
        using var anonymous = factory.NewBrowser();
        var body = await CachedAsync(anonymous, url);
        Assert.Contains($"\"id\":{shared.Id},", body, StringComparison.Ordinal);
        using var again = await anonymous.GetAsync(url);
        Assert.Contains("no-store", again.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_withdrawn_story_leaves_the_cached_anonymous_list_at_once()
    {
        var team = await factory.Data.TeamProjectAsync();
        var shared = await factory.StoryAsync(team.Id, Proeftuin.Features.Stories.ConsentScope.PublicAnonymised);
        var url = $"/api/v1/projects/{team.Id}/stories";
        using var anonymous = factory.NewBrowser();
        Assert.Contains($"\"id\":{shared.Id},", await CachedAsync(anonymous, url), StringComparison.Ordinal);

        using var teller = factory.NewBrowser();
        var withdraw = await teller.OpenAsync($"/verhalen/{shared.Id}/intrekken?sleutel={shared.Key}");
        using (await teller.SubmitAsync(withdraw.FormWithAction("/intrekken"), new { })) { }
        Assert.True(await factory.WithDbAsync(db => db.Stories.AnyAsync(s => s.Id == shared.Id && s.WithdrawnAt != null)));

        using var after = await anonymous.GetAsync(url);
        Assert.DoesNotContain($"\"id\":{shared.Id},", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_team_members_story_list_is_never_served_from_or_stored_in_the_cache()
    {
        var team = await factory.Data.TeamProjectAsync();
        var teamOnly = await factory.StoryAsync(team.Id, Proeftuin.Features.Stories.ConsentScope.Team);
        var url = $"/api/v1/projects/{team.Id}/stories";
        using var member = await factory.SignInAsync(team.Member.Email!);
        for (var i = 0; i < 2; i++)
        {
            using var mine = await member.GetAsync(url);
            Assert.False(FromCache(mine));
            Assert.Contains($"\"id\":{teamOnly.Id},", await mine.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using var anonymous = factory.NewBrowser();
        Assert.DoesNotContain($"\"id\":{teamOnly.Id},", await CachedAsync(anonymous, url), StringComparison.Ordinal);
    }
}
