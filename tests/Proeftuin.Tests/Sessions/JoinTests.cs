using Proeftuin.Web;
using Proeftuin.Features.Sessions;

namespace Proeftuin.Tests.Sessions;

/// <summary>The app with a join limit high enough for the many join requests of one test client.</summary>
public sealed class JoinFactory : ProeftuinFactory
{
    public JoinFactory() => WithSetting("RateLimits:JoinPerMinute", "10000");
}

/// <summary>Only for the rate-limit test of the join pages.</summary>
public sealed class LowJoinLimitFactory : ProeftuinFactory
{
    public const int Limit = 3;

    public LowJoinLimitFactory() => WithSetting("RateLimits:JoinPerMinute", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>Joining by code: guests with a name and a perspective, signed-in people with one click; what a guest's cookie opens.</summary>
public sealed class JoinTests(JoinFactory factory) : IClassFixture<JoinFactory>
{
    [Fact]
    public async Task Guest_joins_with_the_code_a_name_and_a_perspective()
    {
        var team = await factory.Data.TeamProjectAsync(Visibility.MembersOnly);
        var session = await factory.SessionAsync(team.Id, SessionState.Planned);
        using var guest = factory.NewBrowser();
        var start = await guest.OpenAsync("/doe-mee");
        // Typed in lower case with a dash, as people do.
        var typed = JoinCodes.Display(session.JoinCode).ToLowerInvariant();
        using var found = await guest.GetAsync($"/doe-mee?Code={Uri.EscapeDataString(typed)}");
        Expect.Redirect(found, $"/doe-mee/{session.JoinCode}");
        var form = await guest.OpenAsync($"/doe-mee/{session.JoinCode}");
        Assert.Equal(3, form.Document.QuerySelectorAll("input[type=radio][name='Input.Perspective']").Length);
        Assert.Contains("Ervaringskennis", form.MainText, StringComparison.Ordinal);
        using var joined = await guest.SubmitAsync(form.FormFor("Input.DisplayName"), new { Input_DisplayName = "Fatima", Input_Perspective = nameof(Perspective.Experience) });
        Expect.Redirect(joined, $"/sessies/{session.Id}");
        var cookie = joined.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(Caller.GuestCookie(session.Id) + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("expires=", cookie, StringComparison.OrdinalIgnoreCase);
        var page = await guest.OpenAsync($"/sessies/{session.Id}");
        Assert.NotNull(page.Document.QuerySelector("#pt-sessie"));
        var row = await factory.WithDbAsync(db => db.Participants.SingleAsync(p => p.SessionId == session.Id));
        Assert.Equal(("Fatima", Perspective.Experience, null), (row.DisplayName, row.Perspective, row.UserId));
        // Opening the join page again goes straight to the session.
        using var again = await guest.GetAsync($"/doe-mee/{session.JoinCode}");
        Expect.Redirect(again, $"/sessies/{session.Id}");
        Assert.NotNull(start.Document.QuerySelector("input[name=Code]"));
    }

    [Theory]
    [InlineData("XXXXXX")]
    [InlineData("ABC")]
    [InlineData("<script>")]
    public async Task A_wrong_code_gets_a_Dutch_message(string code)
    {
        using var guest = factory.NewBrowser();
        var page = await guest.GetPageAsync($"/doe-mee/{Uri.EscapeDataString(code)}");
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("Deze code kennen we niet", page.ErrorText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_closed_sessions_code_is_refused()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id, SessionState.Closed);
        using var guest = factory.NewBrowser();
        var page = await guest.GetPageAsync($"/doe-mee/{session.JoinCode}");
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("Deze code kennen we niet, of de sessie is al afgelopen.", page.ErrorText, StringComparison.Ordinal);
        using var post = await guest.PostAsync($"/doe-mee/{session.JoinCode}", new { Input_DisplayName = "Piet", Input_Perspective = "Experience" });
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Participants.CountAsync(p => p.SessionId == session.Id)));
    }

    [Theory]
    [InlineData("", "Experience", "Vul jouw naam in.")]
    [InlineData("   ", "Experience", "Vul jouw naam in.")]
    [InlineData("x61", "Experience", "is te lang: maximaal 60 tekens")]
    [InlineData("Piet", "", "Kies welke kennis je vooral meebrengt.")]
    [InlineData("Piet", "42", "Kies welke kennis je vooral meebrengt.")]
    public async Task Hostile_names_and_perspectives_are_refused(string name, string perspective, string message)
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id);
        using var guest = factory.NewBrowser();
        var form = await guest.OpenAsync($"/doe-mee/{session.JoinCode}");
        var answer = await guest.FollowAsync(await guest.SubmitAsync(form.FormFor("Input.DisplayName"),
            new { Input_DisplayName = name == "x61" ? TestData.Long(61) : name, Input_Perspective = perspective }), form.Url);
        Assert.Contains(message, answer.ErrorText, StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Participants.CountAsync(p => p.SessionId == session.Id)));
    }

    [Fact]
    public async Task A_script_as_name_is_shown_as_text()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id);
        using var guest = factory.NewBrowser();
        var form = await guest.OpenAsync($"/doe-mee/{session.JoinCode}");
        using var joined = await guest.SubmitAsync(form.FormFor("Input.DisplayName"), new { Input_DisplayName = TestData.Script, Input_Perspective = "Scientific" });
        Expect.Redirect(joined, $"/sessies/{session.Id}");
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var page = await facilitator.OpenAsync($"/sessies/{session.Id}");
        Assert.Contains(TestData.Script, page.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain(TestData.Script, page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_in_outsider_joins_as_themselves_with_one_button()
    {
        var team = await factory.Data.TeamProjectAsync(Visibility.MembersOnly);
        var session = await factory.SessionAsync(team.Id);
        var outsider = await factory.Data.UserAsync(perspective: Perspective.Scientific, displayName: "Onderzoeker Ans");
        using var browser = await factory.SignInAsync(outsider.Email!);
        using var before = await browser.GetAsync($"/sessies/{session.Id}");
        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        var form = await browser.OpenAsync($"/doe-mee/{session.JoinCode}");
        Assert.Null(form.Document.QuerySelector("input[name='Input.DisplayName']"));
        Assert.Contains("Onderzoeker Ans", form.MainText, StringComparison.Ordinal);
        using var joined = await browser.SubmitAsync(form.FormWithAction("/doe-mee/"), new { });
        Expect.Redirect(joined, $"/sessies/{session.Id}");
        Assert.False(joined.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("pt_gast_", StringComparison.Ordinal)));
        var row = await factory.WithDbAsync(db => db.Participants.SingleAsync(p => p.SessionId == session.Id));
        Assert.Equal((outsider.Id, "Onderzoeker Ans", Perspective.Scientific), (row.UserId, row.DisplayName, row.Perspective));
        await browser.OpenAsync($"/sessies/{session.Id}");
        // A participant, not a member: the project itself stays closed.
        using var project = await browser.GetAsync($"/projecten/{team.Id}");
        Assert.Equal(HttpStatusCode.NotFound, project.StatusCode);
    }

    [Fact]
    public async Task A_guest_cookie_opens_only_its_own_session_and_nothing_of_the_project()
    {
        var team = await factory.Data.TeamProjectAsync(Visibility.MembersOnly);
        var session = await factory.SessionAsync(team.Id);
        var other = await factory.SessionAsync(team.Id);
        var (_, key) = await factory.ParticipantAsync(session.Id, name: "Gast");
        using var guest = factory.GuestBrowser(session.Id, key!);
        await guest.OpenAsync($"/sessies/{session.Id}");
        await guest.OpenAsync($"/sessies/{session.Id}/scherm");
        foreach (var url in new[] { $"/sessies/{other.Id}", $"/sessies/{other.Id}/scherm", $"/projecten/{team.Id}", $"/projecten/{team.Id}/sessies", $"/projecten/{team.Id}/draad", $"/projecten/{team.Id}/verhalen" })
        {
            using var response = await guest.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Redirect, $"{url}: {(int)response.StatusCode}");
        }
        // The same key under another session's cookie name grants nothing.
        using var moved = factory.GuestBrowser(other.Id, key!);
        using var refused = await moved.GetAsync($"/sessies/{other.Id}");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }
}

/// <summary>Every request to the join pages counts, reading included, so codes cannot be guessed.</summary>
public sealed class JoinRateLimitTests(LowJoinLimitFactory factory) : IClassFixture<LowJoinLimitFactory>
{
    [Fact]
    public async Task Guessing_codes_is_limited_per_client()
    {
        using var guesser = factory.NewBrowser();
        for (var i = 0; i < LowJoinLimitFactory.Limit; i++)
        {
            using var miss = await guesser.GetAsync("/doe-mee/ACDEFG");
            Assert.Equal(HttpStatusCode.NotFound, miss.StatusCode);
        }
        using var refused = await guesser.GetAsync("/doe-mee/ACDEFH");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        // Other pages are not affected.
        using var home = await guesser.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }
}
