using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Proeftuin.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Proeftuin.BrowserTests;

/// <summary>Every task works without JavaScript: plain forms and full page loads (htmx only enhances).</summary>
[Collection(BrowserCollection.Name)]
public sealed class NoJavaScriptTests(BrowserFixture app)
{
    [Fact]
    public async Task The_programme_filters_work_with_the_submit_button_without_JavaScript()
    {
        var page = await app.NewPageAsync(javaScript: false);
        await page.GotoAsync("/programmas/1");
        var list = page.Locator("#projectlijst");
        await Expect(list).ToContainTextAsync("Armoede en schulden");

        await page.GetByLabel("Domein").SelectOptionAsync(new SelectOptionValue { Label = "Wonen" });
        await page.GetByLabel("Fase", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Prototypen" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter toepassen" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/programmas/1\?.*domein=wonen.*fase=Prototype", RegexOptions.IgnoreCase));
        await Expect(list).ToContainTextAsync("Buurtkamer als ontmoetingsplek");
        await Expect(list).Not.ToContainTextAsync("Armoede en schulden");
        await Expect(list).Not.ToContainTextAsync("Samen tegen eenzaamheid in de wijk");
        // The chosen filters stay selected after the reload.
        await Expect(page.GetByLabel("Domein")).ToHaveValueAsync("wonen");
        await Expect(list.GetByRole(AriaRole.Link, new() { Name = "Filters wissen" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Creating_a_project_works_without_JavaScript()
    {
        var page = await app.NewSignedInPageAsync(BrowserFixture.Facilitator, javaScript: false);
        await page.GotoAsync("/projecten/nieuw?programmeId=1");

        // Empty first: the error summary comes back from the server.
        await page.GetByRole(AriaRole.Button, new() { Name = "Project maken" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Titel")).ToHaveAttributeAsync("aria-invalid", "true");

        var title = "Zonder script " + Guid.NewGuid().ToString("N")[..6];
        await page.GetByLabel("Titel").FillAsync(title);
        await page.GetByLabel("Vraagstuk").FillAsync("Hoe kunnen we alles ook zonder JavaScript laten werken?");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Onderwijs", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Project maken" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/projecten/\d+$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Onderwijs");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task With_JavaScript_the_filters_update_the_list_as_you_choose()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/programmas/1");
        var list = page.Locator("#projectlijst");
        await Expect(list).ToContainTextAsync("Armoede en schulden");

        await page.GetByLabel("Domein").SelectOptionAsync(new SelectOptionValue { Label = "Wonen" });

        // htmx swaps the list and pushes the address, without pressing the button.
        await Expect(page).ToHaveURLAsync(new Regex(@"domein=wonen", RegexOptions.IgnoreCase));
        await Expect(list).Not.ToContainTextAsync("Armoede en schulden");
        await Expect(list).ToContainTextAsync("Samen tegen eenzaamheid in de wijk");
        await Axe.AssertNoAxeViolationsAsync(page);
        PageProblems.AssertNone(page);
        await page.Context.CloseAsync();
    }
}
