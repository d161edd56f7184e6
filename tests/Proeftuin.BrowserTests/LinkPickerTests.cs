using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Proeftuin.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Proeftuin.BrowserTests;

/// <summary>
/// Issue 9: the link picker searches on the server. With JavaScript, typing narrows the list in place (htmx) and the
/// count is announced; without it, the same search is a plain form that opens /draad/{id}/verband?q=….
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LinkPickerTests(BrowserFixture app)
{
    private const string Insight = "Mensen vragen niet snel om hulp";

    [Fact]
    public async Task Typing_a_word_narrows_the_choices_in_place()
    {
        var page = await app.NewSignedInPageAsync(BrowserFixture.Facilitator);
        await page.GotoAsync(app.DemoPath($"/draad/{{item:{Insight}}}"));
        var itemUrl = page.Url;
        var other = page.GetByLabel("Het andere onderdeel");
        await Expect(other.Locator("option", new() { HasText = "Eenzaamheidsschaal van De Jong Gierveld" })).ToHaveCountAsync(1);

        await page.GetByLabel("Zoek op een woord uit de titel of de tekst").FillAsync("zondagen");
        await Expect(page.Locator("#verband-status")).ToContainTextAsync("gevonden");
        await Expect(other.Locator("option", new() { HasText = "Eenzaamheidsschaal van De Jong Gierveld" })).ToHaveCountAsync(0);
        await Expect(other.Locator("option", new() { HasText = "De zondagen" })).ToHaveCountAsync(1);
        // The page stayed the item's page, with one live region, updated in place.
        Assert.Equal(itemUrl, page.Url);
        await Expect(page.Locator("[aria-live=polite]#verband-status")).ToHaveCountAsync(1);
        await Axe.AssertNoAxeViolationsAsync(page);

        await page.GetByLabel("Zoek op een woord uit de titel of de tekst").FillAsync("olifant");
        await Expect(page.Locator("#verband-status")).ToContainTextAsync("Niets gevonden om mee te verbinden.");
        await Expect(page.GetByLabel("Het andere onderdeel")).ToHaveCountAsync(0);
        PageProblems.AssertNone(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Without_JavaScript_the_search_is_a_plain_form()
    {
        var page = await app.NewSignedInPageAsync(BrowserFixture.Facilitator, javaScript: false);
        await page.GotoAsync(app.DemoPath($"/draad/{{item:{Insight}}}"));
        await page.GetByLabel("Zoek op een woord uit de titel of de tekst").FillAsync("zondagen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/draad/\d+/verband\?q=zondagen&soort=$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Verband leggen", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Het andere onderdeel").Locator("option", new() { HasText = "De zondagen" })).ToHaveCountAsync(1);
        await page.Context.CloseAsync();
    }
}
