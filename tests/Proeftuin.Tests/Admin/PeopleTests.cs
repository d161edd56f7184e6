using Proeftuin.Features.Accounts;
using Proeftuin.Shared;

namespace Proeftuin.Tests.Admin;

/// <summary>Issue 9, point 11: admins manage people at /beheer/mensen.</summary>
public sealed class PeopleTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private const string Mensen = "/beheer/mensen";

    private async Task<Browser> AdminAsync() => await factory.SignInAsync((await factory.Data.UserAsync(admin: true)).Email!);

    private static async Task<HttpResponseMessage> ActAsync(Browser admin, string handler, string userId, string? query = null)
    {
        var page = await admin.OpenAsync(Mensen + (query is null ? "" : "?q=" + Uri.EscapeDataString(query)));
        var form = page.Forms.First(f => f.Action.Contains("handler=" + handler, StringComparison.Ordinal) && f.Fields.Any(x => x.Key == "userId" && x.Value == userId));
        return await admin.SubmitAsync(form);
    }

    private static async Task<bool> IsSignedInAsync(Browser browser)
    {
        using var response = await browser.GetAsync("/account");
        return response.StatusCode == HttpStatusCode.OK;
    }

    private Task<AppUser> RowAsync(string id) => factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == id));

    [Fact]
    public async Task Only_admins_open_the_page_and_the_admin_page_links_to_it()
    {
        using (var anonymous = factory.NewBrowser())
        using (var response = await anonymous.GetAsync(Mensen))
            Expect.RedirectToSignIn(response, Mensen);
        using (var resident = await factory.SignInAsync((await factory.Data.UserAsync()).Email!))
        {
            using var response = await resident.GetAsync(Mensen);
            Expect.Status(HttpStatusCode.Forbidden, response);
            using var post = await resident.PostAsync(Mensen + "?handler=Block", new { userId = (await factory.Data.UserAsync()).Id });
            Expect.Status(HttpStatusCode.Forbidden, post);
        }
        using var admin = await AdminAsync();
        var beheer = await admin.OpenAsync("/beheer");
        Assert.Contains(beheer.Document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == Mensen);
        Assert.Equal("Mensen", (await admin.OpenAsync(Mensen)).H1);
    }

    [Fact]
    public async Task Search_by_name_or_address_a_page_at_a_time_with_projects()
    {
        var marker = "zoek" + Guid.NewGuid().ToString("N")[..8];
        var people = new List<AppUser>();
        for (var i = 0; i < 30; i++)
            people.Add(await factory.Data.UserAsync(email: $"{marker}-{i:00}@example.nl", displayName: $"Persoon {i:00} {marker.ToUpperInvariant()}"));
        await factory.Data.ProjectAsync(title: "Project van " + marker, members: [(people[0], ProjectRole.Facilitator)]);
        using var admin = await AdminAsync();

        var first = await admin.OpenAsync(Mensen + "?q=" + marker);
        Assert.Contains($"30 accounts gevonden met \"{marker}\".", first.MainText, StringComparison.Ordinal);
        Assert.Equal(25, first.Document.QuerySelectorAll("tbody tr").Length);
        Assert.Contains("1: Project van " + marker, first.MainText, StringComparison.Ordinal);
        Assert.Contains("Nog nooit", first.MainText, StringComparison.Ordinal);
        var next = first.Document.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        var second = await admin.OpenAsync(next);
        Assert.Equal(5, second.Document.QuerySelectorAll("tbody tr").Length);

        // By part of an address, in any case.
        var one = await admin.OpenAsync(Mensen + "?q=" + Uri.EscapeDataString($"{marker.ToUpperInvariant()}-07@"));
        Assert.Single(one.Document.QuerySelectorAll("tbody tr"));
        Assert.Contains("Persoon 07", one.MainText, StringComparison.Ordinal);

        // Odd page numbers land on a page that exists.
        foreach (var odd in new[] { "abc", "-5", "0", "99999", "99999999999999" })
        {
            var page = await admin.OpenAsync(Mensen + $"?q={marker}&pagina={odd}");
            Assert.True(page.Document.QuerySelectorAll("tbody tr").Length is 25 or 5, odd);
        }
    }

    [Fact]
    public async Task Huge_or_scripted_searches_get_a_Dutch_message_or_show_as_text()
    {
        using var admin = await AdminAsync();
        using (var huge = await admin.GetAsync(Mensen + "?q=" + TestData.Long(5000)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
            await Expect.FormErrorAsync(huge, "De zoekterm is te lang");
        }
        var scripted = await admin.OpenAsync(Mensen + "?q=" + Uri.EscapeDataString(TestData.Script));
        Expect.ShownAsText(scripted);
        Assert.Contains("0 accounts gevonden", scripted.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Last_sign_in_is_recorded_for_password_and_link()
    {
        var user = await factory.Data.UserAsync();
        Assert.Null((await RowAsync(user.Id)).LastSignInAt);
        using (await factory.SignInAsync(user.Email!)) { }
        var byPassword = (await RowAsync(user.Id)).LastSignInAt;
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime, byPassword!.Value, TimeSpan.FromSeconds(1));

        factory.Clock.Advance(TimeSpan.FromDays(2));
        using var browser = factory.NewBrowser();
        var request = await browser.OpenAsync("/inloggen/link");
        (await browser.SubmitAsync(request.FormFor("Link.Email"), new { Link_Email = user.Email })).Dispose();
        (await browser.PostAsync(factory.Mailbox.LinkTo(user.Email!, "/inloggen/link/"))).Dispose();
        var byLink = (await RowAsync(user.Id)).LastSignInAt;
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime, byLink!.Value, TimeSpan.FromSeconds(1));

        using var admin = await AdminAsync();
        var page = await admin.OpenAsync(Mensen + "?q=" + Uri.EscapeDataString(user.Email!));
        Assert.NotNull(page.Document.QuerySelector($"tbody time[datetime='{Dates.Iso(byLink.Value)}']"));
    }

    [Fact]
    public async Task A_blocked_account_cannot_sign_in_in_any_way_and_its_sessions_end()
    {
        var user = await factory.Data.UserAsync();
        using var session = await factory.SignInAsync(user.Email!);
        // A link asked for before the block.
        using (var asker = factory.NewBrowser())
        {
            var request = await asker.OpenAsync("/inloggen/link");
            (await asker.SubmitAsync(request.FormFor("Link.Email"), new { Link_Email = user.Email })).Dispose();
        }
        var oldLink = factory.Mailbox.LinkTo(user.Email!, "/inloggen/link/");
        var mailsBefore = factory.Mailbox.To(user.Email!).Count;

        using var admin = await AdminAsync();
        using (var response = await ActAsync(admin, "Block", user.Id, user.Email))
        {
            var shown = await admin.FollowAsync(response, Mensen);
            Assert.Contains("is geblokkeerd. Inloggen kan niet meer, ook niet met een link.", shown.MainText, StringComparison.Ordinal);
            Assert.Contains("Geblokkeerd sinds", shown.MainText, StringComparison.Ordinal);
        }
        Assert.NotNull((await RowAsync(user.Id)).BlockedAt);

        // Password: the right one gets the plain reason, a wrong one the usual words.
        using (var browser = factory.NewBrowser())
        {
            var page = await browser.OpenAsync("/inloggen");
            await Expect.FormErrorAsync(await browser.SubmitAsync(page.FormFor("Input.Password"), new { Input_Email = user.Email, Input_Password = TestData.Password }), "Dit account is geblokkeerd.");
            Assert.False(await IsSignedInAsync(browser));
            // The old link is refused, and asking for a new one sends nothing (the answer is the usual one).
            await Expect.FormErrorAsync(await browser.PostAsync(oldLink), "Deze inloglink is verlopen of al gebruikt.");
            var request = await browser.OpenAsync("/inloggen/link");
            using var asked = await browser.SubmitAsync(request.FormFor("Link.Email"), new { Link_Email = user.Email });
            Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
            Assert.Equal(mailsBefore, factory.Mailbox.To(user.Email!).Count);
        }

        // The session that was open ends at the next security-stamp check (within a minute).
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.False(await IsSignedInAsync(session));

        // Unblocked: the password works again.
        using (var response = await ActAsync(admin, "Unblock", user.Id, user.Email))
            Expect.Redirect(response, Mensen + "?q=" + Uri.EscapeDataString(user.Email!));
        Assert.Null((await RowAsync(user.Id)).BlockedAt);
        using var again = await factory.SignInAsync(user.Email!);
        Assert.True(await IsSignedInAsync(again));
    }

    [Fact]
    public async Task An_admin_cannot_block_themselves()
    {
        var me = await factory.Data.UserAsync(admin: true);
        using var admin = await factory.SignInAsync(me.Email!);
        var page = await admin.OpenAsync(Mensen + "?q=" + Uri.EscapeDataString(me.Email!));
        Assert.DoesNotContain(page.Forms, f => f.Action.Contains("handler=Block", StringComparison.Ordinal));
        Assert.Contains("Dit ben jij", page.MainText, StringComparison.Ordinal);
        await Expect.FormErrorAsync(await admin.PostAsync(Mensen + "?handler=Block", new { userId = me.Id }), "Je kunt jezelf niet blokkeren.");
        Assert.Null((await RowAsync(me.Id)).BlockedAt);
        Assert.True(await IsSignedInAsync(admin));
    }

    [Fact]
    public async Task Sending_a_sign_in_link_uses_the_usual_mail_but_not_for_a_blocked_account()
    {
        var user = await factory.Data.UserAsync();
        using var admin = await AdminAsync();
        using (var response = await ActAsync(admin, "Link", user.Id, user.Email))
        {
            var shown = await admin.FollowAsync(response, Mensen);
            Assert.Contains($"We hebben een inloglink gestuurd naar {user.Email}.", shown.MainText, StringComparison.Ordinal);
        }
        Assert.Equal("Je inloglink voor Proeftuin", factory.Mailbox.NewestTo(user.Email!).Subject);
        using (var browser = factory.NewBrowser())
        using (var signedIn = await browser.PostAsync(factory.Mailbox.LinkTo(user.Email!, "/inloggen/link/")))
            Expect.Redirect(signedIn, "/mijn");

        using (await ActAsync(admin, "Block", user.Id, user.Email)) { }
        var count = factory.Mailbox.To(user.Email!).Count;
        await Expect.FormErrorAsync(await admin.PostAsync(Mensen + "?handler=Link", new { userId = user.Id }), "Dit account is geblokkeerd. Deblokkeer het eerst");
        Assert.Equal(count, factory.Mailbox.To(user.Email!).Count);
    }

    [Theory]
    [InlineData("Block")]
    [InlineData("Unblock")]
    [InlineData("Link")]
    public async Task Wrong_ids_answer_404_and_change_nothing(string handler)
    {
        using var admin = await AdminAsync();
        foreach (var id in new[] { "", "onbekend", TestData.Script, TestData.Long(5000), "999" })
        {
            using var response = await admin.PostAsync($"{Mensen}?handler={handler}", new { userId = id });
            Expect.Status(HttpStatusCode.NotFound, response, $"{handler} {id[..Math.Min(20, id.Length)]}");
        }
        using var none = await admin.PostAsync($"{Mensen}?handler={handler}");
        Expect.Status(HttpStatusCode.NotFound, none);
    }
}
