using Proeftuin.Features.Stories;
using Proeftuin.Web;

namespace Proeftuin.Tests.Stories;

/// <summary>Only for the mail limit of "mail mij deze link".</summary>
public sealed class LowMailLimitFactory : ProeftuinFactory
{
    public const int Limit = 2;

    public LowMailLimitFactory() => WithSetting("RateLimits:MailPerQuarter", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>After sharing without an account, the private link cannot be lost: copy, "mail mij deze link", a QR code.</summary>
public sealed class ThanksPageTests(StoriesFactory factory) : IClassFixture<StoriesFactory>
{
    internal static async Task<(int Id, string Key, HtmlPage Thanks)> ShareAsync(ProeftuinFactory factory, Browser visitor, int projectId)
    {
        var token = await factory.ShareTokenAsync(projectId);
        var form = await visitor.OpenAsync($"/delen/{token}");
        using var response = await visitor.SubmitAsync(form.FormFor("Input.Text"), new { Input_Text = "Over de buurtkamer.", Input_Scope = "Team" });
        Expect.Redirect(response, "/delen/bedankt");
        var thanks = await visitor.OpenAsync("/delen/bedankt");
        var uri = new Uri(thanks.Document.QuerySelector(".pt-story-key__link a")!.GetAttribute("href")!);
        var id = int.Parse(uri.AbsolutePath["/verhalen/".Length..], System.Globalization.CultureInfo.InvariantCulture);
        return (id, uri.Query["?sleutel=".Length..], thanks);
    }

    [Fact]
    public async Task The_thanks_page_offers_copy_mail_and_a_QR_code_and_the_mailed_link_works()
    {
        var team = await factory.Data.TeamProjectAsync(Visibility.MembersOnly);
        using var visitor = factory.NewBrowser();
        var (id, key, thanks) = await ShareAsync(factory, visitor, team.Id);

        // Copy: a script button (hidden until the script runs); without it the link is plain selectable text.
        var copy = thanks.Document.QuerySelector("button[data-copy='prive-link']");
        Assert.NotNull(copy);
        Assert.True(copy!.HasAttribute("hidden"));
        Assert.NotNull(thanks.Document.QuerySelector("script[src^='/js/story-key.'][src$='.js']"));
        Assert.NotNull(thanks.Document.QuerySelector(".pt-story-key svg.pt-qr[role='img'][aria-label]"));
        Assert.Empty(thanks.Document.QuerySelectorAll("main [style]"));
        Assert.Contains("Vragen over mijn verhaal beantwoorden", thanks.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain("duiden", thanks.MainText, StringComparison.OrdinalIgnoreCase);

        // Mail me this link: sent once, the address not kept.
        var address = TestData.UniqueEmail("bewoner");
        using var sent = await visitor.SubmitAsync(thanks.FormFor("Email"), new { Email = address });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var after = await HtmlPage.ReadAsync(sent, "/delen/bedankt");
        Assert.Contains($"We hebben de link gestuurd naar {address}", after.MainText, StringComparison.Ordinal);
        Assert.True(after.Headers.CacheControl?.NoStore);
        Assert.Equal($"/verhalen/{id}?sleutel={key}", factory.Mailbox.LinkTo(address, "/verhalen/"));
        var row = (await factory.StoryRowAsync(id))!;
        Assert.Null(row.TellerEmail);
        Assert.False(row.NotifyByEmail);
        using var reader = factory.NewBrowser();
        Assert.Contains("Over de buurtkamer", (await reader.OpenAsync(factory.Mailbox.LinkTo(address, "/verhalen/"))).MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asking_for_updates_keeps_the_address()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var visitor = factory.NewBrowser();
        var (id, _, thanks) = await ShareAsync(factory, visitor, team.Id);
        var address = TestData.UniqueEmail("bewoner");
        using var sent = await visitor.SubmitAsync(thanks.FormFor("Email"), new { Email = address.ToUpperInvariant(), WantsUpdates = "true" });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var row = (await factory.StoryRowAsync(id))!;
        Assert.Equal(address, row.TellerEmail);
        Assert.True(row.NotifyByEmail);
    }

    [Fact]
    public async Task Wrong_keys_other_stories_and_bad_addresses_send_nothing_and_store_nothing()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var visitor = factory.NewBrowser();
        var (id, key, thanks) = await ShareAsync(factory, visitor, team.Id);
        var other = await factory.StoryAsync(team.Id, ConsentScope.Team);
        var form = thanks.FormFor("Email");
        var before = factory.Mailbox.All().Count;
        var target = TestData.UniqueEmail("vreemde");

        foreach (var (storyId, wrongKey) in new[] { (id, Tokens.New()), (other.Id, key), (id, ""), (id, TestData.Script), (999_999, key) })
        {
            using var refused = await visitor.SubmitAsync(form, new { StoryId = storyId.ToString(System.Globalization.CultureInfo.InvariantCulture), Key = wrongKey, Email = target });
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }
        using (var noId = await visitor.SubmitAsync(form, new { StoryId = "abc", Email = target }))
            Assert.True(noId.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{noId.StatusCode}");
        foreach (var bad in new[] { "", "geen-adres", TestData.Script, TestData.Long(300) + "@example.nl" })
        {
            var page = await Expect.FormErrorAsync(await visitor.SubmitAsync(form, new { Email = bad, WantsUpdates = "true" }), "e-mailadres");
            Expect.ShownAsText(page, key); // the link is still there to copy
        }
        Assert.Equal(before, factory.Mailbox.All().Count);
        Assert.Empty(factory.Mailbox.To(target));
        var row = (await factory.StoryRowAsync(id))!;
        Assert.Null(row.TellerEmail);
        Assert.False(row.NotifyByEmail);

        // A withdrawn story's key sends nothing either.
        var withdraw = await visitor.OpenAsync($"/verhalen/{id}/intrekken?sleutel={key}");
        using (await visitor.SubmitAsync(withdraw.FormWithAction("/intrekken"), new { })) { }
        using var gone = await visitor.SubmitAsync(form, new { Email = target });
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Empty(factory.Mailbox.To(target));
    }
}

/// <summary>"Mail mij deze link" counts against the mail limit per client address, like sign-in links.</summary>
public sealed class ThanksMailLimitTests(LowMailLimitFactory factory) : IClassFixture<LowMailLimitFactory>
{
    [Fact]
    public async Task Mailing_the_link_is_rate_limited()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var visitor = factory.NewBrowser();
        var (_, _, thanks) = await ThanksPageTests.ShareAsync(factory, visitor, team.Id);
        var form = thanks.FormFor("Email");
        for (var i = 0; i < LowMailLimitFactory.Limit; i++)
        {
            using var ok = await visitor.SubmitAsync(form, new { Email = TestData.UniqueEmail() });
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }
        var address = TestData.UniqueEmail();
        using var refused = await visitor.SubmitAsync(form, new { Email = address });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Empty(factory.Mailbox.To(address));
    }
}
