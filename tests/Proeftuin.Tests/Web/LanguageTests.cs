namespace Proeftuin.Tests.Web;

public sealed class LanguageTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    [Fact]
    public async Task Language_switch_gives_English_and_back()
    {
        using var browser = factory.NewBrowser();
        var dutch = await browser.OpenAsync("/inloggen");
        Assert.Equal("nl", dutch.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Inloggen", dutch.H1);

        // The switch is a plain link back to this page (it was a POST form until issue 11: see ADR 0022).
        var link = SwitchLink(dutch);
        Assert.Equal("en", link.GetAttribute("hreflang"));
        using (var response = await browser.GetAsync(link.GetAttribute("href")!))
            Expect.Redirect(response, "/inloggen");
        var english = await browser.OpenAsync("/inloggen");
        Assert.Equal("en", english.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Sign in", english.H1);
        Assert.DoesNotContain("Inloggen met wachtwoord", english.MainText, StringComparison.Ordinal);

        using (var response = await browser.GetAsync(SwitchLink(english).GetAttribute("href")!))
            Expect.Redirect(response, "/inloggen");
        Assert.Equal("Inloggen", (await browser.OpenAsync("/inloggen")).H1);
    }

    private static AngleSharp.Dom.IElement SwitchLink(HtmlPage page) =>
        Assert.Single(page.Document.QuerySelectorAll("header a[href^='/taal?']"));

    [Fact]
    public async Task The_switch_link_keeps_the_query_and_works_without_a_form()
    {
        using var browser = factory.NewBrowser();
        var page = await browser.OpenAsync("/programmas/1?fase=Empathize");
        Assert.Empty(page.Document.QuerySelectorAll("header form"));
        using var response = await browser.GetAsync(SwitchLink(page).GetAttribute("href")!);
        Expect.Redirect(response, "/programmas/1?fase=Empathize");
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Equal("en", (await browser.OpenAsync("/programmas/1?fase=Empathize")).Document.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task The_old_switch_form_still_works_for_one_release()
    {
        using var browser = factory.NewBrowser();
        using (var response = await browser.PostAsync("/taal", new { culture = "en", returnUrl = "/inloggen" }))
            Expect.Redirect(response, "/inloggen");
        Assert.Equal("Sign in", (await browser.OpenAsync("/inloggen")).H1);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/programmas/1")]
    [InlineData("/projecten/1")]
    [InlineData("/projecten/1/verhalen")]
    [InlineData("/uitleg")]
    public async Task A_public_page_for_someone_signed_out_carries_no_token_and_sets_no_cookie(string url)
    {
        using var browser = factory.NewBrowser();
        using var response = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"), $"{url} set {string.Join(" | ", response.Headers.TryGetValues("Set-Cookie", out var v) ? v : [])}");
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("__RequestVerificationToken", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Browser_preference_alone_keeps_Dutch()
    {
        using var browser = factory.NewBrowser();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/inloggen");
        request.Headers.AcceptLanguage.ParseAdd("en-GB,en;q=0.9");
        using var response = await browser.Client.SendAsync(request);
        var page = await HtmlPage.ReadAsync(response, "/inloggen");
        // Dutch first: only the switch or the account setting gives English (see Web/Localization.cs).
        Assert.Equal("Inloggen", page.H1);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("http:evil.example")]
    public async Task Language_switch_does_not_redirect_to_another_site(string returnUrl)
    {
        using var browser = factory.NewBrowser();
        using (var response = await browser.PostAsync("/taal", new { culture = "en", returnUrl }))
            Expect.Redirect(response, "/");
        using (var response = await browser.GetAsync(Proeftuin.Features.Home.LanguageModel.Link("nl", returnUrl)))
            Expect.Redirect(response, "/");
    }

    [Fact]
    public async Task Unknown_language_changes_nothing()
    {
        using var browser = factory.NewBrowser();
        using (var response = await browser.PostAsync("/taal", new { culture = "<script>", returnUrl = "/inloggen" }))
            Expect.Redirect(response, "/inloggen");
        using (var response = await browser.GetAsync("/taal?culture=%3Cscript%3E&returnUrl=%2Finloggen"))
        {
            Expect.Redirect(response, "/inloggen");
            Assert.False(response.Headers.Contains("Set-Cookie"));
        }
        Assert.Equal("Inloggen", (await browser.OpenAsync("/inloggen")).H1);
    }
}
