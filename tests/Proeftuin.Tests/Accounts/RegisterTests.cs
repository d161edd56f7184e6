namespace Proeftuin.Tests.Accounts;

public sealed class RegisterTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private async Task<HttpResponseMessage> RegisterAsync(Browser browser, string? name, string? email, string? password, string perspective = "Experience", string url = "/registreren")
    {
        var page = await browser.OpenAsync(url);
        return await browser.SubmitAsync(page.FormFor("Input.Password"),
            new { Input_DisplayName = name, Input_Email = email, Input_Password = password, Input_Perspective = perspective });
    }

    private Task<bool> UserExistsAsync(string email) => factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email));

    [Fact]
    public async Task Page_shows_the_form_in_Dutch()
    {
        using var browser = factory.NewBrowser();
        var page = await browser.OpenAsync("/registreren");
        Assert.Equal("Account maken", page.H1);
        var form = page.FormFor("Input.Email");
        Assert.True(form.HasField("Input.DisplayName"));
        Assert.True(form.HasField("Input.Password"));
        Assert.Equal(["Experience", "Professional", "Scientific"], form.Options("Input.Perspective"));
        Assert.NotNull(page.Document.QuerySelector("label[for=Input_Email]"));
    }

    [Fact]
    public async Task New_account_is_created_and_signed_in()
    {
        using var browser = factory.NewBrowser();
        var email = TestData.UniqueEmail("nieuw");
        using var response = await RegisterAsync(browser, "Nieuwe Inwoner", email.ToUpperInvariant(), TestData.Password, "Scientific");
        Expect.Redirect(response, "/");
        var user = await factory.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == email));
        Assert.Equal("Nieuwe Inwoner", user.DisplayName);
        Assert.Equal(Perspective.Scientific, user.DefaultPerspective);
        var account = await browser.OpenAsync("/account");
        Assert.Equal(email, account.FormFor("Input.Email").Fields.Single(f => f.Key == "Input.Email").Value);
    }

    [Fact]
    public async Task Return_url_is_followed_when_local_and_ignored_when_not()
    {
        using (var browser = factory.NewBrowser())
        using (var response = await RegisterAsync(browser, "Terug", TestData.UniqueEmail(), TestData.Password, url: "/registreren?returnUrl=%2Faccount"))
            Expect.Redirect(response, "/account");
        using (var browser = factory.NewBrowser())
        using (var response = await RegisterAsync(browser, "Weg", TestData.UniqueEmail(), TestData.Password, url: "/registreren?returnUrl=https%3A%2F%2Fevil.example%2F"))
            Expect.Redirect(response, "/");
    }

    [Fact]
    public async Task Empty_form_gives_Dutch_messages_and_saves_nothing()
    {
        using var browser = factory.NewBrowser();
        var before = await factory.WithDbAsync(db => db.Users.CountAsync());
        var page = await Expect.FormErrorAsync(await RegisterAsync(browser, "", "", ""), "Vul jouw naam in.");
        Assert.Contains("Vul jouw e-mailadres in.", page.ErrorText, StringComparison.Ordinal);
        Assert.Contains("Kies een wachtwoord van minstens 10 tekens.", page.ErrorText, StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Users.CountAsync()));
        // The summary links to the fields.
        Assert.NotNull(page.Document.QuerySelector(".pt-error-summary a[href='#Input_DisplayName']"));
        Assert.Equal("true", page.Document.QuerySelector("#Input_DisplayName")?.GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task Too_long_values_are_refused()
    {
        using var browser = factory.NewBrowser();
        var email = TestData.UniqueEmail();
        await Expect.FormErrorAsync(await RegisterAsync(browser, TestData.Long(), email, TestData.Password), "is te lang: maximaal 100 tekens.");
        Assert.False(await UserExistsAsync(email));
        var longEmail = TestData.Long(10_000) + "@example.nl";
        await Expect.FormErrorAsync(await RegisterAsync(browser, "Naam", longEmail, TestData.Password), "is te lang");
        await Expect.FormErrorAsync(await RegisterAsync(browser, "Naam", email, TestData.Long(10_000)), "Het wachtwoord is te lang");
        Assert.False(await UserExistsAsync(email));
    }

    [Theory]
    [InlineData("geen-e-mailadres")]
    [InlineData("iemand@")]
    [InlineData("<script>@x.nl")]
    public async Task Invalid_email_is_refused(string email)
    {
        using var browser = factory.NewBrowser();
        var page = await Expect.FormErrorAsync(await RegisterAsync(browser, "Naam", email, TestData.Password), "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.");
        Assert.DoesNotContain("<script>@", page.Text, StringComparison.Ordinal);
        Assert.False(await UserExistsAsync(email));
    }

    [Fact]
    public async Task Existing_email_is_refused()
    {
        using var browser = factory.NewBrowser();
        var before = await factory.WithDbAsync(db => db.Users.CountAsync());
        await Expect.FormErrorAsync(await RegisterAsync(browser, "Dubbel", "Inwoner@Proeftuin.demo", TestData.Password),
            "Er is al een account met dit e-mailadres.");
        Assert.Equal(before, await factory.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task Unknown_perspective_is_refused_and_echoed_escaped()
    {
        using var browser = factory.NewBrowser();
        var email = TestData.UniqueEmail();
        using var response = await RegisterAsync(browser, "Naam", email, TestData.Password, TestData.Script);
        var page = await Expect.FormErrorAsync(response, "is niet geldig");
        Assert.DoesNotContain("<script>alert", page.Text, StringComparison.Ordinal);
        Assert.False(await UserExistsAsync(email));
    }

    [Fact]
    public async Task Script_in_name_is_stored_as_text_and_shown_escaped()
    {
        using var browser = factory.NewBrowser();
        var email = TestData.UniqueEmail();
        using var response = await RegisterAsync(browser, TestData.Script, email, TestData.Password);
        Expect.Redirect(response, "/");
        Assert.Equal(TestData.Script, await factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.DisplayName).SingleAsync()));
        var account = await browser.OpenAsync("/account");
        Assert.DoesNotContain("<script>alert", account.Text, StringComparison.Ordinal);
        Assert.Equal(TestData.Script, account.Document.QuerySelector("#Input_DisplayName")?.GetAttribute("value"));
    }
}
