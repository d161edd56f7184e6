namespace Proeftuin.Tests.Web;

/// <summary>Every form POST needs its antiforgery token: without it, 400 and nothing happens.</summary>
public sealed class AntiforgeryTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    [Theory]
    [InlineData("/inloggen")]
    [InlineData("/inloggen/link")]
    [InlineData("/registreren")]
    [InlineData("/uitloggen")]
    [InlineData("/taal")]
    public async Task Anonymous_post_without_token_is_400(string url)
    {
        using var browser = factory.NewBrowser();
        using var response = await browser.PostWithoutTokenAsync(url, [new("Input.Email", "iemand@example.nl"), new("Input.Password", "x"), new("culture", "en")]);
        await AssertRefusedAsync(response, url);
    }

    /// <summary>400 with the Dutch "form no longer valid" page, not a form shown again with field errors.</summary>
    private static async Task AssertRefusedAsync(HttpResponseMessage response, string url)
    {
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"POST {url} without token answered {(int)response.StatusCode}");
        var page = await HtmlPage.ReadAsync(response, url);
        Assert.Contains("Dit verzoek klopt niet", page.MainText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/inloggen")]
    [InlineData("/registreren")]
    [InlineData("/inloggen/link")]
    public async Task Every_post_form_on_public_pages_carries_a_token(string url)
    {
        using var browser = factory.NewBrowser();
        var page = await browser.OpenAsync(url);
        foreach (var form in page.Forms.Where(f => f.Method == "post"))
            Assert.True(form.HasField("__RequestVerificationToken"), $"{url}: the form posting to {form.Action} has no antiforgery token, so it always fails with 400");
    }

    [Fact]
    public async Task Every_post_form_for_a_signed_in_facilitator_carries_a_token()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var browser = await factory.SignInAsync(team.Facilitator.Email!);
        foreach (var url in new[] { "/", "/account", $"/projecten/{team.Id}", $"/projecten/{team.Id}/leden", $"/projecten/{team.Id}/fase", "/uitloggen" })
        {
            var page = await browser.OpenAsync(url);
            foreach (var form in page.Forms.Where(f => f.Method == "post"))
                Assert.True(form.HasField("__RequestVerificationToken"), $"{url}: the form posting to {form.Action} has no antiforgery token");
        }
    }

    [Fact]
    public async Task Registration_without_token_saves_nothing()
    {
        using var browser = factory.NewBrowser();
        var email = TestData.UniqueEmail();
        using var response = await browser.PostWithoutTokenAsync("/registreren",
            [new("Input.DisplayName", "Zonder token"), new("Input.Email", email), new("Input.Password", TestData.Password), new("Input.Perspective", "Experience")]);
        await AssertRefusedAsync(response, "/registreren");
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task Signed_in_posts_without_token_are_400_and_change_nothing()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var browser = await factory.SignInAsync(team.Facilitator.Email!);
        var programmeId = await factory.Data.ProgrammeIdAsync();
        var attempts = new (string Url, List<KeyValuePair<string, string>> Fields)[]
        {
            ($"/projecten/{team.Id}/fase", [new("Input.ToPhase", "Define"), new("Input.Reason", "Zonder token")]),
            ($"/projecten/{team.Id}/bewerken", [new("Input.Title", "Zonder token"), new("Input.CentralQuestion", "Vraag?"), new("Input.Visibility", "Open"), new("Input.Status", "Active")]),
            ($"/projecten/{team.Id}/leden/uitnodigen", [new("Invite.Email", TestData.UniqueEmail()), new("Invite.Role", "Member")]),
            ($"/projecten/nieuw?programmeId={programmeId}", [new("Input.Title", "Zonder token"), new("Input.CentralQuestion", "Vraag?"), new("Input.Visibility", "Open"), new("Input.Status", "Active")]),
            ($"/nieuws/nieuw?projectId={team.Id}", [new("Input.Title", "Zonder token"), new("Input.Body", "Tekst")]),
            ("/account", [new("Input.DisplayName", "Zonder token"), new("Input.Email", team.Facilitator.Email!), new("Input.DefaultPerspective", "Experience"), new("Input.Language", "nl")]),
        };
        foreach (var (url, fields) in attempts)
        {
            using var response = await browser.PostWithoutTokenAsync(url, fields);
            await AssertRefusedAsync(response, url);
        }
        var project = await factory.Data.ProjectRowAsync(team.Id);
        Assert.Equal(Phase.Empathize, project.Phase);
        Assert.NotEqual("Zonder token", project.Title);
        Assert.False(await factory.WithDbAsync(db => db.Projects.AnyAsync(p => p.Title == "Zonder token")));
        Assert.False(await factory.WithDbAsync(db => db.NewsItems.AnyAsync(n => n.Title == "Zonder token")));
        Assert.False(await factory.WithDbAsync(db => db.Invitations.AnyAsync(i => i.ProjectId == team.Id)));
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.DisplayName == "Zonder token")));
    }

    [Fact]
    public async Task Admin_posts_without_token_are_400()
    {
        using var browser = await factory.SignInDemoAsync("beheerder");
        var programmeId = await factory.Data.ProgrammeIdAsync();
        foreach (var url in new[] { "/programmas/nieuw", $"/programmas/{programmeId}/bewerken", "/beheer?handler=AddTheme" })
        {
            using var response = await browser.PostWithoutTokenAsync(url, [new("Input.Title", "Zonder token"), new("Theme.Name", "zondertoken")]);
            await AssertRefusedAsync(response, url);
        }
        Assert.False(await factory.WithDbAsync(db => db.Programmes.AnyAsync(p => p.Title == "Zonder token")));
        Assert.False(await factory.WithDbAsync(db => db.Themes.AnyAsync(t => t.Name == "zondertoken")));
    }
}
