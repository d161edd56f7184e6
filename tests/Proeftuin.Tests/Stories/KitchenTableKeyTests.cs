using System.Text.RegularExpressions;
using Proeftuin.Features.Stories;

namespace Proeftuin.Tests.Stories;

/// <summary>
/// A story recorded at the kitchen table gives its teller their own key: a printable slip with a QR code and a short
/// link, and the link by e-mail when the teller gave an address. The key reads, signifies, narrows and withdraws.
/// </summary>
public sealed partial class KitchenTableKeyTests(StoriesFactory factory) : IClassFixture<StoriesFactory>
{
    [GeneratedRegex(@"/v/([2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4})")]
    private static partial Regex ShortLink();

    private static async Task<HttpResponseMessage> RecordAsync(Browser browser, int projectId, object values)
    {
        var page = await browser.OpenAsync($"/projecten/{projectId}/verhalen/optekenen");
        return await browser.SubmitAsync(page.FormFor("Input.ConsentConfirmed"), values);
    }

    private async Task<(int Id, string Code, HtmlPage Slip)> RecordWithSlipAsync(Browser facilitator, int projectId, string? email = null, bool notify = false)
    {
        using var response = await RecordAsync(facilitator, projectId, new
        {
            Input_Text = "Mevrouw vertelde over de lange wachtlijst.",
            Input_Scope = "Project",
            Input_TellerName = "Mevrouw K.",
            Input_TellerEmail = email,
            Input_NotifyByEmail = notify ? "true" : null,
            Input_ConsentConfirmed = "true",
        });
        var id = Expect.RedirectToId(response, "/verhalen/");
        Assert.Equal($"/verhalen/{id}/briefje", Expect.LocationPath(response));
        var slip = await facilitator.OpenAsync($"/verhalen/{id}/briefje");
        var code = ShortLink().Match(slip.Document.QuerySelector(".pt-slip__url")!.TextContent).Groups[1].Value;
        Assert.True(StoryKeys.LooksShort(code), $"No short code on the slip: {slip.MainText}");
        return (id, code, slip);
    }

    [Fact]
    public async Task Recording_ends_with_a_printable_slip_whose_key_opens_signifies_and_withdraws_the_story()
    {
        var team = await factory.Data.TeamProjectAsync(Visibility.MembersOnly);
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var (id, code, slip) = await RecordWithSlipAsync(facilitator, team.Id);

        // The slip: QR code and short link, B1 text for the teller, never cached, shown once.
        Assert.True(slip.Headers.CacheControl?.NoStore);
        Assert.NotNull(slip.Document.QuerySelector(".pt-slip svg.pt-qr[role='img']"));
        Assert.Contains("Jouw verhaal in Proeftuin", slip.MainText, StringComparison.Ordinal);
        Assert.Contains("je verhaal intrekken", slip.MainText, StringComparison.Ordinal);
        Assert.NotNull(slip.Document.QuerySelector($"a[href='/verhalen/{id}/duiden']"));
        var row = (await factory.StoryRowAsync(id))!;
        Assert.Equal(StoryKeys.Hash(code), row.TellerKeyHash);
        Assert.Null(row.TellerEmail);
        var again = await facilitator.OpenAsync($"/verhalen/{id}/briefje");
        Assert.DoesNotContain(code, again.Text, StringComparison.Ordinal);
        Assert.Null(again.Document.QuerySelector(".pt-slip"));
        Assert.Contains("Nieuw briefje maken", again.MainText, StringComparison.Ordinal);

        // The teller, without an account and in a members-only project: the short link opens the story with the key.
        using var teller = factory.NewBrowser();
        using var opened = await teller.GetAsync($"/v/{code}");
        Expect.Redirect(opened, $"/verhalen/{id}?sleutel={code}");
        var own = await teller.OpenAsync($"/verhalen/{id}?sleutel={code}");
        Assert.True(own.Headers.CacheControl?.NoStore);
        Assert.Contains("lange wachtlijst", own.MainText, StringComparison.Ordinal);
        Assert.Contains("Jouw verhaal", own.MainText, StringComparison.Ordinal);
        Assert.NotNull(own.Document.QuerySelector($"a[href='/verhalen/{id}/duiden?sleutel={code}']"));
        Assert.NotNull(own.Document.QuerySelector($"a[href='/verhalen/{id}/toestemming?sleutel={code}']"));
        // Typed by hand from the slip: small letters and spaces are forgiven.
        using var typed = await teller.GetAsync("/v?code=" + Uri.EscapeDataString(code.ToLowerInvariant().Replace('-', ' ')));
        Expect.Redirect(typed, $"/verhalen/{id}?sleutel={code}");

        // Withdraw with it (signifying: the next test).
        var withdraw = await teller.OpenAsync($"/verhalen/{id}/intrekken?sleutel={code}");
        using var withdrawn = await teller.SubmitAsync(withdraw.FormWithAction("/intrekken"), new { });
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.NotNull((await factory.StoryRowAsync(id))!.WithdrawnAt);
        Assert.Equal(HttpStatusCode.NotFound, (await teller.GetPageAsync($"/v/{code}")).Status);
    }

    [Fact]
    public async Task The_key_signifies_the_story()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var (id, code, _) = await RecordWithSlipAsync(facilitator, team.Id);
        using var teller = factory.NewBrowser();
        var page = await teller.OpenAsync($"/verhalen/{id}/duiden?sleutel={code}");
        Assert.Equal("Vragen over je verhaal", page.H1);
        using var response = await teller.SubmitAsync(page.FormFor("hulp.top"), new Dictionary<string, string>
        {
            ["hulp.top"] = "50",
            ["hulp.left"] = "30",
            ["hulp.right"] = "20",
            ["regie.x"] = "70",
            ["betrokkenen.gemeente.x"] = "20",
            ["betrokkenen.gemeente.y"] = "80",
            ["gevoel.choice"] = "vertrouwen",
        });
        Expect.Redirect(response, $"/verhalen/{id}?sleutel={code}");
        Assert.NotNull((await factory.StoryRowAsync(id))!.SignifiedAt);
    }

    [Fact]
    public async Task A_given_address_gets_the_link_once_and_is_kept_only_for_updates()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var once = TestData.UniqueEmail("verteller");
        var (id, code, slip) = await RecordWithSlipAsync(facilitator, team.Id, email: once.ToUpperInvariant());
        Assert.Contains($"De link is ook gemaild naar {once}", slip.MainText, StringComparison.Ordinal);
        Assert.Equal($"/v/{code}", factory.Mailbox.LinkTo(once, "/v/"));
        Assert.Contains(code, factory.Mailbox.NewestTo(once).TextBody, StringComparison.Ordinal);
        Assert.Null((await factory.StoryRowAsync(id))!.TellerEmail);

        var kept = TestData.UniqueEmail("verteller");
        var (keptId, keptCode, _) = await RecordWithSlipAsync(facilitator, team.Id, email: kept, notify: true);
        Assert.Equal($"/v/{keptCode}", factory.Mailbox.LinkTo(kept, "/v/"));
        var row = (await factory.StoryRowAsync(keptId))!;
        Assert.Equal(kept, row.TellerEmail);
        Assert.True(row.NotifyByEmail);
    }

    [Fact]
    public async Task A_wrong_address_or_missing_consent_saves_nothing_and_mails_nothing()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var before = factory.Mailbox.All().Count;
        await Expect.FormErrorAsync(await RecordAsync(facilitator, team.Id, new
        {
            Input_Text = "Met een fout adres.",
            Input_Scope = "Team",
            Input_TellerEmail = TestData.Script,
            Input_ConsentConfirmed = "true",
        }), "Vul een geldig e-mailadres in");
        await Expect.FormErrorAsync(await RecordAsync(facilitator, team.Id, new
        {
            Input_Text = "Zonder toestemming.",
            Input_Scope = "Team",
            Input_TellerEmail = TestData.UniqueEmail(),
        }), "Vraag eerst toestemming aan de verteller");
        Assert.Equal(0, await factory.StoryCountAsync(team.Id));
        Assert.Equal(before, factory.Mailbox.All().Count);
    }

    [Fact]
    public async Task A_facilitator_makes_a_new_slip_the_old_code_stops_working_and_the_change_is_dated()
    {
        var team = await factory.Data.TeamProjectAsync(Visibility.MembersOnly);
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var (id, oldCode, _) = await RecordWithSlipAsync(facilitator, team.Id);
        var later = await facilitator.OpenAsync($"/verhalen/{id}/briefje");
        using var made = await facilitator.SubmitAsync(later.FormWithAction("/briefje"), new { });
        Expect.Redirect(made, $"/verhalen/{id}/briefje");
        var slip = await facilitator.OpenAsync($"/verhalen/{id}/briefje");
        var newCode = ShortLink().Match(slip.Document.QuerySelector(".pt-slip__url")!.TextContent).Groups[1].Value;
        Assert.NotEqual(oldCode, newCode);
        using var teller = factory.NewBrowser();
        Assert.Equal(HttpStatusCode.NotFound, (await teller.GetPageAsync($"/v/{oldCode}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await teller.GetPageAsync($"/verhalen/{id}?sleutel={oldCode}")).Status);
        var own = await teller.OpenAsync($"/verhalen/{id}?sleutel={newCode}");
        Assert.Contains("Er is een nieuw briefje met een nieuwe link gemaakt", own.MainText, StringComparison.Ordinal);
        Assert.Contains(team.Facilitator.DisplayName, own.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Members_observers_outsiders_and_visitors_get_no_slip_and_make_no_new_key()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var (id, _, _) = await RecordWithSlipAsync(facilitator, team.Id);
        var hash = (await factory.StoryRowAsync(id))!.TellerKeyHash;
        var outsider = await factory.Data.UserAsync();
        foreach (var email in new[] { team.Member.Email!, team.Observer.Email!, outsider.Email! })
        {
            using var browser = await factory.SignInAsync(email);
            Assert.True((await browser.GetPageAsync($"/verhalen/{id}/briefje")).Status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound);
            using var post = await browser.PostAsync($"/verhalen/{id}/briefje", new { });
            Assert.True(post.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{email}: {post.StatusCode}");
        }
        using var anonymous = factory.NewBrowser();
        Expect.RedirectToSignIn(await anonymous.GetAsync($"/verhalen/{id}/briefje"));
        Assert.Equal(hash, (await factory.StoryRowAsync(id))!.TellerKeyHash);
        // Nonsense codes: a friendly 404, never a 500.
        foreach (var wrong in new[] { "AAAA-AAAA-AAAA-AAAA", "x", TestData.Script, new string('A', 500) })
        {
            var page = await anonymous.GetPageAsync("/v?code=" + Uri.EscapeDataString(wrong));
            Assert.Equal(HttpStatusCode.NotFound, page.Status);
            Assert.Contains("Deze code kennen we niet", page.MainText, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetPageAsync("/v")).Status);
    }

    [Fact]
    public async Task The_recording_and_signify_pages_speak_to_the_facilitator_and_the_key_page_to_the_teller()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var form = await facilitator.OpenAsync($"/projecten/{team.Id}/verhalen/optekenen");
        Assert.Contains("Laat de verteller zelf kiezen", form.MainText, StringComparison.Ordinal);
        Assert.Contains("Schrijf op wat de verteller vertelt", form.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain("zonder mijn naam", form.MainText, StringComparison.Ordinal);
        var (id, code, _) = await RecordWithSlipAsync(facilitator, team.Id);

        var signify = await facilitator.OpenAsync($"/verhalen/{id}/duiden");
        Assert.Equal("Vragen over het verhaal", signify.H1);
        Assert.Contains("samen met de verteller", signify.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain("Je hebt het verhaal", signify.MainText, StringComparison.Ordinal);
        var story = await facilitator.OpenAsync($"/verhalen/{id}");
        Assert.DoesNotContain("Jouw verhaal", story.MainText, StringComparison.Ordinal);
        Assert.Contains("Voor de verteller", story.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain("Duiden", story.MainText, StringComparison.Ordinal);

        using var teller = factory.NewBrowser();
        var own = await teller.OpenAsync($"/verhalen/{id}?sleutel={code}");
        Assert.Contains("Vragen over je verhaal beantwoorden", own.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain("Duiden", own.MainText, StringComparison.Ordinal);
    }
}
