namespace Proeftuin.Tests.Programmes;

public sealed class ProgrammePageTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/programmas")]
    public async Task Programme_list_links_to_the_demo_programme(string url)
    {
        var id = await factory.Data.ProgrammeIdAsync();
        using var browser = factory.NewBrowser();
        var page = await browser.OpenAsync(url);
        Assert.Contains(page.Document.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/programmas/{id}" && a.TextContent.Contains(TestData.SocialInnovation, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Programme_page_shows_projects_partners_and_news_to_anyone()
    {
        var id = await factory.Data.ProgrammeIdAsync();
        using var browser = factory.NewBrowser();
        var page = await browser.OpenAsync($"/programmas/{id}");
        Assert.Equal(TestData.SocialInnovation, page.H1);
        var text = page.MainText;
        foreach (var expected in new[] { TestData.Loneliness, TestData.Poverty, TestData.EHealth, "Gemeente Nijmegen", "Nederland Kennisland", "Lentekracht", "Pilot Lerend Evalueren van start" })
            Assert.Contains(expected, text, StringComparison.Ordinal);
        var lonelyId = await factory.Data.ProjectIdAsync(TestData.Loneliness);
        Assert.Contains(page.Document.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/projecten/{lonelyId}");
    }

    [Fact]
    public async Task Members_only_project_is_listed_only_for_its_members()
    {
        var id = await factory.Data.ProgrammeIdAsync();
        using (var anonymous = factory.NewBrowser())
            Assert.DoesNotContain(TestData.Work, (await anonymous.OpenAsync($"/programmas/{id}")).Text, StringComparison.Ordinal);
        using (var outsider = await factory.SignInDemoAsync("inwoner"))
            Assert.DoesNotContain(TestData.Work, (await outsider.OpenAsync($"/programmas/{id}")).Text, StringComparison.Ordinal);
        using (var member = await factory.SignInDemoAsync("wijkteam"))
            Assert.Contains(TestData.Work, (await member.OpenAsync($"/programmas/{id}")).MainText, StringComparison.Ordinal);
        using (var admin = await factory.SignInDemoAsync("beheerder"))
            Assert.Contains(TestData.Work, (await admin.OpenAsync($"/programmas/{id}")).MainText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fase=Ideate", TestData.Loneliness, TestData.Poverty)]
    [InlineData("fase=Prototype", TestData.EHealth, TestData.Loneliness)]
    [InlineData("domein=inkomen", TestData.Poverty, TestData.EHealth)]
    [InlineData("domein=wonen", TestData.Loneliness, TestData.Poverty)]
    [InlineData("thema=armoede", TestData.Poverty, TestData.Loneliness)]
    [InlineData("thema=gezondheid", TestData.EHealth, TestData.Poverty)]
    [InlineData("status=Active", TestData.Poverty, TestData.Work)]
    [InlineData("domein=zorg&thema=eenzaamheid&fase=Prototype&status=Active", TestData.Buurtkamer, TestData.EHealth)]
    public async Task Filters_narrow_the_project_list(string query, string shown, string hidden)
    {
        var id = await factory.Data.ProgrammeIdAsync();
        using var browser = factory.NewBrowser();
        var page = await browser.OpenAsync($"/programmas/{id}?{query}");
        var links = ProjectLinks(page);
        Assert.Contains(links, l => l.Contains(shown, StringComparison.Ordinal));
        Assert.DoesNotContain(links, l => l.Contains(hidden, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Paused_filter_shows_a_paused_project_only()
    {
        var id = await factory.Data.ProgrammeIdAsync();
        var paused = await factory.Data.ProjectAsync("Gepauzeerd testproject");
        await factory.WithDbAsync(db => db.Projects.Where(p => p.Id == paused).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, ProjectStatus.Paused)));
        using var browser = factory.NewBrowser();
        var links = ProjectLinks(await browser.OpenAsync($"/programmas/{id}?status=Paused"));
        Assert.Contains(links, l => l.Contains("Gepauzeerd testproject", StringComparison.Ordinal));
        Assert.DoesNotContain(links, l => l.Contains(TestData.Loneliness, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Filter_form_offers_domains_themes_phases_and_statuses()
    {
        var id = await factory.Data.ProgrammeIdAsync();
        using var browser = factory.NewBrowser();
        var page = await browser.OpenAsync($"/programmas/{id}");
        var form = page.Forms.First(f => f.Method == "get" && f.HasField("fase"));
        Assert.Contains("zorg", form.Options("domein"));
        Assert.Contains("armoede", form.Options("thema"));
        Assert.Contains("Define", form.Options("fase"));
        Assert.Contains("Paused", form.Options("status"));
    }

    [Theory]
    [InlineData("domein=ruimtevaart")]
    [InlineData("fase=Vliegen")]
    [InlineData("status=Weg")]
    [InlineData("fase=%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    [InlineData("thema=%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    public async Task Bad_filter_values_never_fail(string query)
    {
        var id = await factory.Data.ProgrammeIdAsync();
        using var browser = factory.NewBrowser();
        var page = await browser.GetPageAsync($"/programmas/{id}?{query}");
        Assert.True((int)page.Status is 200 or 400, $"{query}: {(int)page.Status}");
        Assert.DoesNotContain("<script>alert", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Very_long_theme_filter_never_fails()
    {
        var id = await factory.Data.ProgrammeIdAsync();
        using var browser = factory.NewBrowser();
        var page = await browser.GetPageAsync($"/programmas/{id}?thema={TestData.Long(5000)}");
        Assert.True((int)page.Status is 200 or 400, $"{(int)page.Status}");
    }

    [Theory]
    [InlineData("/programmas/999999")]
    [InlineData("/programmas/0")]
    [InlineData("/programmas/abc")]
    [InlineData("/programmas/99999999999999999999")]
    public async Task Unknown_or_malformed_programme_is_a_Dutch_404(string url)
    {
        using var browser = factory.NewBrowser();
        var page = await browser.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("Deze pagina bestaat niet", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Partner_logo_of_unknown_partner_is_404()
    {
        using var browser = factory.NewBrowser();
        using var response = await browser.GetAsync("/partners/999999/logo");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var none = await browser.GetAsync("/partners/abc/logo");
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
    }

    private static List<string> ProjectLinks(HtmlPage page) =>
        page.Document.QuerySelectorAll("main a[href^='/projecten/']")
            .Where(a => int.TryParse(a.GetAttribute("href")!["/projecten/".Length..], out _))
            .Select(a => a.TextContent.Trim()).ToList();
}
