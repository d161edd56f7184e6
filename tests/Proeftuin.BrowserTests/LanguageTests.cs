using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Proeftuin.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Proeftuin.BrowserTests;

/// <summary>The English switch in the header: a plain link that keeps you on the same page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LanguageTests(BrowserFixture app)
{
    [Fact]
    public async Task Switching_to_English_and_back_keeps_the_page_and_changes_the_language()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/programmas/1");
        var html = page.Locator("html");
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" });
        await Expect(html).ToHaveAttributeAsync("lang", "nl");
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Inloggen", Exact = true })).ToBeVisibleAsync();

        // By keyboard: focus the switch and press Enter.
        var english = page.GetByRole(AriaRole.Link, new() { Name = "English", Exact = true });
        await Expect(english).ToHaveAttributeAsync("lang", "en");
        await english.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(html).ToHaveAttributeAsync("lang", "en");
        await Expect(page).ToHaveURLAsync(new Regex("/programmas/1$"));
        // The header's texts come from the app's English resources, and really are translated.
        var signIn = app.English("Inloggen");
        var mainMenu = app.English("Hoofdmenu");
        Assert.NotEqual("Inloggen", signIn);
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = mainMenu })
            .GetByRole(AriaRole.Link, new() { Name = signIn, Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = app.English("Naar de inhoud") })).ToBeAttachedAsync();
        await Axe.AssertNoAxeViolationsAsync(page);

        // The choice sticks on the next page.
        await page.GotoAsync("/projecten/1");
        await Expect(html).ToHaveAttributeAsync("lang", "en");
        // What people wrote stays Dutch, and says so, so a screen reader reads it with a Dutch voice.
        await Expect(page.Locator("h1")).ToHaveAttributeAsync("lang", "nl");
        await Expect(page.Locator(".pt-question")).ToHaveAttributeAsync("lang", "nl");
        await Axe.AssertNoAxeViolationsAsync(page);

        var dutch = page.GetByRole(AriaRole.Link, new() { Name = "Nederlands", Exact = true });
        await Expect(dutch).ToHaveAttributeAsync("lang", "nl");
        await dutch.ClickAsync();
        await Expect(html).ToHaveAttributeAsync("lang", "nl");
        await Expect(page.Locator("h1")).Not.ToHaveAttributeAsync("lang", new Regex("."));
        await Expect(page).ToHaveURLAsync(new Regex("/projecten/1$"));
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" })
            .GetByRole(AriaRole.Link, new() { Name = "Inloggen", Exact = true })).ToBeVisibleAsync();
        PageProblems.AssertNone(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_signed_in_person_can_switch_to_English_too()
    {
        var page = await app.NewSignedInPageAsync(BrowserFixture.Resident);
        await page.GotoAsync("/account");
        await page.GetByRole(AriaRole.Link, new() { Name = "English", Exact = true }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page).ToHaveURLAsync(new Regex("/account$"));
        var signOut = app.English("Uitloggen");
        Assert.NotEqual("Uitloggen", signOut);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = signOut, Exact = true })).ToBeVisibleAsync();
        await Axe.AssertNoAxeViolationsAsync(page);
        PageProblems.AssertNone(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Choosing_English_on_the_account_page_switches_the_site_to_English()
    {
        var page = await app.NewPageAsync();
        await BrowserFixture.SignInWithPasswordAsync(page, "wijkteam@proeftuin.demo");
        await page.GotoAsync("/account");
        await page.GetByLabel("Taal").SelectOptionAsync(new SelectOptionValue { Label = "English" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan", Exact = true }).ClickAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await page.GotoAsync("/programmas/1");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = app.English("Uitloggen"), Exact = true })).ToBeVisibleAsync();
        await Axe.AssertNoAxeViolationsAsync(page);
        PageProblems.AssertNone(page);
        await page.Context.CloseAsync();
    }
}
