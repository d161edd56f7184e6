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
    public async Task Sharing_and_signifying_a_story_works_without_JavaScript()
    {
        var page = await app.NewSignedInPageAsync(BrowserFixture.Resident, javaScript: false);
        await page.GotoAsync("/projecten/1/verhalen/delen");
        var title = "Zonder script verteld " + Guid.NewGuid().ToString("N")[..6];
        await page.GetByLabel("Vertel over een moment waarop je je alleen voelde. Wat gebeurde er?").CheckAsync();
        await page.GetByLabel("Het verhaal", new() { Exact = true }).FillAsync("Op oudejaarsavond was ik alleen thuis. De buren klopten om twaalf uur aan.");
        await page.GetByLabel("Titel").FillAsync(title);
        await page.GetByLabel("Vanuit welke kennis wordt dit verteld?").SelectOptionAsync(new SelectOptionValue { Label = "Ervaringskennis" });
        await page.GetByLabel("Alleen het projectteam", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Verhaal opslaan" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/verhalen/(\d+)/duiden$"));
        var signify = page.Url;
        // No script: no drawings, only the plain inputs.
        await Expect(page.Locator(".pt-triad")).ToBeHiddenAsync();
        await Expect(page.Locator(".pt-stones")).ToBeHiddenAsync();

        // A wrong sum comes back from the server.
        await page.Locator("#hulp_top").FillAsync("60");
        await page.Locator("#hulp_left").FillAsync("30");
        await page.Locator("#hulp_right").FillAsync("20");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Opslaan", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("De drie percentages moeten samen 100 zijn. Nu is het samen 110.");

        await page.Locator("#hulp_right").FillAsync("10");
        // The slider is a native range: arrow keys work without script, and its value is sent and counted.
        var slider = page.Locator("#regie_x");
        await slider.FocusAsync();
        for (var i = 0; i < 15; i++) await page.Keyboard.PressAsync("ArrowLeft");
        await Expect(slider).ToHaveValueAsync("35");
        await page.Locator("#betrokkenen_familie_x").FillAsync("80");
        await page.Locator("#betrokkenen_familie_y").FillAsync("60");
        await page.GetByLabel("Allebei").CheckAsync();
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Opslaan", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Je antwoorden over je verhaal zijn opgeslagen.");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await page.GotoAsync(signify);
        await Expect(page.Locator("#hulp_top")).ToHaveValueAsync("60");
        await Expect(page.Locator("#hulp_left")).ToHaveValueAsync("30");
        await Expect(page.Locator("#hulp_right")).ToHaveValueAsync("10");
        await Expect(slider).ToHaveValueAsync("35");
        await Expect(page.Locator("#betrokkenen_familie_x")).ToHaveValueAsync("80");
        await Expect(page.Locator("#betrokkenen_familie_y")).ToHaveValueAsync("60");
        await Expect(page.GetByLabel("Allebei")).ToBeCheckedAsync();
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

    [Fact]
    public async Task A_live_session_runs_on_plain_forms_without_JavaScript()
    {
        var facilitator = await app.NewSignedInPageAsync(BrowserFixture.Facilitator, javaScript: false);
        await facilitator.GotoAsync("/projecten/1/sessies/nieuw");
        await facilitator.GetByLabel("Titel van de sessie").FillAsync("Zonder JavaScript " + Guid.NewGuid().ToString("N")[..6]);
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Sessie aanmaken" }).ClickAsync();
        var sessionUrl = facilitator.Url.Replace("/voorbereiden", "", StringComparison.Ordinal);
        await facilitator.GotoAsync(sessionUrl + "/scherm");
        var code = (await facilitator.Locator(".pt-wall__code").InnerTextAsync()).Trim();
        await facilitator.GotoAsync(sessionUrl);
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Start de sessie" }).ClickAsync();

        var guest = await app.NewPageAsync(width: 320, javaScript: false);
        await guest.GotoAsync("/doe-mee");
        await guest.GetByLabel("Code").FillAsync(code);
        await guest.GetByRole(AriaRole.Button, new() { Name = "Verder" }).ClickAsync();
        await guest.GetByLabel("Naam").FillAsync("Kees");
        await guest.GetByLabel("Ervaringskennis").CheckAsync();
        await guest.GetByRole(AriaRole.Button, new() { Name = "Doe mee" }).ClickAsync();
        await guest.GetByLabel("Jouw post-it").FillAsync("Een buurtbus naar de markt");
        await guest.GetByRole(AriaRole.Button, new() { Name = "Plaatsen" }).ClickAsync();
        await Expect(guest.Locator(".pt-note__text", new() { HasText = "Een buurtbus naar de markt" })).ToBeVisibleAsync();

        // The facilitator reveals and moves on to voting: each click is a full page load.
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Laat de post-its van deze stap zien" }).ClickAsync();
        for (var i = 0; i < 3; i++)
            await facilitator.GetByRole(AriaRole.Button, new() { Name = "Volgende stap" }).ClickAsync();
        await Expect(facilitator.Locator("[data-step-title]")).ToHaveTextAsync("Stemmen met stippen");

        await guest.ReloadAsync();
        await guest.Locator(".pt-note", new() { HasText = "Een buurtbus naar de markt" }).GetByRole(AriaRole.Button, new() { Name = "Stip zetten" }).ClickAsync();
        await Expect(guest.Locator("[data-pt-votes-left]")).ToContainTextAsync("2 van de 3");

        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Stemming sluiten en uitslag tonen" }).ClickAsync();
        await guest.ReloadAsync();
        await Expect(guest.Locator(".pt-results")).ToContainTextAsync("Een buurtbus naar de markt");
        PageProblems.AssertNone(facilitator);
        PageProblems.AssertNone(guest);
        await guest.Context.CloseAsync();
        await facilitator.Context.CloseAsync();
    }
}
