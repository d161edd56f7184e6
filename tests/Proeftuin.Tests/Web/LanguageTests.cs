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

        var switchForm = dutch.FormWithAction("/taal");
        Assert.Equal(["en"], switchForm.Element.QuerySelectorAll("button[name=culture]").Select(b => b.GetAttribute("value") ?? "").ToArray());
        using (var response = await browser.PostAsync("/taal", new { culture = "en", returnUrl = "/inloggen" }))
            Expect.Redirect(response, "/inloggen");
        var english = await browser.OpenAsync("/inloggen");
        Assert.Equal("en", english.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Sign in", english.H1);
        Assert.DoesNotContain("Inloggen met wachtwoord", english.MainText, StringComparison.Ordinal);

        using (var response = await browser.PostAsync("/taal", new { culture = "nl", returnUrl = "/inloggen" }))
            Expect.Redirect(response, "/inloggen");
        Assert.Equal("Inloggen", (await browser.OpenAsync("/inloggen")).H1);
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
    public async Task Language_switch_does_not_redirect_to_another_site(string returnUrl)
    {
        using var browser = factory.NewBrowser();
        using var response = await browser.PostAsync("/taal", new { culture = "en", returnUrl });
        Expect.Redirect(response, "/");
    }

    [Fact]
    public async Task Unknown_language_changes_nothing()
    {
        using var browser = factory.NewBrowser();
        using (var response = await browser.PostAsync("/taal", new { culture = "<script>", returnUrl = "/inloggen" }))
            Expect.Redirect(response, "/inloggen");
        Assert.Equal("Inloggen", (await browser.OpenAsync("/inloggen")).H1);
    }
}
