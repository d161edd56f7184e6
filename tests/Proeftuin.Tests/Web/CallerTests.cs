using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Proeftuin.Features.Stories;
using Proeftuin.Tests.Stories;
using Proeftuin.Web;

namespace Proeftuin.Tests.Web;

/// <summary>
/// The one caller (ADR 0018): who is asking, read once from the request (or a hub call), for every kind of caller;
/// and the story key reaching the use cases through it, on pages (?sleutel=) and the API (?key=).
/// </summary>
public sealed class CallerTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private static Caller Resolve(ClaimsPrincipal? user = null, string? cookie = null, string? query = null)
    {
        var http = new DefaultHttpContext();
        if (user is not null) http.User = user;
        if (cookie is not null) http.Request.Headers.Cookie = cookie;
        if (query is not null) http.Request.QueryString = new QueryString(query);
        var caller = new Caller();
        caller.Resolve(http);
        return caller;
    }

    private static ClaimsPrincipal Account(string id, string name, bool admin = false)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, id), new("display_name", name) };
        if (admin) claims.Add(new Claim(ClaimTypes.Role, Caller.AdminRole));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Test"));
    }

    [Fact]
    public void Anonymous_is_nobody_and_holds_nothing()
    {
        var caller = Resolve();
        Assert.Equal(CallerKind.Anonymous, caller.Kind);
        Assert.False(caller.IsSignedIn);
        Assert.False(caller.IsAdmin);
        Assert.Null(caller.Id);
        Assert.Null(caller.DisplayName);
        Assert.Null(caller.StoryKey);
        Assert.Empty(caller.GuestKeys);
        // An unresolved caller (a background job) is the same: it never grants more than a request would.
        Assert.Equal(CallerKind.Anonymous, new Caller().Kind);
    }

    [Fact]
    public void An_account_and_an_admin()
    {
        var member = Resolve(Account("u1", "Ans"));
        Assert.Equal(CallerKind.Account, member.Kind);
        Assert.Equal("u1", member.Id);
        Assert.Equal("Ans", member.DisplayName);
        Assert.False(member.IsAdmin);

        var admin = Resolve(Account("u2", "Beheer", admin: true));
        Assert.Equal(CallerKind.Account, admin.Kind);
        Assert.True(admin.IsAdmin);

        // A principal that is not authenticated is no account, whatever claims it carries.
        var unauthenticated = Resolve(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "u3"), new Claim(ClaimTypes.Role, Caller.AdminRole)])));
        Assert.Equal(CallerKind.Anonymous, unauthenticated.Kind);
        Assert.False(unauthenticated.IsAdmin);
    }

    [Fact]
    public void A_session_guest_holds_the_key_of_the_session_its_cookie_names_only()
    {
        var key = Tokens.New();
        var guest = Resolve(cookie: $"{Caller.GuestCookie(5)}={key}; other=1");
        Assert.Equal(CallerKind.SessionGuest, guest.Kind);
        Assert.Equal(key, guest.GuestKeyFor(5));
        Assert.Null(guest.GuestKeyFor(6));
        Assert.Single(guest.GuestKeys);

        // Hostile cookies are not keys: a script, a name that is no session id, an empty value.
        var hostile = Resolve(cookie: $"{Caller.GuestCookie(5)}=%3Cscript%3E; pt_gast_abc={Tokens.New()}; pt_gast_-1={Tokens.New()}; {Caller.GuestCookie(7)}=");
        Assert.Equal(CallerKind.Anonymous, hostile.Kind);
        Assert.Empty(hostile.GuestKeys);
    }

    [Fact]
    public void A_key_holder_presents_a_story_key_on_a_page_or_the_api()
    {
        var key = Tokens.New();
        var page = Resolve(query: "?sleutel=" + key);
        Assert.Equal(CallerKind.KeyHolder, page.Kind);
        Assert.Equal(key, page.StoryKey);
        Assert.Equal(key, Resolve(query: "?key=" + key).StoryKey);
        // A short code from a slip counts too; rubbish does not.
        var code = StoryKeys.NewShort();
        Assert.Equal(code, Resolve(query: "?sleutel=" + code).StoryKey);
        Assert.Null(Resolve(query: "?sleutel=%3Cscript%3E").StoryKey);
        Assert.Null(Resolve(query: "?key=" + new string('x', 5000)).StoryKey);
        // An account that also brings a key is an account (the key still counts for the story).
        var both = Resolve(Account("u1", "Ans"), $"{Caller.GuestCookie(1)}={Tokens.New()}", "?sleutel=" + key);
        Assert.Equal(CallerKind.Account, both.Kind);
        Assert.Equal(key, both.StoryKey);
        Assert.NotNull(both.GuestKeyFor(1));
    }

    [Fact]
    public void Joining_within_a_request_is_held_at_once()
    {
        var caller = Resolve();
        var key = Tokens.New();
        caller.HoldGuestKey(9, key);
        Assert.Equal(CallerKind.SessionGuest, caller.Kind);
        Assert.Equal(key, caller.GuestKeyFor(9));
    }

    [Fact]
    public async Task The_story_key_reaches_the_use_case_on_the_page_and_the_api_in_english()
    {
        // A members-only project: the key is the only way in for someone without an account.
        var project = await factory.Data.ProjectAsync(visibility: Proeftuin.Features.Projects.Visibility.MembersOnly);
        var story = await factory.StoryAsync(project, ConsentScope.Team);
        using var visitor = factory.NewBrowser();

        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetPageAsync($"/verhalen/{story.Id}")).Status);
        var page = await visitor.OpenAsync($"/verhalen/{story.Id}?sleutel={story.Key}");
        Assert.Contains(story.Marker, page.MainText, StringComparison.Ordinal);

        using (var none = await visitor.GetAsync($"/api/v1/stories/{story.Id}"))
            Expect.Status(HttpStatusCode.NotFound, none);
        var json = await visitor.GetJsonAsync($"/api/v1/stories/{story.Id}?key={story.Key}");
        Assert.Equal(story.Id, json.GetProperty("id").GetInt32());
        // The Dutch parameter still works on the API for one release.
        Assert.Equal(story.Id, (await visitor.GetJsonAsync($"/api/v1/stories/{story.Id}?sleutel={story.Key}")).GetProperty("id").GetInt32());

        // Another story's key, a wrong key and a hostile one open nothing.
        var other = await factory.StoryAsync(project, ConsentScope.Team);
        foreach (var wrong in new[] { other.Key, Tokens.New(), "%3Cscript%3E", new string('k', 3000) })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetPageAsync($"/verhalen/{story.Id}?sleutel={wrong}")).Status);
            using var api = await visitor.GetAsync($"/api/v1/stories/{story.Id}?key={wrong}");
            Expect.Status(HttpStatusCode.NotFound, api);
        }
    }
}
