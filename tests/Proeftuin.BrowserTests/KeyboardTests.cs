using Microsoft.Playwright;
using Proeftuin.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Proeftuin.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class KeyboardTests(BrowserFixture app)
{
    [Fact]
    public async Task The_first_Tab_reaches_a_visible_skip_link_that_moves_focus_to_the_content()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/programmas/1");
        await page.Keyboard.PressAsync("Tab");

        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Naar de inhoud" });
        await Expect(skip).ToBeFocusedAsync();
        await Expect(skip).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Main)).ToBeFocusedAsync();

        // The next Tab lands inside the content, not back in the header.
        await page.Keyboard.PressAsync("Tab");
        var inMain = await page.EvaluateAsync<bool>("() => document.querySelector('main').contains(document.activeElement)");
        Assert.True(inMain, "After the skip link, Tab should continue inside <main>.");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_facilitator_makes_an_invitation_link_and_someone_accepts_it()
    {
        var page = await app.NewSignedInPageAsync(BrowserFixture.Facilitator);
        await page.GotoAsync("/projecten/2/leden");
        var form = page.Locator("form").Filter(new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "Stuur uitnodiging" }) });
        await form.GetByLabel("Rol").SelectOptionAsync(new SelectOptionValue { Label = "Toeschouwer" });
        await form.GetByRole(AriaRole.Button, new() { Name = "Maak een uitnodigingslink (zonder e-mail)" }).ClickAsync();

        var linkBox = page.GetByLabel("Uitnodigingslink");
        await Expect(linkBox).ToBeVisibleAsync();
        await Axe.AssertNoAxeViolationsAsync(page);
        var link = await linkBox.InputValueAsync();
        Assert.StartsWith(app.BaseUrl + "/uitnodiging/", link, StringComparison.Ordinal);
        PageProblems.AssertNone(page);
        await page.Context.CloseAsync();

        var guest = await app.NewSignedInPageAsync(BrowserFixture.Observer);
        await guest.GotoAsync(link);
        await Expect(guest.GetByRole(AriaRole.Main)).ToContainTextAsync("Armoede en schulden");
        await Axe.AssertNoAxeViolationsAsync(guest);
        await guest.GetByRole(AriaRole.Button, new() { Name = "Uitnodiging aannemen" }).ClickAsync();
        await Expect(guest).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/projecten/2$"));
        await Expect(guest.GetByRole(AriaRole.Main)).ToContainTextAsync("Jouw rol: Toeschouwer");

        // Used once: the same link no longer works.
        await guest.GotoAsync(link);
        await Expect(guest.GetByRole(AriaRole.Main)).Not.ToContainTextAsync("Uitnodiging aannemen");
        await Axe.AssertNoAxeViolationsAsync(guest);
        PageProblems.AssertNone(guest);
        await guest.Context.CloseAsync();
    }
}
