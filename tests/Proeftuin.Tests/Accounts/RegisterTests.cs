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
    public async Task New_account_is_confirmed_by_the_mailed_link_and_then_the_password_works()
    {
        using var browser = factory.NewBrowser();
        var email = TestData.UniqueEmail("nieuw");
        using var response = await RegisterAsync(browser, "Nieuwe Inwoner", email.ToUpperInvariant(), TestData.Password, "Scientific");
        var sent = await HtmlPage.ReadAsync(response, "/registreren");
        Assert.Equal(HttpStatusCode.OK, sent.Status);
        Assert.Contains("We hebben je een e-mail gestuurd", sent.MainText, StringComparison.Ordinal);
        var user = await factory.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == email));
        Assert.Equal("Nieuwe Inwoner", user.DisplayName);
        Assert.Equal(Perspective.Scientific, user.DefaultPerspective);
        Assert.False(user.EmailConfirmed);
        using (var notYet = await browser.GetAsync("/account")) Expect.RedirectToSignIn(notYet, "/account");

        using (var confirmed = await browser.PostAsync(factory.Mailbox.LinkTo(email, "/inloggen/link/")))
            Expect.Redirect(confirmed, "/mijn");
        Assert.True(await factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.EmailConfirmed).SingleAsync()));
        // The registration link keeps the password chosen at registration.
        using var withPassword = await factory.SignInAsync(email);
        var account = await withPassword.OpenAsync("/account");
        Assert.Equal(email, account.FormFor("Input.Email").Fields.Single(f => f.Key == "Input.Email").Value);
    }

    [Fact]
    public async Task Return_url_travels_with_the_link_when_local_and_is_dropped_when_not()
    {
        foreach (var (returnUrl, expected) in new[] { ("%2Faccount", "/account"), ("https%3A%2F%2Fevil.example%2F", "/mijn") })
        {
            using var browser = factory.NewBrowser();
            var email = TestData.UniqueEmail();
            (await RegisterAsync(browser, "Terug", email, TestData.Password, url: $"/registreren?returnUrl={returnUrl}")).Dispose();
            var link = factory.Mailbox.LinkTo(email, "/inloggen/link/");
            Assert.DoesNotContain("evil.example", link, StringComparison.Ordinal);
            using var response = await browser.PostAsync(link);
            Expect.Redirect(response, expected);
        }
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
    public async Task Existing_email_gets_the_same_answer_and_its_owner_a_sign_in_link()
    {
        // The form must not tell a stranger which addresses have an account.
        var owner = await factory.Data.UserAsync();
        using var browser = factory.NewBrowser();
        var before = await factory.WithDbAsync(db => db.Users.CountAsync());
        var passwordBefore = await factory.WithDbAsync(db => db.Users.Where(u => u.Id == owner.Id).Select(u => u.PasswordHash).SingleAsync());
        using var response = await RegisterAsync(browser, "Dubbel", owner.Email!.ToUpperInvariant(), "een-ander-wachtwoord");
        var page = await HtmlPage.ReadAsync(response, "/registreren");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("We hebben je een e-mail gestuurd", page.MainText, StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Users.CountAsync()));
        Assert.Equal(passwordBefore, await factory.WithDbAsync(db => db.Users.Where(u => u.Id == owner.Id).Select(u => u.PasswordHash).SingleAsync()));
        Assert.Contains("/inloggen/link/", factory.Mailbox.NewestTo(owner.Email!).TextBody ?? "", StringComparison.Ordinal);
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
        (await RegisterAsync(browser, TestData.Script, email, TestData.Password)).Dispose();
        Assert.Equal(TestData.Script, await factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.DisplayName).SingleAsync()));
        Assert.DoesNotContain("<script>", (factory.Mailbox.NewestTo(email).TextBody ?? "").Replace(TestData.Script, "", StringComparison.Ordinal), StringComparison.Ordinal);
        (await browser.PostAsync(factory.Mailbox.LinkTo(email, "/inloggen/link/"))).Dispose();
        var account = await browser.OpenAsync("/account");
        Assert.DoesNotContain("<script>alert", account.Text, StringComparison.Ordinal);
        Assert.Equal(TestData.Script, account.Document.QuerySelector("#Input_DisplayName")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Registering_again_before_confirming_sets_the_new_password_once_confirmed()
    {
        using var browser = factory.NewBrowser();
        var email = TestData.UniqueEmail("opnieuw");
        (await RegisterAsync(browser, "Eerste keer", email, "eerste-wachtwoord-1")).Dispose();
        (await RegisterAsync(browser, "Tweede keer", email, TestData.Password)).Dispose();
        Assert.Equal(1, await factory.WithDbAsync(db => db.Users.CountAsync(u => u.Email == email)));
        using (var confirmed = await browser.PostAsync(factory.Mailbox.LinkTo(email, "/inloggen/link/")))
            Expect.Redirect(confirmed, "/mijn");
        // The password of the newest registration works.
        using var again = await factory.SignInAsync(email, TestData.Password);
        using var account = await again.GetAsync("/account");
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
    }

    [Fact]
    public async Task Unconfirmed_account_with_a_wrong_password_gets_the_ordinary_answer()
    {
        using var browser = factory.NewBrowser();
        var email = TestData.UniqueEmail("onbevestigd");
        (await RegisterAsync(browser, "Onbevestigd", email, TestData.Password)).Dispose();
        var signIn = await browser.OpenAsync("/inloggen");
        var page = await Expect.FormErrorAsync(await browser.SubmitAsync(signIn.FormFor("Input.Password"), new { Input_Email = email, Input_Password = "helemaal-fout-123" }),
            "Het e-mailadres of het wachtwoord klopt niet.");
        Assert.DoesNotContain("Bevestig eerst", page.ErrorText, StringComparison.Ordinal);
    }
}
