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
}
