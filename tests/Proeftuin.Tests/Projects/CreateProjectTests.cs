namespace Proeftuin.Tests.Projects;

public sealed class CreateProjectTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private static async Task<HttpResponseMessage> CreateAsync(Browser browser, string url, object values)
    {
        var page = await browser.OpenAsync(url);
        return await browser.SubmitAsync(page.FormFor("Input.Title"), values);
    }

    private Task<bool> ProjectExistsAsync(string title) => factory.WithDbAsync(db => db.Projects.AnyAsync(p => p.Title == title));

    [Fact]
    public async Task Signed_in_person_creates_a_project_and_becomes_its_facilitator()
    {
        var user = await factory.Data.UserAsync(perspective: Perspective.Experience);
        var programmeId = await factory.Data.ProgrammeIdAsync();
        var themeIds = await factory.WithDbAsync(db => db.Themes.Where(t => t.Name == "armoede" || t.Name == "schulden").Select(t => t.Id).ToListAsync());
        using var browser = await factory.SignInAsync(user.Email!);
        var title = "Buurtbudget " + Guid.NewGuid().ToString("N")[..6];
        using var response = await CreateAsync(browser, $"/projecten/nieuw?programmeId={programmeId}", new
        {
            Input_Title = title,
            Input_CentralQuestion = "Hoe kunnen we bewoners zelf laten beslissen over het buurtbudget?",
            Input_Description = "Een proef met een buurtbudget.",
            Input_Domains = new[] { "Income", "Housing" },
            Input_ThemeIds = themeIds,
            Input_Visibility = "MembersOnly",
            Input_Status = "Active",
        });
        var id = Expect.RedirectToId(response, "/projecten/");
        var project = await factory.Data.ProjectRowAsync(id);
        Assert.Equal(title, project.Title);
        Assert.Equal(programmeId, project.ProgrammeId);
        Assert.Equal(Domains.Income | Domains.Housing, project.Domains);
        Assert.Equal(Visibility.MembersOnly, project.Visibility);
        Assert.Equal(Phase.Empathize, project.Phase);
        Assert.Equal(themeIds.Order(), project.Themes.Select(t => t.Id).Order());
        var membership = await factory.Data.MembershipAsync(id, user.Id);
        Assert.Equal(ProjectRole.Facilitator, membership!.Role);
        Assert.Equal(Perspective.Experience, membership.Perspective);
        Assert.Equal(1, await factory.WithDbAsync(db => db.PhaseTransitions.CountAsync(t => t.ProjectId == id)));
        var page = await browser.OpenAsync($"/projecten/{id}");
        Assert.Equal(title, page.H1);
    }

    [Fact]
    public async Task Anonymous_is_sent_to_sign_in_and_nothing_is_saved()
    {
        var programmeId = await factory.Data.ProgrammeIdAsync();
        using var browser = factory.NewBrowser();
        using (var response = await browser.GetAsync($"/projecten/nieuw?programmeId={programmeId}"))
            Expect.RedirectToSignIn(response);
        using (var response = await browser.PostAsync($"/projecten/nieuw?programmeId={programmeId}", new { Input_Title = "Anoniem project", Input_CentralQuestion = "Vraag?", Input_Visibility = "Open", Input_Status = "Active" }))
            Expect.RedirectToSignIn(response);
        Assert.False(await ProjectExistsAsync("Anoniem project"));
    }

    [Fact]
    public async Task Bad_input_gets_Dutch_messages_and_saves_nothing()
    {
        var user = await factory.Data.UserAsync();
        var programmeId = await factory.Data.ProgrammeIdAsync();
        using var browser = await factory.SignInAsync(user.Email!);
        var url = $"/projecten/nieuw?programmeId={programmeId}";
        var before = await factory.WithDbAsync(db => db.Projects.CountAsync());

        var empty = await Expect.FormErrorAsync(await CreateAsync(browser, url, new { Input_Title = "", Input_CentralQuestion = "" }), "Vul een titel in.");
        Assert.Contains("Vul het vraagstuk in.", empty.ErrorText, StringComparison.Ordinal);
        await Expect.FormErrorAsync(await CreateAsync(browser, url, new { Input_Title = TestData.Long(), Input_CentralQuestion = "Vraag?" }), "is te lang: maximaal 200 tekens.");
        await Expect.FormErrorAsync(await CreateAsync(browser, url, new { Input_Title = "Titel", Input_CentralQuestion = TestData.Long() }), "is te lang: maximaal 500 tekens.");
        await Expect.FormErrorAsync(await CreateAsync(browser, url, new { Input_Title = "Titel", Input_CentralQuestion = "Vraag?", Input_Description = TestData.Long() }), "is te lang: maximaal 4000 tekens.");
        await Expect.FormErrorAsync(await CreateAsync(browser, url, new { Input_Title = "Titel", Input_CentralQuestion = "Vraag?", Input_ThemeIds = new[] { 999999 } }), "Kies alleen thema's uit de lijst.");
        await Expect.FormErrorAsync(await CreateAsync(browser, url, new { Input_Title = "Titel", Input_CentralQuestion = "Vraag?", Input_Domains = new[] { "Ruimtevaart" } }), "is niet geldig");
        await Expect.FormErrorAsync(await CreateAsync(browser, url, new { Input_Title = "Titel", Input_CentralQuestion = "Vraag?", Input_Domains = new[] { "64" } }), "is niet geldig");
        await Expect.FormErrorAsync(await CreateAsync(browser, url, new { Input_Title = "Titel", Input_CentralQuestion = "Vraag?", Input_Visibility = "Geheim" }), "is niet geldig");
        await Expect.FormErrorAsync(await CreateAsync(browser, url, new { Input_Title = "Titel", Input_CentralQuestion = "Vraag?", Input_Status = "7" }), "is niet geldig");
        await Expect.FormErrorAsync(await CreateAsync(browser, url, new { Input_Title = "Titel", Input_CentralQuestion = "Vraag?", Input_ThemeIds = new[] { "abc" } }), "is niet geldig");
        Assert.Equal(before, await factory.WithDbAsync(db => db.Projects.CountAsync()));
    }

    [Fact]
    public async Task Script_in_fields_is_shown_as_text()
    {
        var user = await factory.Data.UserAsync();
        var programmeId = await factory.Data.ProgrammeIdAsync();
        using var browser = await factory.SignInAsync(user.Email!);
        var title = TestData.Script + Guid.NewGuid().ToString("N")[..6];
        using var response = await CreateAsync(browser, $"/projecten/nieuw?programmeId={programmeId}",
            new { Input_Title = title, Input_CentralQuestion = TestData.Script, Input_Description = TestData.Script, Input_Visibility = "Open", Input_Status = "Active" });
        var id = Expect.RedirectToId(response, "/projecten/");
        using var anonymous = factory.NewBrowser();
        Expect.ShownAsText(await anonymous.OpenAsync($"/projecten/{id}"), title);
        Expect.ShownAsText(await anonymous.OpenAsync($"/programmas/{programmeId}"), title);
    }

    [Theory]
    [InlineData("/projecten/nieuw?programmeId=999999")]
    [InlineData("/projecten/nieuw?programmeId=abc")]
    [InlineData("/projecten/nieuw")]
    public async Task Unknown_programme_is_404(string url)
    {
        using var browser = await factory.SignInAsync((await factory.Data.UserAsync()).Email!);
        using var response = await browser.GetAsync(url);
        Expect.Status(HttpStatusCode.NotFound, response);
        using var post = await browser.PostAsync(url, new { Input_Title = "Nergens", Input_CentralQuestion = "Vraag?" });
        Expect.NotServerError(post, url);
        Assert.False(await ProjectExistsAsync("Nergens"));
    }

    [Fact]
    public async Task Facilitator_of_the_parent_starts_a_sub_project()
    {
        var team = await factory.Data.TeamProjectAsync();
        var programmeId = await factory.Data.ProgrammeIdAsync();
        using var browser = await factory.SignInAsync(team.Facilitator.Email!);
        var title = "Deelproject " + Guid.NewGuid().ToString("N")[..6];
        using var response = await CreateAsync(browser, $"/projecten/nieuw?programmeId={programmeId}&parentId={team.Id}",
            new { Input_Title = title, Input_CentralQuestion = "Hoe kunnen we klein beginnen?", Input_Visibility = "Open", Input_Status = "Active" });
        var id = Expect.RedirectToId(response, "/projecten/");
        Assert.Equal(team.Id, (await factory.Data.ProjectRowAsync(id)).ParentProjectId);
        var parent = await browser.OpenAsync($"/projecten/{team.Id}");
        Assert.Contains(parent.Document.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/projecten/{id}");
    }

    [Fact]
    public async Task Members_observers_and_outsiders_may_not_start_a_sub_project()
    {
        var team = await factory.Data.TeamProjectAsync();
        var programmeId = await factory.Data.ProgrammeIdAsync();
        var url = $"/projecten/nieuw?programmeId={programmeId}&parentId={team.Id}";
        foreach (var who in new[] { team.Member, team.Observer, await factory.Data.UserAsync() })
        {
            using var browser = await factory.SignInAsync(who.Email!);
            using var response = await browser.PostAsync(url, new { Input_Title = "Niet toegestaan deelproject", Input_CentralQuestion = "Vraag?", Input_Visibility = "Open", Input_Status = "Active" });
            Expect.Status(HttpStatusCode.Forbidden, response, who.DisplayName);
        }
        Assert.False(await ProjectExistsAsync("Niet toegestaan deelproject"));
    }

    [Fact]
    public async Task Sub_project_of_a_hidden_or_other_programmes_project_is_404()
    {
        var workId = await factory.Data.ProjectIdAsync(TestData.Work);
        var programmeId = await factory.Data.ProgrammeIdAsync();
        using var outsider = await factory.SignInDemoAsync("inwoner");
        using (var response = await outsider.PostAsync($"/projecten/nieuw?programmeId={programmeId}&parentId={workId}", new { Input_Title = "Verstopt deelproject", Input_CentralQuestion = "Vraag?" }))
            Expect.Status(HttpStatusCode.NotFound, response);
        using (var response = await outsider.PostAsync($"/projecten/nieuw?programmeId={programmeId}&parentId=999999", new { Input_Title = "Verstopt deelproject", Input_CentralQuestion = "Vraag?" }))
            Expect.Status(HttpStatusCode.NotFound, response);
        Assert.False(await ProjectExistsAsync("Verstopt deelproject"));
    }
}
