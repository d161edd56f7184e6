namespace Proeftuin.Tests.News;

public sealed class NewsTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private static async Task<HttpResponseMessage> WriteAsync(Browser browser, string url, string? title, string? body)
    {
        var page = await browser.OpenAsync(url);
        return await browser.SubmitAsync(page.FormFor("Input.Body"), new { Input_Title = title, Input_Body = body });
    }

    private Task<bool> NewsExistsAsync(string title) => factory.WithDbAsync(db => db.NewsItems.AnyAsync(n => n.Title == title));

    [Fact]
    public async Task Facilitator_publishes_project_news_with_Markdown()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var title = "Eerste sessie " + Guid.NewGuid().ToString("N")[..6];
        using var response = await WriteAsync(facilitator, $"/nieuws/nieuw?projectId={team.Id}", title, "Het was **druk** en *gezellig*.\n\n- koffie\n- verhalen");
        var id = Expect.RedirectToId(response, "/nieuws/");
        var item = await factory.WithDbAsync(db => db.NewsItems.AsNoTracking().SingleAsync(n => n.Id == id));
        Assert.Equal(team.Id, item.ProjectId);
        Assert.Contains("<strong>druk</strong>", item.BodyHtml, StringComparison.Ordinal);

        using var anonymous = factory.NewBrowser();
        var page = await anonymous.OpenAsync($"/nieuws/{id}");
        Assert.Equal(title, page.H1);
        Assert.Equal("druk", page.Document.QuerySelector("main strong")?.TextContent);
        Assert.Equal("gezellig", page.Document.QuerySelector("main em")?.TextContent);
        Assert.Equal(2, page.Document.QuerySelectorAll("main li").Count(li => li.TextContent is "koffie" or "verhalen"));
        Assert.Contains(title, (await anonymous.OpenAsync($"/projecten/{team.Id}")).MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Script_and_raw_html_are_not_rendered()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var title = TestData.Script + Guid.NewGuid().ToString("N")[..6];
        var body = "Tekst " + TestData.Script + "\n\n<img src=x onerror=alert(1)>\n\n[klik](javascript:alert(1)) <iframe src=\"https://evil.example\"></iframe>";
        using var response = await WriteAsync(facilitator, $"/nieuws/nieuw?projectId={team.Id}", title, body);
        var id = Expect.RedirectToId(response, "/nieuws/");
        using var anonymous = factory.NewBrowser();
        var page = await anonymous.OpenAsync($"/nieuws/{id}");
        Expect.ShownAsText(page, title);
        Assert.Empty(page.Document.QuerySelectorAll("main img, main iframe, main [onerror]"));
        Assert.DoesNotContain(page.Document.QuerySelectorAll("main a"), a => (a.GetAttribute("href") ?? "").StartsWith("javascript", StringComparison.OrdinalIgnoreCase));
        Expect.ShownAsText(await anonymous.OpenAsync($"/projecten/{team.Id}"), title);
    }

    [Fact]
    public async Task Admin_publishes_programme_news()
    {
        var programmeId = await factory.Data.ProgrammeIdAsync();
        using var admin = await factory.SignInDemoAsync("beheerder");
        var title = "Programmanieuws " + Guid.NewGuid().ToString("N")[..6];
        using var response = await WriteAsync(admin, $"/nieuws/nieuw?programmeId={programmeId}", title, "Nieuws voor **iedereen**.");
        var id = Expect.RedirectToId(response, "/nieuws/");
        Assert.Equal(programmeId, await factory.WithDbAsync(db => db.NewsItems.Where(n => n.Id == id).Select(n => n.ProgrammeId).SingleAsync()));
        using var anonymous = factory.NewBrowser();
        Assert.Contains(title, (await anonymous.OpenAsync($"/programmas/{programmeId}")).MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_gets_Dutch_messages_and_saves_nothing()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var url = $"/nieuws/nieuw?projectId={team.Id}";
        var empty = await Expect.FormErrorAsync(await WriteAsync(facilitator, url, "", ""), "Vul een titel in.");
        Assert.Contains("Vul de tekst in.", empty.ErrorText, StringComparison.Ordinal);
        await Expect.FormErrorAsync(await WriteAsync(facilitator, url, TestData.Long(), "Tekst"), "is te lang: maximaal 200 tekens.");
        await Expect.FormErrorAsync(await WriteAsync(facilitator, url, "Lange tekst", TestData.Long(20_001)), "is te lang: maximaal 20000 tekens.");
        Assert.False(await factory.WithDbAsync(db => db.NewsItems.AnyAsync(n => n.ProjectId == team.Id)));
    }

    [Fact]
    public async Task A_ten_thousand_character_body_is_accepted()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        using var response = await WriteAsync(facilitator, $"/nieuws/nieuw?projectId={team.Id}", "Lang verhaal", TestData.Long());
        var id = Expect.RedirectToId(response, "/nieuws/");
        await facilitator.OpenAsync($"/nieuws/{id}");
    }

    [Fact]
    public async Task Who_may_not_publish()
    {
        var team = await factory.Data.TeamProjectAsync();
        var other = await factory.Data.TeamProjectAsync();
        var programmeId = await factory.Data.ProgrammeIdAsync();
        var projectUrl = $"/nieuws/nieuw?projectId={team.Id}";
        var programmeUrl = $"/nieuws/nieuw?programmeId={programmeId}";
        using (var anonymous = factory.NewBrowser())
        {
            using (var response = await anonymous.GetAsync(projectUrl)) Expect.RedirectToSignIn(response);
            using (var response = await anonymous.PostAsync(projectUrl, new { Input_Title = "Mag niet", Input_Body = "x" })) Expect.RedirectToSignIn(response);
        }
        foreach (var who in new[] { team.Member, team.Observer, other.Facilitator })
        {
            using var browser = await factory.SignInAsync(who.Email!);
            using (var response = await browser.GetAsync(projectUrl)) Expect.Status(HttpStatusCode.Forbidden, response, "GET as " + who.DisplayName);
            using (var response = await browser.PostAsync(projectUrl, new { Input_Title = "Mag niet", Input_Body = "x" })) Expect.Status(HttpStatusCode.Forbidden, response, "POST as " + who.DisplayName);
            using (var response = await browser.PostAsync(programmeUrl, new { Input_Title = "Mag niet", Input_Body = "x" })) Expect.Status(HttpStatusCode.Forbidden, response, "programme POST as " + who.DisplayName);
        }
        Assert.False(await NewsExistsAsync("Mag niet"));
    }

    [Fact]
    public async Task Hidden_or_unknown_targets_are_404()
    {
        var workId = await factory.Data.ProjectIdAsync(TestData.Work);
        using var outsider = await factory.SignInDemoAsync("inwoner");
        foreach (var url in new[] { $"/nieuws/nieuw?projectId={workId}", "/nieuws/nieuw?projectId=999999", "/nieuws/nieuw?programmeId=999999", "/nieuws/nieuw", "/nieuws/nieuw?projectId=abc" })
        {
            using var get = await outsider.GetAsync(url);
            Expect.Status(HttpStatusCode.NotFound, get, "GET " + url);
            using var post = await outsider.PostAsync(url, new { Input_Title = "Verstopt nieuws", Input_Body = "x" });
            Expect.Status(HttpStatusCode.NotFound, post, "POST " + url);
        }
        Assert.False(await NewsExistsAsync("Verstopt nieuws"));
    }

    [Fact]
    public async Task News_of_a_members_only_project_is_404_for_outsiders()
    {
        var facilitator = await factory.Data.UserAsync();
        var projectId = await factory.Data.ProjectAsync("Besloten project met nieuws", Visibility.MembersOnly, members: [(facilitator, ProjectRole.Facilitator)]);
        using var browser = await factory.SignInAsync(facilitator.Email!);
        using var response = await WriteAsync(browser, $"/nieuws/nieuw?projectId={projectId}", "Geheim nieuws", "Alleen voor leden.");
        var id = Expect.RedirectToId(response, "/nieuws/");
        await browser.OpenAsync($"/nieuws/{id}");
        using var anonymous = factory.NewBrowser();
        var hidden = await anonymous.GetPageAsync($"/nieuws/{id}");
        Assert.Equal(HttpStatusCode.NotFound, hidden.Status);
        Assert.DoesNotContain("Geheim nieuws", hidden.Text, StringComparison.Ordinal);
        using var outsider = await factory.SignInDemoAsync("inwoner");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetPageAsync($"/nieuws/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetPageAsync($"/nieuws/{id}/bewerken")).Status);
    }

    [Fact]
    public async Task Facilitator_edits_and_deletes_news()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        using var created = await WriteAsync(facilitator, $"/nieuws/nieuw?projectId={team.Id}", "Te bewerken", "Oud");
        var id = Expect.RedirectToId(created, "/nieuws/");

        using (var response = await WriteAsync(facilitator, $"/nieuws/{id}/bewerken", "Bewerkt", "Nu **vet**"))
            Expect.Redirect(response, $"/nieuws/{id}");
        var item = await factory.WithDbAsync(db => db.NewsItems.AsNoTracking().SingleAsync(n => n.Id == id));
        Assert.Equal("Bewerkt", item.Title);
        Assert.Contains("<strong>vet</strong>", item.BodyHtml, StringComparison.Ordinal);

        await Expect.FormErrorAsync(await WriteAsync(facilitator, $"/nieuws/{id}/bewerken", "", "Nu leeg"), "Vul een titel in.");
        Assert.Equal("Bewerkt", await factory.WithDbAsync(db => db.NewsItems.Where(n => n.Id == id).Select(n => n.Title).SingleAsync()));

        var edit = await facilitator.OpenAsync($"/nieuws/{id}/bewerken");
        using (var response = await facilitator.SubmitAsync(edit.FormWithAction("handler=Delete")))
            Expect.Redirect(response, $"/projecten/{team.Id}");
        Assert.False(await factory.WithDbAsync(db => db.NewsItems.AnyAsync(n => n.Id == id)));
        Assert.Equal(HttpStatusCode.NotFound, (await facilitator.GetPageAsync($"/nieuws/{id}")).Status);
    }

    [Fact]
    public async Task Who_may_not_edit_or_delete_news()
    {
        var team = await factory.Data.TeamProjectAsync();
        var other = await factory.Data.TeamProjectAsync();
        using (var facilitator = await factory.SignInAsync(team.Facilitator.Email!))
            (await WriteAsync(facilitator, $"/nieuws/nieuw?projectId={team.Id}", "Blijft staan " + team.Id, "Tekst")).Dispose();
        var id = await factory.WithDbAsync(db => db.NewsItems.Where(n => n.ProjectId == team.Id).Select(n => n.Id).SingleAsync());
        using (var anonymous = factory.NewBrowser())
        {
            using (var response = await anonymous.GetAsync($"/nieuws/{id}/bewerken")) Expect.RedirectToSignIn(response);
            using (var response = await anonymous.PostAsync($"/nieuws/{id}/bewerken?handler=Delete")) Expect.RedirectToSignIn(response);
        }
        foreach (var who in new[] { team.Member, team.Observer, other.Facilitator })
        {
            using var browser = await factory.SignInAsync(who.Email!);
            using (var response = await browser.GetAsync($"/nieuws/{id}/bewerken")) Expect.Status(HttpStatusCode.Forbidden, response, "GET as " + who.DisplayName);
            using (var response = await browser.PostAsync($"/nieuws/{id}/bewerken", new { Input_Title = "Gekaapt", Input_Body = "x" })) Expect.Status(HttpStatusCode.Forbidden, response, "edit as " + who.DisplayName);
            using (var response = await browser.PostAsync($"/nieuws/{id}/bewerken?handler=Delete")) Expect.Status(HttpStatusCode.Forbidden, response, "delete as " + who.DisplayName);
        }
        Assert.Equal("Blijft staan " + team.Id, await factory.WithDbAsync(db => db.NewsItems.Where(n => n.Id == id).Select(n => n.Title).SingleAsync()));
    }

    [Fact]
    public async Task Programme_news_is_managed_by_admins_only()
    {
        var programmeId = await factory.Data.ProgrammeIdAsync();
        var id = await factory.WithDbAsync(db => db.NewsItems.Where(n => n.ProgrammeId == programmeId).Select(n => n.Id).FirstAsync());
        using var facilitator = await factory.SignInDemoAsync("procesbegeleider");
        using (var response = await facilitator.PostAsync($"/nieuws/{id}/bewerken?handler=Delete")) Expect.Status(HttpStatusCode.Forbidden, response);
        Assert.True(await factory.WithDbAsync(db => db.NewsItems.AnyAsync(n => n.Id == id)));
    }

    [Theory]
    [InlineData("/nieuws/999999")]
    [InlineData("/nieuws/abc")]
    [InlineData("/nieuws/999999/bewerken")]
    public async Task Unknown_news_is_404(string url)
    {
        using var admin = await factory.SignInDemoAsync("beheerder");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetPageAsync(url)).Status);
        using var post = await admin.PostAsync("/nieuws/999999/bewerken?handler=Delete");
        Expect.Status(HttpStatusCode.NotFound, post);
    }
}
