namespace Proeftuin.Tests.Accounts;

public sealed class SignInLinkTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private const string SentMessage = "Als dit e-mailadres bij ons bekend is, hebben we een inloglink gestuurd.";

    private static async Task<HtmlPage> RequestLinkAsync(Browser browser, string email)
    {
        var page = await browser.OpenAsync("/inloggen/link");
        using var response = await browser.SubmitAsync(page.FormFor("Link.Email"), new { Link_Email = email });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await HtmlPage.ReadAsync(response, "/inloggen/link");
    }

    private static async Task<HttpResponseMessage> UseLinkAsync(Browser browser, string link)
    {
        var page = await browser.OpenAsync(link);
        Assert.Contains("Druk op de knop om in te loggen", page.MainText, StringComparison.Ordinal);
        return await browser.SubmitAsync(page.Forms.Single(f => f.Method == "post" && f.Action == link));
    }

    private static async Task<bool> IsSignedInAsync(Browser browser)
    {
        using var response = await browser.GetAsync("/account");
        return response.StatusCode == HttpStatusCode.OK;
    }

    [Fact]
    public async Task Mailed_link_signs_in_once()
    {
        var user = await factory.Data.UserAsync();
        using var browser = factory.NewBrowser();
        var sent = await RequestLinkAsync(browser, user.Email!);
        Assert.Contains(SentMessage, sent.MainText, StringComparison.Ordinal);

        var link = factory.Mailbox.LinkTo(user.Email!, "/inloggen/link/");
        // Opening the link (as a mail scanner would) does not sign in or use it up.
        await browser.OpenAsync(link);
        Assert.False(await IsSignedInAsync(browser));

        using (var response = await UseLinkAsync(browser, link))
            Expect.Redirect(response, "/mijn");
        Assert.True(await IsSignedInAsync(browser));

        // A second use, by anyone, is refused with a Dutch message.
        using var other = factory.NewBrowser();
        var again = await other.GetPageAsync(link);
        using var second = await other.PostAsync(link);
        await Expect.FormErrorAsync(second, "Deze inloglink is verlopen of al gebruikt.");
        Assert.False(await IsSignedInAsync(other));
        Assert.NotNull(again);
    }

    [Fact]
    public async Task Link_expires_after_fifteen_minutes()
    {
        var user = await factory.Data.UserAsync();
        using var browser = factory.NewBrowser();
        await RequestLinkAsync(browser, user.Email!);
        var link = factory.Mailbox.LinkTo(user.Email!, "/inloggen/link/");
        factory.Clock.Advance(TimeSpan.FromMinutes(16));
        using var response = await browser.PostAsync(link);
        await Expect.FormErrorAsync(response, "Deze inloglink is verlopen of al gebruikt.");
        Assert.False(await IsSignedInAsync(browser));
        Assert.Null(await factory.WithDbAsync(db => db.SignInLinks.Where(l => l.UserId == user.Id).Select(l => l.UsedAt).SingleAsync()));
    }

    [Fact]
    public async Task Link_still_works_just_before_it_expires()
    {
        var user = await factory.Data.UserAsync();
        using var browser = factory.NewBrowser();
        await RequestLinkAsync(browser, user.Email!);
        var link = factory.Mailbox.LinkTo(user.Email!, "/inloggen/link/");
        factory.Clock.Advance(TimeSpan.FromMinutes(14));
        using (var response = await UseLinkAsync(browser, link))
            Expect.Redirect(response, "/mijn");
        Assert.True(await IsSignedInAsync(browser));
    }

    [Theory]
    [InlineData("onzin")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    public async Task Unknown_or_malformed_token_is_refused(string token)
    {
        using var browser = factory.NewBrowser();
        using (var get = await browser.GetAsync("/inloggen/link/" + token))
            Expect.NotServerError(get, "GET");
        using var response = await browser.PostAsync("/inloggen/link/" + token);
        var page = await Expect.FormErrorAsync(response, "Deze inloglink is verlopen of al gebruikt.");
        Assert.DoesNotContain("<script>alert", page.Text, StringComparison.Ordinal);
        Assert.False(await IsSignedInAsync(browser));
    }

    [Fact]
    public async Task Very_long_token_is_refused_without_error()
    {
        using var browser = factory.NewBrowser();
        using var response = await browser.PostAsync("/inloggen/link/" + TestData.Long(2000));
        Expect.NotServerError(response, "POST long token");
        Assert.False(await IsSignedInAsync(browser));
    }

    [Fact]
    public async Task Unknown_address_gets_the_same_answer_and_no_mail()
    {
        var email = TestData.UniqueEmail("onbekend");
        using var browser = factory.NewBrowser();
        var page = await RequestLinkAsync(browser, email);
        Assert.Contains(SentMessage, page.MainText, StringComparison.Ordinal);
        Assert.Empty(factory.Mailbox.To(email));
    }

    [Fact]
    public async Task Bad_addresses_get_Dutch_messages_and_no_mail()
    {
        using var browser = factory.NewBrowser();
        var before = await factory.WithDbAsync(db => db.SignInLinks.CountAsync());
        foreach (var (email, message) in new[] { ("", "Vul jouw e-mailadres in."), ("geen-adres", "Vul een geldig e-mailadres in"), (TestData.Long(), "is te lang"), (TestData.Script, "Vul een geldig e-mailadres in") })
        {
            var form = (await browser.OpenAsync("/inloggen/link")).FormFor("Link.Email");
            var page = await Expect.FormErrorAsync(await browser.SubmitAsync(form, new { Link_Email = email }), message);
            Assert.DoesNotContain(SentMessage, page.MainText, StringComparison.Ordinal);
            Assert.DoesNotContain("<script>alert", page.Text, StringComparison.Ordinal);
        }
        Assert.Equal(before, await factory.WithDbAsync(db => db.SignInLinks.CountAsync()));
    }

    [Fact]
    public async Task Link_form_on_the_sign_in_page_sends_a_link()
    {
        var user = await factory.Data.UserAsync();
        using var browser = factory.NewBrowser();
        var page = await browser.OpenAsync("/inloggen");
        using var response = await browser.SubmitAsync(page.FormFor("Link.Email"), new { Link_Email = user.Email });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(factory.Mailbox.To(user.Email!));
    }

    [Fact]
    public async Task Link_signs_in_while_password_sign_in_is_paused_and_lifts_the_pause()
    {
        // Someone else typing wrong passwords must not shut the owner out of the link as well.
        var user = await factory.Data.UserAsync();
        using (var stranger = factory.NewBrowser())
        {
            for (var i = 0; i < Proeftuin.Features.Accounts.PasswordThrottle.PerClient; i++)
            {
                var page = await stranger.OpenAsync("/inloggen");
                (await stranger.SubmitAsync(page.FormFor("Input.Password"), new { Input_Email = user.Email, Input_Password = "fout-" + i })).Dispose();
            }
            var paused = await stranger.OpenAsync("/inloggen");
            await Expect.FormErrorAsync(await stranger.SubmitAsync(paused.FormFor("Input.Password"), new { Input_Email = user.Email, Input_Password = TestData.Password }),
                "Te veel mislukte pogingen met dit e-mailadres.");
        }
        using var browser = factory.NewBrowser();
        await RequestLinkAsync(browser, user.Email!);
        var link = factory.Mailbox.LinkTo(user.Email!, "/inloggen/link/");
        using (var response = await browser.PostAsync(link))
            Expect.Redirect(response, "/mijn");
        Assert.True(await IsSignedInAsync(browser));
        // The mailbox is proven: the password works again, from anywhere.
        using var again = await factory.SignInAsync(user.Email!);
        Assert.True(await IsSignedInAsync(again));
    }

    [Fact]
    public async Task Someone_who_registered_your_address_loses_it_when_you_sign_in_by_link()
    {
        var email = TestData.UniqueEmail("slachtoffer");
        using (var attacker = factory.NewBrowser())
        {
            var page = await attacker.OpenAsync("/registreren");
            using var registered = await attacker.SubmitAsync(page.FormFor("Input.Password"),
                new { Input_DisplayName = "Aanvaller", Input_Email = email, Input_Password = TestData.Password, Input_Perspective = "Experience" });
            Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
            // Not confirmed: the password does not work yet.
            var signIn = await attacker.OpenAsync("/inloggen");
            using var refused = await attacker.SubmitAsync(signIn.FormFor("Input.Password"), new { Input_Email = email, Input_Password = TestData.Password });
            await Expect.FormErrorAsync(refused, "Bevestig eerst je e-mailadres");
            Assert.False(await IsSignedInAsync(attacker));
        }
        // The owner asks for an ordinary sign-in link and uses it.
        using var owner = factory.NewBrowser();
        await RequestLinkAsync(owner, email);
        using (var response = await owner.PostAsync(factory.Mailbox.LinkTo(email, "/inloggen/link/")))
            Expect.Redirect(response, "/mijn");
        Assert.True(await IsSignedInAsync(owner));
        // The stranger's password is gone.
        Assert.Null(await factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.PasswordHash).SingleAsync()));
        using var attackerAgain = factory.NewBrowser();
        var form = await attackerAgain.OpenAsync("/inloggen");
        using var wrong = await attackerAgain.SubmitAsync(form.FormFor("Input.Password"), new { Input_Email = email, Input_Password = TestData.Password });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.False(await IsSignedInAsync(attackerAgain));
    }

    [Fact]
    public async Task Links_point_to_the_configured_public_address_not_the_request_host()
    {
        await using var configured = new ProeftuinFactory().WithSetting("App:PublicUrl", "https://proeftuin.example.nl");
        var user = await configured.Data.UserAsync();
        using var browser = configured.NewBrowser();
        var token = await browser.AntiforgeryTokenAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/inloggen/link");
        request.Headers.Host = "evil.example";
        request.Content = new FormUrlEncodedContent([new("Link.Email", user.Email!), new("__RequestVerificationToken", token)]);
        using var response = await browser.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = configured.Mailbox.NewestTo(user.Email!).TextBody ?? "";
        Assert.Contains("https://proeftuin.example.nl/inloggen/link/", body, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", body, StringComparison.Ordinal);
    }
}
