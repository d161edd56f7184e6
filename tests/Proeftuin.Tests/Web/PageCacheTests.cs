using Microsoft.Data.Sqlite;
using Npgsql;
using Proeftuin.Data;
using Proeftuin.Features.Stories;
using Proeftuin.Tests.Stories;

namespace Proeftuin.Tests.Web;

/// <summary>
/// The output cache of public pages (Web/PageCache.cs, ADR 0022): served to someone signed out, fresh right after every
/// change that alters what such a page shows, and never served to or stored from a signed-in person, a session guest or
/// a story's key holder. A page served from the cache carries an <c>Age</c> header; a rendered one does not.
/// </summary>
public sealed class PageCacheTests(StoriesFactory factory) : IClassFixture<StoriesFactory>
{
    private static bool FromCache(HttpResponseMessage response) => response.Headers.Age is not null;

    /// <summary>Asks twice as someone signed out; the second answer must come from the cache.</summary>
    private async Task<HtmlPage> CachedAsync(string url)
    {
        using var anonymous = factory.NewBrowser();
        using (var first = await anonymous.GetAsync(url))
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        // A save elsewhere in the app (another test's, or the demo data's) may evict in between: then it is stored again.
        for (var attempt = 0; ; attempt++)
        {
            using var again = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            if (FromCache(again))
                return await HtmlPage.ReadAsync(again, url);
            Assert.True(attempt < 3, $"GET {url} was rendered again each time, never served from the cache");
        }
    }

    private async Task<HtmlPage> AnonymousAsync(string url)
    {
        using var anonymous = factory.NewBrowser();
        return await anonymous.OpenAsync(url);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/programmas")]
    [InlineData("/programmas/1")]
    [InlineData("/programmas/1?fase=Empathize")]
    [InlineData("/projecten/1")]
    [InlineData("/projecten/1/verhalen")]
    [InlineData("/uitleg")]
    [InlineData("/privacy")]
    public async Task A_public_page_is_served_from_the_cache_to_someone_signed_out(string url) =>
        await CachedAsync(url);

    [Fact]
    public async Task A_cached_page_is_not_rendered_again_even_when_the_database_changes_behind_the_apps_back()
    {
        // Its own app: this test changes a row without the app knowing, which would leave other tests a stale page.
        await using var own = new StoriesFactory();
        var team = await own.Data.TeamProjectAsync();
        var url = $"/projecten/{team.Id}";
        using var anonymous = own.NewBrowser();
        var before = (await anonymous.OpenAsync(url)).H1!;

        var changed = "Buiten de app om " + Guid.NewGuid().ToString("N")[..8];
        await UpdateTitleWithoutTheAppAsync(own, team.Id, changed);

        using (var cached = await anonymous.GetAsync(url))
        {
            Assert.True(FromCache(cached));
            Assert.Equal(before, (await HtmlPage.ReadAsync(cached, url)).H1);
        }
        // Someone signed in is never served the cached page: they see the row as it is.
        using var member = await own.SignInAsync(team.Member.Email!);
        Assert.Equal(changed, (await member.OpenAsync(url)).H1);
    }

    private static async Task UpdateTitleWithoutTheAppAsync(ProeftuinFactory app, int projectId, string title)
    {
        if (ProeftuinFactory.IsPostgres)
        {
            await using var connection = new NpgsqlConnection(app.Settings["ConnectionStrings:Proeftuin"]);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("UPDATE \"Projects\" SET \"Title\" = @t WHERE \"Id\" = @id", connection);
            command.Parameters.AddWithValue("t", title);
            command.Parameters.AddWithValue("id", projectId);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }
        else
        {
            await using var connection = new SqliteConnection($"Data Source={Path.Combine(app.DataDirectory, "proeftuin.db")};Pooling=false");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE \"Projects\" SET \"Title\" = $t WHERE \"Id\" = $id";
            command.Parameters.AddWithValue("$t", title);
            command.Parameters.AddWithValue("$id", projectId);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }
    }

    [Fact]
    public async Task A_withdrawn_story_is_gone_from_the_cached_list_at_once()
    {
        var team = await factory.Data.TeamProjectAsync();
        var story = await factory.StoryAsync(team.Id, ConsentScope.PublicAnonymised);
        var list = $"/projecten/{team.Id}/verhalen";
        Assert.Contains(story.Marker, (await CachedAsync(list)).Text, StringComparison.Ordinal);

        // The teller withdraws with their private key, without an account.
        using var teller = factory.NewBrowser();
        var page = await teller.OpenAsync($"/verhalen/{story.Id}/intrekken?sleutel={story.Key}");
        using (var response = await teller.SubmitAsync(page.FormWithAction("/intrekken"), new { }))
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await factory.StoryRowAsync(story.Id))!.WithdrawnAt);

        Assert.DoesNotContain(story.Marker, (await AnonymousAsync(list)).Text, StringComparison.Ordinal);
        Assert.DoesNotContain(story.Marker, (await CachedAsync(list)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Narrowed_consent_takes_a_story_off_the_cached_list_at_once()
    {
        var team = await factory.Data.TeamProjectAsync();
        var story = await factory.StoryAsync(team.Id, ConsentScope.Project);
        var list = $"/projecten/{team.Id}/verhalen";
        Assert.Contains(story.Marker, (await CachedAsync(list)).Text, StringComparison.Ordinal);

        using var teller = factory.NewBrowser();
        var page = await teller.OpenAsync($"/verhalen/{story.Id}/toestemming?sleutel={story.Key}");
        using (var response = await teller.SubmitAsync(page.FormFor("Scope"), new { Scope = "Team", MayQuote = "false" }))
            Assert.True(Browser.IsRedirect(response.StatusCode) || response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}");
        Assert.Equal(ConsentScope.Team, (await factory.StoryRowAsync(story.Id))!.Scope);

        Assert.DoesNotContain(story.Marker, (await AnonymousAsync(list)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shared_story_appears_on_the_cached_list_at_once()
    {
        var team = await factory.Data.TeamProjectAsync();
        var list = $"/projecten/{team.Id}/verhalen";
        await CachedAsync(list);
        // Stored by the app's own data layer, as every use case does: the save evicts.
        var story = await factory.StoryAsync(team.Id, ConsentScope.PublicAnonymised);
        Assert.Contains(story.Marker, (await AnonymousAsync(list)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_edit_is_shown_at_once_on_the_project_programme_and_home_pages()
    {
        var team = await factory.Data.TeamProjectAsync();
        var programme = await factory.Data.ProgrammeIdAsync();
        foreach (var url in new[] { $"/projecten/{team.Id}", $"/programmas/{programme}", "/" })
            await CachedAsync(url);

        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var title = "Nieuwe titel " + Guid.NewGuid().ToString("N")[..8];
        var form = (await facilitator.OpenAsync($"/projecten/{team.Id}/bewerken")).FormFor("Input.Title");
        using (var response = await facilitator.SubmitAsync(form, new { Input_Title = title }))
            Expect.Redirect(response, $"/projecten/{team.Id}");

        Assert.Equal(title, (await AnonymousAsync($"/projecten/{team.Id}")).H1);
        Assert.Contains(title, (await AnonymousAsync($"/programmas/{programme}")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_phase_change_is_shown_at_once()
    {
        var team = await factory.Data.TeamProjectAsync();
        var url = $"/projecten/{team.Id}";
        Assert.DoesNotContain("Probleem definiëren", CurrentPhase(await CachedAsync(url)), StringComparison.Ordinal);

        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var page = await facilitator.OpenAsync($"/projecten/{team.Id}/fase");
        using (var response = await facilitator.SubmitAsync(page.FormFor("Input.Reason"), new { Input_Verdict = "Go", Input_ToPhase = "Define", Input_Reason = "Genoeg verhalen." }))
            Expect.Redirect(response, url);

        Assert.Contains("Probleem definiëren", CurrentPhase(await AnonymousAsync(url)), StringComparison.Ordinal);
    }

    private static string CurrentPhase(HtmlPage page) =>
        string.Join(" ", page.Document.QuerySelectorAll("[aria-current]").Select(e => e.TextContent));

    [Fact]
    public async Task A_news_edit_is_shown_at_once()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var write = await facilitator.OpenAsync($"/nieuws/nieuw?projectId={team.Id}");
        using var created = await facilitator.SubmitAsync(write.FormFor("Input.Body"), new { Input_Title = "Eerste versie", Input_Body = "Oud bericht" });
        var id = Expect.RedirectToId(created, "/nieuws/");
        Assert.Contains("Oud bericht", (await CachedAsync($"/nieuws/{id}")).MainText, StringComparison.Ordinal);

        var edit = await facilitator.OpenAsync($"/nieuws/{id}/bewerken");
        using (var response = await facilitator.SubmitAsync(edit.FormFor("Input.Body"), new { Input_Title = "Tweede versie", Input_Body = "Nieuw bericht" }))
            Assert.True(Browser.IsRedirect(response.StatusCode), $"{(int)response.StatusCode}");

        var news = await AnonymousAsync($"/nieuws/{id}");
        Assert.Contains("Nieuw bericht", news.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain("Oud bericht", news.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_made_members_only_is_no_longer_served_to_outsiders()
    {
        var team = await factory.Data.TeamProjectAsync();
        await CachedAsync($"/projecten/{team.Id}");
        await factory.WithDbAsync(async db =>
        {
            var p = await db.Projects.SingleAsync(x => x.Id == team.Id);
            p.Visibility = Proeftuin.Features.Projects.Visibility.MembersOnly;
            return await db.SaveChangesAsync();
        });
        using var anonymous = factory.NewBrowser();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetPageAsync($"/projecten/{team.Id}")).Status);
    }

    [Fact]
    public async Task A_bulk_change_evicts_too()
    {
        var team = await factory.Data.TeamProjectAsync();
        var story = await factory.StoryAsync(team.Id, ConsentScope.PublicAnonymised);
        var list = $"/projecten/{team.Id}/verhalen";
        Assert.Contains(story.Marker, (await CachedAsync(list)).Text, StringComparison.Ordinal);
        // ExecuteUpdate does not pass SaveChanges: the statement itself is noticed.
        await factory.WithDbAsync(db => db.Stories.Where(s => s.Id == story.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.Scope, ConsentScope.Team)));
        Assert.DoesNotContain(story.Marker, (await AnonymousAsync(list)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_inside_a_transaction_evicts_at_its_commit_and_a_rolled_back_one_changes_nothing()
    {
        var team = await factory.Data.TeamProjectAsync();
        var url = $"/projecten/{team.Id}";
        var before = (await CachedAsync(url)).H1;
        // Through the app's transaction helper: on PostgreSQL the retrying strategy refuses a transaction begun outside it.
        await factory.WithDbAsync(db => db.InTransactionAsync(async (tx, ct) =>
        {
            (await db.Projects.SingleAsync(x => x.Id == team.Id, ct)).Title = "Teruggedraaid";
            await db.SaveChangesAsync(ct);
            // Returning without a commit rolls back.
            return 0;
        }));
        Assert.Equal(before, (await AnonymousAsync(url)).H1);

        await factory.WithDbAsync(db => db.InTransactionAsync(async (tx, ct) =>
        {
            (await db.Projects.SingleAsync(x => x.Id == team.Id, ct)).Title = "Vastgelegd";
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return 0;
        }));
        Assert.Equal("Vastgelegd", (await AnonymousAsync(url)).H1);
    }

    [Fact]
    public async Task Someone_signed_in_is_never_served_the_cached_page_and_their_page_is_never_stored()
    {
        var team = await factory.Data.TeamProjectAsync();
        var url = $"/projecten/{team.Id}?voor=ingelogd";
        await CachedAsync($"/projecten/{team.Id}");
        using var member = await factory.SignInAsync(team.Member.Email!);
        for (var i = 0; i < 2; i++)
        {
            using var response = await member.GetAsync(url);
            Assert.False(FromCache(response));
            Assert.Contains("Uitloggen", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using var signedIn = await member.GetAsync($"/projecten/{team.Id}");
        Assert.False(FromCache(signedIn));
        // The signed-in render of the same address was not kept for others.
        var anonymous = await AnonymousAsync(url);
        Assert.DoesNotContain("Uitloggen", anonymous.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_guest_is_never_served_the_cached_page()
    {
        var url = "/projecten/1";
        await CachedAsync(url);
        using var guest = factory.NewBrowser();
        guest.Cookies.Add(new Uri("http://localhost"), new System.Net.Cookie(Proeftuin.Web.Caller.GuestCookie(1), Proeftuin.Web.Tokens.New()));
        using var response = await guest.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(FromCache(response));
    }

    [Fact]
    public async Task A_key_holder_is_never_served_the_cached_page_and_their_page_is_never_stored()
    {
        var team = await factory.Data.TeamProjectAsync();
        var story = await factory.StoryAsync(team.Id, ConsentScope.Team);
        var list = $"/projecten/{team.Id}/verhalen";
        await CachedAsync(list);
        using var holder = factory.NewBrowser();
        foreach (var url in new[] { $"{list}?sleutel={story.Key}", $"/verhalen/{story.Id}?sleutel={story.Key}" })
        {
            for (var i = 0; i < 2; i++)
            {
                using var response = await holder.GetAsync(url);
                Assert.False(FromCache(response), url);
            }
        }
    }

    [Fact]
    public async Task The_language_keeps_cached_pages_apart()
    {
        await CachedAsync("/uitleg");
        using var english = factory.NewBrowser();
        english.Cookies.Add(new Uri("http://localhost"), new System.Net.Cookie(".AspNetCore.Culture", "c=en|uic=en"));
        var page = await english.OpenAsync("/uitleg");
        Assert.Equal("en", page.Document.DocumentElement.GetAttribute("lang"));
        using var again = await english.GetAsync("/uitleg");
        Assert.True(FromCache(again));
        Assert.Equal("en", (await HtmlPage.ReadAsync(again, "/uitleg")).Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("nl", (await CachedAsync("/uitleg")).Document.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task Switched_off_by_setting_nothing_is_served_from_the_cache()
    {
        await using var own = new StoriesFactory();
        own.WithSetting("PageCache:Enabled", "false");
        using var anonymous = own.NewBrowser();
        for (var i = 0; i < 2; i++)
        {
            using var response = await anonymous.GetAsync("/uitleg");
            Assert.False(FromCache(response));
        }
    }
}
