using Proeftuin.Features.Stories;
using Proeftuin.Features.Thread;

namespace Proeftuin.Tests.Thread;

public sealed class SearchTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private static async Task<HtmlPage> SearchAsync(Browser browser, int projectId, string q) =>
        await browser.OpenAsync($"/projecten/{projectId}/zoeken?q={Uri.EscapeDataString(q)}");

    private static List<string> Hits(HtmlPage page) =>
        page.Document.QuerySelectorAll(".pt-search-results a").Select(a => a.TextContent).ToList();

    [Fact]
    public async Task Stemming_finds_related_words_and_every_word_must_match()
    {
        var team = await factory.Data.TeamProjectAsync();
        await factory.ItemAsync(team.Id, ItemKind.Insight, "Eenzaamheid onder ouderen", "Veel ouderen wonen alleen.");
        await factory.ItemAsync(team.Id, ItemKind.Need, "Behoefte aan contact", "Mensen zijn eenzaam in de buurt.");
        await factory.ItemAsync(team.Id, ItemKind.Question, "Hoe kunnen we schulden voorkomen?");
        using var anonymous = factory.NewBrowser();
        var page = await SearchAsync(anonymous, team.Id, "eenzaam");
        Assert.Equal(["Behoefte aan contact", "Eenzaamheid onder ouderen"], Hits(page).Order());
        Assert.Equal(["Eenzaamheid onder ouderen"], Hits(await SearchAsync(anonymous, team.Id, "eenzaam ouderen")));
        Assert.Equal(["Hoe kunnen we schulden voorkomen?"], Hits(await SearchAsync(anonymous, team.Id, "Schuld")));
        Assert.Empty(Hits(await SearchAsync(anonymous, team.Id, "eenzaam schulden")));
        Assert.Contains("Veel ouderen wonen alleen.", page.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_respects_story_consent()
    {
        var team = await factory.Data.TeamProjectAsync();
        await factory.StoryAsync(team.Id, ConsentScope.Team, title: "Teamverhaal over eenzaamheid");
        await factory.StoryAsync(team.Id, ConsentScope.Project, title: "Projectverhaal over eenzaamheid");
        await factory.StoryAsync(team.Id, ConsentScope.PublicAnonymised, title: "", text: "Ik was eenzaam.", tellerName: "Ans de Vries");
        await factory.StoryAsync(team.Id, ConsentScope.Project, title: "Ingetrokken eenzaamheid", withdrawn: true);

        using var member = await factory.SignInAsync(team.Member.Email!);
        var asTeam = Hits(await SearchAsync(member, team.Id, "eenzaam"));
        Assert.Contains("Teamverhaal over eenzaamheid", asTeam);
        Assert.Contains("Projectverhaal over eenzaamheid", asTeam);
        Assert.Contains("Verhaal van Ans de Vries", asTeam);
        Assert.DoesNotContain("Ingetrokken eenzaamheid", asTeam);

        using var anonymous = factory.NewBrowser();
        using var observer = await factory.SignInAsync(team.Observer.Email!);
        using var admin = await factory.SignInDemoAsync("beheerder");
        foreach (var browser in new[] { anonymous, observer, admin })
        {
            var page = await SearchAsync(browser, team.Id, "eenzaam");
            var hits = Hits(page);
            Assert.Contains("Projectverhaal over eenzaamheid", hits);
            Assert.Contains("Verhaal van Anonieme verteller", hits);
            Assert.DoesNotContain("Teamverhaal over eenzaamheid", page.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("Ans de Vries", page.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("Ingetrokken", page.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Odd_queries_are_handled_calmly()
    {
        var team = await factory.Data.TeamProjectAsync();
        await factory.ItemAsync(team.Id, ItemKind.Insight, "Script-inzicht", "Over alert, xss en script.");
        using var anonymous = factory.NewBrowser();
        var empty = await anonymous.OpenAsync($"/projecten/{team.Id}/zoeken");
        Assert.Empty(Hits(empty));
        Assert.Contains("Typ een of meer woorden", (await SearchAsync(anonymous, team.Id, "  !!! ")).MainText, StringComparison.Ordinal);
        var huge = await SearchAsync(anonymous, team.Id, TestData.Long(5000));
        Assert.Contains("Je zoekopdracht is te lang", huge.MainText, StringComparison.Ordinal);
        var markup = await SearchAsync(anonymous, team.Id, TestData.Script);
        Expect.ShownAsText(markup, "Script-inzicht");
        Assert.Equal("<script>alert('xss')</script>", markup.Document.QuerySelector("input[name=q]")?.GetAttribute("value"));
        Assert.Contains("Niets gevonden", (await SearchAsync(anonymous, team.Id, "onvindbaarwoord")).MainText, StringComparison.Ordinal);
        using var unknown = await anonymous.GetAsync("/projecten/999999/zoeken?q=eenzaam");
        Expect.Status(HttpStatusCode.NotFound, unknown);
    }
}
