namespace Proeftuin.Tests.Projects;

public sealed class EditProjectTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private static object Values(string title, string visibility = "Open", string status = "Active") =>
        new { Input_Title = title, Input_CentralQuestion = "Hoe kunnen we het beter doen?", Input_Description = "Bijgewerkt", Input_Domains = new[] { "Education" }, Input_Visibility = visibility, Input_Status = status };

    [Fact]
    public async Task Facilitator_edits_the_project()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var browser = await factory.SignInAsync(team.Facilitator.Email!);
        var page = await browser.OpenAsync($"/projecten/{team.Id}/bewerken");
        var form = page.FormFor("Input.Title");
        Assert.Equal(["Care"], form.Fields.Where(f => f.Key == "Input.Domains").Select(f => f.Value).ToArray());
        using var response = await browser.SubmitAsync(form, Values("Nieuwe titel", status: "Paused"));
        Expect.Redirect(response, $"/projecten/{team.Id}");
        var project = await factory.Data.ProjectRowAsync(team.Id);
        Assert.Equal("Nieuwe titel", project.Title);
        Assert.Equal(Domains.Education, project.Domains);
        Assert.Equal(ProjectStatus.Paused, project.Status);
    }

    [Fact]
    public async Task Making_a_project_members_only_hides_it_from_outsiders()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var browser = await factory.SignInAsync(team.Facilitator.Email!);
        var page = await browser.OpenAsync($"/projecten/{team.Id}/bewerken");
        (await browser.SubmitAsync(page.FormFor("Input.Title"), Values("Nu besloten", "MembersOnly"))).Dispose();
        using var anonymous = factory.NewBrowser();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetPageAsync($"/projecten/{team.Id}")).Status);
        using var member = await factory.SignInAsync(team.Member.Email!);
        await member.OpenAsync($"/projecten/{team.Id}");
    }

    [Fact]
    public async Task Who_may_not_edit()
    {
        var team = await factory.Data.TeamProjectAsync();
        var other = await factory.Data.TeamProjectAsync();
        var url = $"/projecten/{team.Id}/bewerken";
        using (var anonymous = factory.NewBrowser())
        {
            using (var response = await anonymous.GetAsync(url)) Expect.RedirectToSignIn(response, url);
            using (var response = await anonymous.PostAsync(url, Values("Anoniem"))) Expect.RedirectToSignIn(response);
        }
        foreach (var who in new[] { team.Member, team.Observer, other.Facilitator, await factory.Data.UserAsync() })
        {
            using var browser = await factory.SignInAsync(who.Email!);
            using (var response = await browser.GetAsync(url)) Expect.Status(HttpStatusCode.Forbidden, response, "GET as " + who.DisplayName);
            using (var response = await browser.PostAsync(url, Values("Gekaapt"))) Expect.Status(HttpStatusCode.Forbidden, response, "POST as " + who.DisplayName);
        }
        Assert.NotEqual("Gekaapt", (await factory.Data.ProjectRowAsync(team.Id)).Title);
    }

    [Fact]
    public async Task Members_only_project_is_404_for_outsiders_who_try_to_edit()
    {
        var workId = await factory.Data.ProjectIdAsync(TestData.Work);
        using var outsider = await factory.SignInDemoAsync("inwoner");
        using (var response = await outsider.GetAsync($"/projecten/{workId}/bewerken")) Expect.Status(HttpStatusCode.NotFound, response);
        using (var response = await outsider.PostAsync($"/projecten/{workId}/bewerken", Values("Gekaapt"))) Expect.Status(HttpStatusCode.NotFound, response);
        Assert.Equal(TestData.Work, (await factory.Data.ProjectRowAsync(workId)).Title);
    }

    [Fact]
    public async Task Admin_may_edit_any_project()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var admin = await factory.SignInDemoAsync("beheerder");
        var page = await admin.OpenAsync($"/projecten/{team.Id}/bewerken");
        using var response = await admin.SubmitAsync(page.FormFor("Input.Title"), Values("Door beheerder"));
        Expect.Redirect(response, $"/projecten/{team.Id}");
    }

    [Fact]
    public async Task Bad_input_gets_Dutch_messages_and_changes_nothing()
    {
        var team = await factory.Data.TeamProjectAsync();
        var before = await factory.Data.ProjectRowAsync(team.Id);
        using var browser = await factory.SignInAsync(team.Facilitator.Email!);
        async Task<HttpResponseMessage> Submit(object values) =>
            await browser.SubmitAsync((await browser.OpenAsync($"/projecten/{team.Id}/bewerken")).FormFor("Input.Title"), values);
        await Expect.FormErrorAsync(await Submit(new { Input_Title = "", Input_Description = "Half opgeslagen?" }), "Vul een titel in.");
        await Expect.FormErrorAsync(await Submit(new { Input_Title = TestData.Long(), Input_Description = "Half opgeslagen?" }), "is te lang");
        await Expect.FormErrorAsync(await Submit(new { Input_Title = "Titel", Input_CentralQuestion = "   ", Input_Description = "Half opgeslagen?" }), "Vul het vraagstuk in.");
        await Expect.FormErrorAsync(await Submit(new { Input_Title = "Titel", Input_ThemeIds = new[] { -1 }, Input_Description = "Half opgeslagen?" }), "Kies alleen thema's uit de lijst.");
        var after = await factory.Data.ProjectRowAsync(team.Id);
        Assert.Equal(before.Title, after.Title);
        Assert.Equal(before.Description, after.Description);
    }
}
