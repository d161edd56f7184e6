using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Proeftuin.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Proeftuin.BrowserTests;

/// <summary>
/// Issue 15: the facilitator sees who is in, takes a participant out and closes joining, by keyboard only; the one
/// taken out sees why, a newcomer is refused. axe and screenshots (1280 and 390 px) of the facilitator's list.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ParticipantJourneyTests(BrowserFixture app)
{
    [Fact]
    public async Task A_facilitator_removes_a_participant_and_closes_joining_by_keyboard()
    {
        var findings = new StringBuilder();
        var facilitator = await app.NewSignedInPageAsync(BrowserFixture.Facilitator);
        await facilitator.GotoAsync("/projecten/1/sessies/nieuw");
        await facilitator.GetByLabel("Titel van de sessie").FillAsync("Deelnemers-sessie " + Guid.NewGuid().ToString("N")[..6]);
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Sessie aanmaken" }).ClickAsync();
        await Expect(facilitator).ToHaveURLAsync(PlanUrl());
        var sessionId = PlanUrl().Match(facilitator.Url).Groups[1].Value;
        await facilitator.GotoAsync($"/sessies/{sessionId}/scherm");
        var code = (await facilitator.Locator(".pt-wall__code").InnerTextAsync()).Trim();
        await facilitator.GotoAsync($"/sessies/{sessionId}");
        await Expect(facilitator.Locator("[data-live-status]")).ToContainTextAsync("erbonden");

        // Two residents join by code; the facilitator's list fills live.
        var fatima = await JoinAsync(code, "Fatima");
        var kees = await JoinAsync(code, "Kees");
        var list = facilitator.Locator("#deelnemers tbody");
        await Expect(list).ToContainTextAsync("Fatima");
        await Expect(list).ToContainTextAsync("Kees");
        await Journeys.CheckAsync(facilitator, "session page, facilitator, participant list", findings, "participants", "list");
        await facilitator.SetViewportSizeAsync(1280, 900);

        // Take Kees out, by keyboard: focus the button, Enter, accept the question.
        facilitator.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        // The visually hidden name part may be read with a space before its colon.
        await facilitator.GetByRole(AriaRole.Button, new() { NameRegex = new Regex(@"^Uit de sessie halen\s*:\s*Kees$") }).FocusAsync();
        await facilitator.Keyboard.PressAsync("Enter");
        await Expect(list).Not.ToContainTextAsync("Kees");
        await Expect(facilitator.Locator("#deelnemers-titel")).ToBeFocusedAsync();
        await Expect(kees.Locator("main")).ToContainTextAsync("De begeleider heeft je uit deze sessie gehaald.");

        // Close joining, by keyboard: the select, then its button.
        await facilitator.GetByLabel("Meedoen", new() { Exact = true }).FocusAsync();
        await facilitator.GetByLabel("Meedoen", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Gesloten: niemand nieuw meer" });
        await facilitator.Keyboard.PressAsync("Tab");
        await facilitator.Keyboard.PressAsync("Enter");
        await Expect(facilitator.Locator("[data-joining-state]")).ToContainTextAsync("Meedoen is gesloten");
        await Journeys.CheckAsync(facilitator, "session page, facilitator, joining closed", findings, "participants", "closed");

        // A newcomer is refused; Fatima, already in, carries on.
        var late = await app.NewPageAsync(width: 390);
        await late.GotoAsync($"/doe-mee/{code.Replace("-", "", StringComparison.Ordinal)}");
        await Expect(late.Locator("main")).ToContainTextAsync("Meedoen is gesloten: de begeleider heeft de deelnemerslijst gesloten.");
        await Axe.AssertNoAxeViolationsAsync(late, "join page, joining closed");
        await fatima.ReloadAsync();
        await Expect(fatima.Locator("h1")).Not.ToHaveTextAsync("Sessie");
        await Expect(fatima.Locator("[data-live-status]")).ToContainTextAsync("erbonden");
        await Axe.AssertNoAxeViolationsAsync(kees, "session page, removed participant");

        Assert.True(findings.Length == 0, findings.ToString());
        PageProblems.AssertNone(facilitator);
        PageProblems.AssertNone(fatima);
    }

    private async Task<IPage> JoinAsync(string code, string name)
    {
        var page = await app.NewPageAsync(width: 390);
        await page.GotoAsync("/doe-mee");
        await page.GetByLabel("Code").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Verder" }).ClickAsync();
        await page.GetByLabel("Naam").FillAsync(name);
        await page.GetByLabel("Ervaringskennis").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Doe mee" }).ClickAsync();
        await Expect(page.Locator("[data-live-status]")).ToContainTextAsync("erbonden");
        return page;
    }

    [GeneratedRegex(@"/sessies/(\d+)/voorbereiden$")]
    private static partial Regex PlanUrl();
}
