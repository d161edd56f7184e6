namespace Proeftuin.Tests.Accounts;

public sealed class AccountTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private static async Task<HttpResponseMessage> SaveAsync(Browser browser, object values)
    {
        var page = await browser.OpenAsync("/account");
        return await browser.SubmitAsync(page.FormFor("Input.DisplayName"), values);
    }

    [Fact]
    public async Task Anonymous_is_sent_to_sign_in()
    {
        using var browser = factory.NewBrowser();
        using var response = await browser.GetAsync("/account");
        Expect.RedirectToSignIn(response, "/account");
        using var post = await browser.PostAsync("/account", new { Input_DisplayName = "Anoniem", Input_Email = "a@example.nl", Input_DefaultPerspective = "Experience", Input_Language = "nl" });
        Expect.RedirectToSignIn(post);
    }

    [Fact]
    public async Task Page_shows_own_details()
    {
        var user = await factory.Data.UserAsync(perspective: Perspective.Scientific, displayName: "Onderzoeker Test");
        using var browser = await factory.SignInAsync(user.Email!);
        var page = await browser.OpenAsync("/account");
        var fields = page.FormFor("Input.DisplayName").Fields.ToDictionary(f => f.Key, f => f.Value);
        Assert.Equal("Onderzoeker Test", fields["Input.DisplayName"]);
        Assert.Equal(user.Email, fields["Input.Email"]);
        Assert.Equal("Scientific", fields["Input.DefaultPerspective"]);
        Assert.Equal("nl", fields["Input.Language"]);
    }

    [Fact]
    public async Task Details_are_saved()
    {
        var user = await factory.Data.UserAsync();
        using var browser = await factory.SignInAsync(user.Email!);
        var newEmail = TestData.UniqueEmail("nieuw");
        using (var response = await SaveAsync(browser, new { Input_DisplayName = "Nieuwe Naam", Input_Email = newEmail, Input_DefaultPerspective = "Experience", Input_Language = "nl" }))
            Expect.Redirect(response, "/account");
        var saved = await factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id));
        Assert.Equal("Nieuwe Naam", saved.DisplayName);
        Assert.Equal(newEmail, saved.Email);
        Assert.Equal(Perspective.Experience, saved.DefaultPerspective);
        var page = await browser.OpenAsync("/account");
        Assert.Contains("Je gegevens zijn opgeslagen.", page.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_gets_Dutch_messages_and_saves_nothing()
    {
        var user = await factory.Data.UserAsync(displayName: "Blijft Zo");
        using var browser = await factory.SignInAsync(user.Email!);
        var page = await Expect.FormErrorAsync(await SaveAsync(browser, new { Input_DisplayName = "", Input_Email = "", Input_DefaultPerspective = "Experience", Input_Language = "nl" }), "Vul jouw naam in.");
        Assert.Contains("Vul jouw e-mailadres in.", page.ErrorText, StringComparison.Ordinal);
        await Expect.FormErrorAsync(await SaveAsync(browser, new { Input_DisplayName = TestData.Long(), Input_Email = user.Email, Input_DefaultPerspective = "Experience", Input_Language = "nl" }), "is te lang");
        await Expect.FormErrorAsync(await SaveAsync(browser, new { Input_DisplayName = "Naam", Input_Email = "geen-adres", Input_DefaultPerspective = "Experience", Input_Language = "nl" }), "Vul een geldig e-mailadres in");
        await Expect.FormErrorAsync(await SaveAsync(browser, new { Input_DisplayName = "Naam", Input_Email = user.Email, Input_DefaultPerspective = "Experience", Input_Language = "de" }), "Kies Nederlands of English.");
        await Expect.FormErrorAsync(await SaveAsync(browser, new { Input_DisplayName = "Naam", Input_Email = user.Email, Input_DefaultPerspective = "Toverkennis", Input_Language = "nl" }), "is niet geldig");
        await Expect.FormErrorAsync(await SaveAsync(browser, new { Input_DisplayName = "Naam", Input_Email = "inwoner@proeftuin.demo", Input_DefaultPerspective = "Experience", Input_Language = "nl" }), "Dit e-mailadres hoort al bij een ander account.");
        var saved = await factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id));
        Assert.Equal("Blijft Zo", saved.DisplayName);
        Assert.Equal(user.Email, saved.Email);
        Assert.Equal(Perspective.Professional, saved.DefaultPerspective);
    }

    [Fact]
    public async Task Script_in_name_is_shown_as_text()
    {
        var user = await factory.Data.UserAsync();
        using var browser = await factory.SignInAsync(user.Email!);
        using (var response = await SaveAsync(browser, new { Input_DisplayName = TestData.Script, Input_Email = user.Email, Input_DefaultPerspective = "Experience", Input_Language = "nl" }))
            Expect.Redirect(response, "/account");
        var home = await browser.OpenAsync("/");
        Expect.ShownAsText(home);
    }

    [Fact]
    public async Task Choosing_English_switches_the_interface()
    {
        var user = await factory.Data.UserAsync();
        using var browser = await factory.SignInAsync(user.Email!);
        using (var response = await SaveAsync(browser, new { Input_DisplayName = "Engels", Input_Email = user.Email, Input_DefaultPerspective = "Experience", Input_Language = "en" }))
            Expect.Redirect(response, "/account");
        Assert.Equal("en", await factory.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.Language).SingleAsync()));
        var page = await browser.OpenAsync("/account");
        Assert.Equal("en", page.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("My account", page.H1);
    }

    [Fact]
    public async Task After_an_address_change_links_sent_to_the_old_address_no_longer_work()
    {
        var user = await factory.Data.UserAsync();
        using var anonymous = factory.NewBrowser();
        var linkPage = await anonymous.OpenAsync("/inloggen/link");
        (await anonymous.SubmitAsync(linkPage.FormFor("Link.Email"), new { Link_Email = user.Email })).Dispose();
        var oldLink = factory.Mailbox.LinkTo(user.Email!, "/inloggen/link/");

        using var browser = await factory.SignInAsync(user.Email!);
        var newEmail = TestData.UniqueEmail("nieuw-adres");
        var account = await browser.OpenAsync("/account");
        using (var saved = await browser.SubmitAsync(account.FormFor("Input.Email"),
            new { Input_DisplayName = user.DisplayName, Input_Email = newEmail, Input_DefaultPerspective = "Experience", Input_Language = "nl" }))
            Expect.Redirect(saved, "/account");

        using (var refused = await anonymous.PostAsync(oldLink))
            Assert.NotEqual(HttpStatusCode.Redirect, refused.StatusCode);
        // The new address gets a confirmation link that keeps the password.
        using var confirm = factory.NewBrowser();
        using (var confirmed = await confirm.PostAsync(factory.Mailbox.LinkTo(newEmail, "/inloggen/link/")))
            Expect.Redirect(confirmed, "/account");
        using var withPassword = await factory.SignInAsync(newEmail);
        using var ok = await withPassword.GetAsync("/account");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    private static async Task<HttpResponseMessage> PasswordAsync(Browser browser, string? current, string? @new)
    {
        var page = await browser.OpenAsync("/account");
        var fields = new List<KeyValuePair<string, string>> { new("Password.New", @new ?? "") };
        if (current is not null) fields.Add(new("Password.Current", current));
        return await browser.SubmitAsync(page.FormFor("Password.New"), fields);
    }

    [Fact]
    public async Task Password_is_changed_only_with_the_current_one()
    {
        var user = await factory.Data.UserAsync();
        using var browser = await factory.SignInAsync(user.Email!);
        var hashBefore = await factory.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.PasswordHash).SingleAsync());
        await Expect.FormErrorAsync(await PasswordAsync(browser, "niet-het-goede-1", "nieuw-wachtwoord-1"), "Je huidige wachtwoord klopt niet.");
        await Expect.FormErrorAsync(await PasswordAsync(browser, TestData.Password, "kort"), "Kies een wachtwoord van minstens 10 tekens.");
        await Expect.FormErrorAsync(await PasswordAsync(browser, TestData.Password, TestData.Long(500)), "Het wachtwoord is te lang");
        Assert.Equal(hashBefore, await factory.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.PasswordHash).SingleAsync()));

        using (var saved = await PasswordAsync(browser, TestData.Password, "nieuw-wachtwoord-1"))
            Expect.Redirect(saved, "/account");
        using var withNew = await factory.SignInAsync(user.Email!, "nieuw-wachtwoord-1");
        using var ok = await withNew.GetAsync("/account");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task Someone_without_a_password_sets_one()
    {
        var user = await factory.Data.UserAsync();
        await factory.WithDbAsync(async db =>
        {
            var row = await db.Users.SingleAsync(u => u.Id == user.Id);
            row.PasswordHash = null;
            return await db.SaveChangesAsync();
        });
        using var anonymous = factory.NewBrowser();
        var linkPage = await anonymous.OpenAsync("/inloggen/link");
        (await anonymous.SubmitAsync(linkPage.FormFor("Link.Email"), new { Link_Email = user.Email })).Dispose();
        (await anonymous.PostAsync(factory.Mailbox.LinkTo(user.Email!, "/inloggen/link/"))).Dispose();

        var page = await anonymous.OpenAsync("/account");
        Assert.Contains("Wachtwoord instellen", page.MainText, StringComparison.Ordinal);
        Assert.False(page.FormFor("Password.New").HasField("Password.Current"));
        using (var saved = await PasswordAsync(anonymous, null, "zelf-gekozen-1"))
            Expect.Redirect(saved, "/account");
        using var withPassword = await factory.SignInAsync(user.Email!, "zelf-gekozen-1");
        using var ok = await withPassword.GetAsync("/account");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task Signed_out_cannot_set_a_password()
    {
        using var anonymous = factory.NewBrowser();
        using var response = await anonymous.PostAsync("/account?handler=Password", new { Password_New = "iets-langs-123" });
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest, response.StatusCode.ToString());
    }
}
