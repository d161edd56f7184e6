using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Proeftuin.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Proeftuin.BrowserTests.Infrastructure.KeyboardOnly;

namespace Proeftuin.BrowserTests;

/// <summary>
/// Issue 14 (activiteiten): a guest on a phone (390 px) finds an activity, signs up with a name and an e-mail address
/// (first sent empty), and cancels with the link from the mail, all from the keyboard, without an account. Axe (and
/// reflow at 320 px) on each page, screenshots at 390 and 1280 px.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ActivityJourneyTests(BrowserFixture app)
{
    private static Task CheckAsync(IPage page, string where, StringBuilder findings, string shot, bool phoneOnly = false) =>
        Journeys.CheckAsync(page, where, findings, "activiteiten", shot, phoneOnly);

    [Fact]
    public async Task A_guest_signs_up_for_an_activity_on_a_phone_by_keyboard_and_cancels_by_the_mailed_link()
    {
        var findings = new StringBuilder();
        var guest = await app.NewPageAsync(390);
        var email = $"gast-{Guid.NewGuid():N}@voorbeeld.nl";
        var started = DateTime.UtcNow;

        await guest.GotoAsync("/activiteiten");
        await CheckAsync(guest, "list", findings, "lijst");
        await EnterAsync(guest.GetByRole(AriaRole.Link, new() { Name = "Samen terugkijken op de welkomstproef" }));
        await Expect(guest).ToHaveURLAsync(new Regex(@"/activiteiten/\d+$"));
        var activityUrl = guest.Url;
        await Expect(guest.GetByText("Drempelvrij, met ringleiding.")).ToBeVisibleAsync();
        await CheckAsync(guest, "activity", findings, "activiteit");

        // Sent empty first: the errors are listed and the fields say what is missing.
        await EnterAsync(guest.GetByRole(AriaRole.Button, new() { Name = "Aanmelden", Exact = true }));
        await Expect(guest.GetByRole(AriaRole.Alert).First).ToBeVisibleAsync();
        await CheckAsync(guest, "sign-up sent empty", findings, "aanmelden-fouten", phoneOnly: true);
        await TypeAsync(guest.GetByLabel("Je naam"), "Riet");
        await TypeAsync(guest.GetByLabel("Je e-mailadres"), email);
        await EnterAsync(guest.GetByRole(AriaRole.Button, new() { Name = "Aanmelden", Exact = true }));
        await Expect(guest).ToHaveURLAsync(activityUrl);
        await Expect(guest.GetByText("We hebben je een mail gestuurd", new() { Exact = false })).ToBeVisibleAsync();
        await CheckAsync(guest, "signed up", findings, "aangemeld");

        // The mail's link cancels without signing in; the page asks first.
        var link = await app.Mailbox.WaitForLinkAsync(email, new Uri(activityUrl).AbsolutePath + "/afmelden", started);
        Assert.Contains("/afmelden?code=", link, StringComparison.Ordinal);
        var phone = await app.NewPageAsync(390);
        await phone.GotoAsync(link);
        await CheckAsync(phone, "cancel by link", findings, "afmelden", phoneOnly: true);
        await EnterAsync(phone.GetByRole(AriaRole.Button, new() { Name = "Ja, meld mij af" }));
        await Expect(phone).ToHaveURLAsync(activityUrl);
        await Expect(phone.GetByText("Je bent afgemeld.", new() { Exact = false })).ToBeVisibleAsync();

        PageProblems.AssertNone(guest);
        PageProblems.AssertNone(phone);
        await guest.Context.CloseAsync();
        await phone.Context.CloseAsync();
        Assert.True(findings.Length == 0, findings.ToString());
    }
}
