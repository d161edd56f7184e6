namespace Proeftuin.Tests.Accounts;

public sealed class SignInTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private static async Task<HttpResponseMessage> PasswordAsync(Browser browser, string? email, string? password, string url = "/inloggen")
    {
        var page = await browser.OpenAsync(url);
        return await browser.SubmitAsync(page.FormFor("Input.Password"), new { Input_Email = email, Input_Password = password });
    }

    private static async Task<bool> IsSignedInAsync(Browser browser)
    {
        using var response = await browser.GetAsync("/account");
        return response.StatusCode == HttpStatusCode.OK;
    }

    [Fact]
    public async Task Page_offers_both_ways_in()
    {
        using var browser = factory.NewBrowser();
        var page = await browser.OpenAsync("/inloggen");
        Assert.Equal("Inloggen", page.H1);
        Assert.Equal("/inloggen/link", page.FormFor("Link.Email").Action);
        Assert.True(page.FormFor("Input.Password").HasField("Input.Email"));
    }

    [Fact]
    public async Task Correct_password_signs_in_and_sign_out_signs_out()
    {
        var user = await factory.Data.UserAsync();
        using var browser = factory.NewBrowser();
        Assert.False(await IsSignedInAsync(browser));
        using (var response = await PasswordAsync(browser, user.Email!.ToUpperInvariant(), TestData.Password))
            Expect.Redirect(response, "/mijn");
        Assert.True(await IsSignedInAsync(browser));

        using (var response = await browser.PostAsync("/uitloggen"))
            Expect.Redirect(response, "/");
        Assert.False(await IsSignedInAsync(browser));
    }

    [Fact]
    public async Task Sign_out_page_works_without_javascript()
    {
        using var browser = await factory.SignInAsync((await factory.Data.UserAsync()).Email!);
        var page = await browser.OpenAsync("/uitloggen");
        using var response = await browser.SubmitAsync(page.Forms.Last(f => f.Action == "/uitloggen"));
        Expect.Redirect(response, "/");
        Assert.False(await IsSignedInAsync(browser));
    }

    [Fact]
    public async Task Return_url_is_local_only()
    {
        var user = await factory.Data.UserAsync();
        using (var browser = factory.NewBrowser())
        using (var response = await PasswordAsync(browser, user.Email, TestData.Password, "/inloggen?ReturnUrl=%2Faccount"))
            Expect.Redirect(response, "/account");
        using (var browser = factory.NewBrowser())
        using (var response = await PasswordAsync(browser, user.Email, TestData.Password, "/inloggen?ReturnUrl=https%3A%2F%2Fevil.example%2F"))
            Expect.Redirect(response, "/mijn");
        using (var browser = factory.NewBrowser())
        using (var response = await PasswordAsync(browser, user.Email, TestData.Password, "/inloggen?ReturnUrl=%2F%2Fevil.example%2F"))
            Expect.Redirect(response, "/mijn");
    }

    [Fact]
    public async Task Wrong_password_and_unknown_email_get_the_same_Dutch_message()
    {
        var user = await factory.Data.UserAsync();
        using var browser = factory.NewBrowser();
        await Expect.FormErrorAsync(await PasswordAsync(browser, user.Email, "verkeerd-wachtwoord"), "Het e-mailadres of het wachtwoord klopt niet.");
        await Expect.FormErrorAsync(await PasswordAsync(browser, TestData.UniqueEmail(), "verkeerd-wachtwoord"), "Het e-mailadres of het wachtwoord klopt niet.");
        Assert.False(await IsSignedInAsync(browser));
    }

    [Fact]
    public async Task Empty_and_bad_input_get_Dutch_messages()
    {
        using var browser = factory.NewBrowser();
        var page = await Expect.FormErrorAsync(await PasswordAsync(browser, "", ""), "Vul jouw e-mailadres in.");
        Assert.Contains("Vul je wachtwoord in.", page.ErrorText, StringComparison.Ordinal);
        await Expect.FormErrorAsync(await PasswordAsync(browser, TestData.Long(), "x"), "is te lang");
        var scripted = await Expect.FormErrorAsync(await PasswordAsync(browser, TestData.Script, "x"), "Vul een geldig e-mailadres in");
        Assert.DoesNotContain("<script>alert", scripted.Text, StringComparison.Ordinal);
        await Expect.FormErrorAsync(await PasswordAsync(browser, "inwoner@proeftuin.demo", TestData.Long()), "Het e-mailadres of het wachtwoord klopt niet.");
        Assert.False(await IsSignedInAsync(browser));
    }

    [Fact]
    public async Task Pages_that_need_sign_in_redirect_there()
    {
        using var browser = factory.NewBrowser();
        using var response = await browser.GetAsync("/account");
        Expect.RedirectToSignIn(response, "/account");
    }
}
