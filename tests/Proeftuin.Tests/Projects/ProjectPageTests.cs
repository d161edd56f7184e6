namespace Proeftuin.Tests.Projects;

public sealed class ProjectPageTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    [Fact]
    public async Task Open_project_is_readable_by_anyone()
    {
        var id = await factory.Data.ProjectIdAsync(TestData.Loneliness);
        using var browser = factory.NewBrowser();
        var page = await browser.OpenAsync($"/projecten/{id}");
        Assert.Equal(TestData.Loneliness, page.H1);
        var text = page.MainText;
        Assert.Contains("Hoe kunnen we ervoor zorgen dat bewoners van Hatert zich minder alleen voelen", text, StringComparison.Ordinal);
        // Phase stepper with the current phase, and the timeline with the reasons.
        // The demo went on to Prototypen after the evaluator's advice and back to Ideeën after its proef.
        Assert.Contains(page.Document.QuerySelectorAll("[aria-current]"), e => e.TextContent.Contains("Ideeën bedenken", StringComparison.Ordinal));
        Assert.Contains("We hebben 24 verhalen van bewoners opgehaald", text, StringComparison.Ordinal);
        Assert.Contains("Besluit: Terug", text, StringComparison.Ordinal);
        Assert.Contains("Terug van Prototypen naar Ideeën bedenken", text, StringComparison.Ordinal);
        // News and sub-projects.
        Assert.Contains("24 verhalen opgehaald in Hatert", text, StringComparison.Ordinal);
        var buurtkamerId = await factory.Data.ProjectIdAsync(TestData.Buurtkamer);
        Assert.Contains(page.Document.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/projecten/{buurtkamerId}");
    }

    [Fact]
    public async Task Anonymous_readers_see_counts_not_names()
    {
        var id = await factory.Data.ProjectIdAsync(TestData.Loneliness);
        using var anonymous = factory.NewBrowser();
        var page = await anonymous.OpenAsync($"/projecten/{id}");
        foreach (var name in new[] { "Ans de Vries", "Mark Jansen", "Petra Smit", "Joost Hendriks" })
            Assert.DoesNotContain(name, page.Text, StringComparison.Ordinal);
        Assert.Contains("Ervaringskennis", page.MainText, StringComparison.Ordinal);
        Assert.Contains("Wetenschappelijke kennis", page.MainText, StringComparison.Ordinal);

        using var signedIn = await factory.SignInAsync((await factory.Data.UserAsync()).Email!);
        var named = await signedIn.OpenAsync($"/projecten/{id}");
        Assert.Contains("Ans de Vries", named.MainText, StringComparison.Ordinal);
        Assert.Contains("Joost Hendriks", named.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Knowledge_balance_notes_a_missing_perspective()
    {
        var facilitator = await factory.Data.UserAsync(perspective: Perspective.Professional);
        var id = await factory.Data.ProjectAsync(members: [(facilitator, ProjectRole.Facilitator)]);
        using var browser = factory.NewBrowser();
        var page = await browser.OpenAsync($"/projecten/{id}");
        // Only professional knowledge: the page says in plain words that residents and researchers are missing.
        Assert.Contains("inwoners en ervaringsdeskundigen", page.MainText, StringComparison.Ordinal);
        Assert.Contains("onderzoekers", page.MainText, StringComparison.Ordinal);

        var team = await factory.Data.TeamProjectAsync();
        var balanced = await browser.OpenAsync($"/projecten/{team.Id}");
        Assert.DoesNotContain("inwoners en ervaringsdeskundigen", balanced.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Members_only_project_is_404_for_outsiders()
    {
        var id = await factory.Data.ProjectIdAsync(TestData.Work);
        using (var anonymous = factory.NewBrowser())
        {
            var page = await anonymous.GetPageAsync($"/projecten/{id}");
            Assert.Equal(HttpStatusCode.NotFound, page.Status);
            Assert.DoesNotContain(TestData.Work, page.Text, StringComparison.Ordinal);
        }
        using (var outsider = await factory.SignInDemoAsync("inwoner"))
        {
            var page = await outsider.GetPageAsync($"/projecten/{id}");
            Assert.Equal(HttpStatusCode.NotFound, page.Status);
            Assert.DoesNotContain(TestData.Work, page.Text, StringComparison.Ordinal);
        }
        using (var observerElsewhere = await factory.SignInDemoAsync("beleid"))
            Assert.Equal(HttpStatusCode.NotFound, (await observerElsewhere.GetPageAsync($"/projecten/{id}")).Status);
    }

    [Fact]
    public async Task Members_only_project_is_readable_by_members_and_admins()
    {
        var id = await factory.Data.ProjectIdAsync(TestData.Work);
        using (var member = await factory.SignInDemoAsync("wijkteam"))
            Assert.Equal(TestData.Work, (await member.OpenAsync($"/projecten/{id}")).H1);
        using (var admin = await factory.SignInDemoAsync("beheerder"))
            Assert.Equal(TestData.Work, (await admin.OpenAsync($"/projecten/{id}")).H1);
    }

    [Fact]
    public async Task Hidden_and_missing_projects_look_the_same()
    {
        var id = await factory.Data.ProjectIdAsync(TestData.Work);
        using var anonymous = factory.NewBrowser();
        var hidden = await anonymous.GetPageAsync($"/projecten/{id}");
        var missing = await anonymous.GetPageAsync("/projecten/999999");
        Assert.Equal(missing.Status, hidden.Status);
        Assert.Equal(missing.H1, hidden.H1);
        Assert.Equal(missing.MainText, hidden.MainText);
    }

    [Theory]
    [InlineData("/projecten/999999")]
    [InlineData("/projecten/0")]
    [InlineData("/projecten/-5")]
    [InlineData("/projecten/abc")]
    [InlineData("/projecten/99999999999999999999")]
    [InlineData("/projecten/999999/bewerken")]
    [InlineData("/projecten/999999/fase")]
    [InlineData("/projecten/999999/leden")]
    [InlineData("/projecten/abc/leden")]
    public async Task Unknown_or_malformed_project_is_a_Dutch_404(string url)
    {
        using var browser = await factory.SignInDemoAsync("procesbegeleider");
        var page = await browser.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("Deze pagina bestaat niet", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sub_project_links_to_its_parent()
    {
        var id = await factory.Data.ProjectIdAsync(TestData.Buurtkamer);
        var parentId = await factory.Data.ProjectIdAsync(TestData.Loneliness);
        using var browser = factory.NewBrowser();
        var page = await browser.OpenAsync($"/projecten/{id}");
        Assert.Contains(page.Document.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/projecten/{parentId}");
    }

    [Fact]
    public async Task Members_only_sub_project_is_not_listed_on_its_open_parent()
    {
        var team = await factory.Data.TeamProjectAsync();
        var hiddenTitle = "Verborgen deelproject " + Guid.NewGuid().ToString("N")[..6];
        await factory.Data.ProjectAsync(hiddenTitle, Visibility.MembersOnly, parentId: team.Id, members: [(team.Facilitator, ProjectRole.Facilitator)]);
        using (var anonymous = factory.NewBrowser())
            Assert.DoesNotContain(hiddenTitle, (await anonymous.OpenAsync($"/projecten/{team.Id}")).Text, StringComparison.Ordinal);
        using (var member = await factory.SignInAsync(team.Member.Email!))
            Assert.DoesNotContain(hiddenTitle, (await member.OpenAsync($"/projecten/{team.Id}")).Text, StringComparison.Ordinal);
        using (var facilitator = await factory.SignInAsync(team.Facilitator.Email!))
            Assert.Contains(hiddenTitle, (await facilitator.OpenAsync($"/projecten/{team.Id}")).MainText, StringComparison.Ordinal);
    }
}
