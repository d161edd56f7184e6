using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Proeftuin.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Proeftuin.BrowserTests;

/// <summary>
/// Issue 4: a facilitator runs a short live session; a resident joins on a phone as a guest by code. Both screens stay
/// live over the hub: private writing, reveal, next step, clustering and voting by keyboard, results. axe runs on the
/// session pages on both screens.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class SessionJourneyTests(BrowserFixture app)
{
    [Fact]
    public async Task A_facilitator_runs_a_session_and_a_guest_joins_by_code_writes_and_votes_by_keyboard()
    {
        var facilitator = await app.NewSignedInPageAsync(BrowserFixture.Facilitator);
        var title = "Buurtkamer-sessie " + Guid.NewGuid().ToString("N")[..6];

        // Plan: a new session on the loneliness project with the standard steps and its question.
        await facilitator.GotoAsync("/projecten/1/sessies/nieuw");
        await Axe.AssertNoAxeViolationsAsync(facilitator, "new session");
        await facilitator.GetByLabel("Titel van de sessie").FillAsync(title);
        await facilitator.GetByLabel("Hoe kunnen we ervoor zorgen dat bewoners op zondag makkelijk iemand treffen?").CheckAsync();
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Sessie aanmaken" }).ClickAsync();
        await Expect(facilitator).ToHaveURLAsync(PlanUrl());
        await Axe.AssertNoAxeViolationsAsync(facilitator, "plan page");
        var sessionId = PlanUrl().Match(facilitator.Url).Groups[1].Value;

        // The wall screen shows the code to type.
        await facilitator.GotoAsync($"/sessies/{sessionId}/scherm");
        await Axe.AssertNoAxeViolationsAsync(facilitator, "wall screen");
        var code = (await facilitator.Locator(".pt-wall__code").InnerTextAsync()).Trim();
        Assert.Matches("^[A-Z0-9]{3}-[A-Z0-9]{3}$", code);

        await facilitator.GotoAsync($"/sessies/{sessionId}");
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Start de sessie" }).ClickAsync();
        await Expect(facilitator.Locator("[data-step-title]")).ToHaveTextAsync("Stil schrijven");
        await Expect(facilitator.Locator("[data-live-status]")).ToContainTextAsync("erbonden");

        // A resident joins on a phone, no account: code, name and perspective.
        var guest = await app.NewPageAsync(width: 320);
        await guest.GotoAsync("/doe-mee");
        await Axe.AssertNoAxeViolationsAsync(guest, "join page");
        await guest.GetByLabel("Code").FillAsync(code.ToLowerInvariant());
        await guest.GetByRole(AriaRole.Button, new() { Name = "Verder" }).ClickAsync();
        await guest.GetByLabel("Naam").FillAsync("Fatima");
        await guest.GetByLabel("Ervaringskennis").CheckAsync();
        await guest.GetByRole(AriaRole.Button, new() { Name = "Doe mee" }).ClickAsync();
        await Expect(guest).ToHaveURLAsync(new Regex($"/sessies/{sessionId}"));
        await Expect(guest.Locator("[data-step-title]")).ToHaveTextAsync("Stil schrijven");
        await Expect(guest.Locator("[data-live-status]")).ToContainTextAsync("erbonden");
        await Axe.AssertNoAxeViolationsAsync(guest, "session page, guest, 320 px");
        // Guests see nothing of the project outside the session.
        Assert.DoesNotContain("Samen tegen eenzaamheid", await guest.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        // Private writing: the note stays with the guest until the facilitator reveals it.
        const string Note = "Een soeptafel op zondag in de buurtkamer";
        await guest.GetByLabel("Jouw post-it").FillAsync(Note);
        await guest.GetByRole(AriaRole.Button, new() { Name = "Plaatsen" }).ClickAsync();
        await Expect(guest.Locator(".pt-note__text", new() { HasText = Note })).ToBeVisibleAsync();
        await Expect(facilitator.Locator("[data-pt-hidden-count]")).ToContainTextAsync("1");
        await Expect(facilitator.Locator(".pt-note__text", new() { HasText = Note })).ToHaveCountAsync(0);

        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Laat de post-its van deze stap zien" }).ClickAsync();
        await Expect(facilitator.Locator(".pt-note__text", new() { HasText = Note })).ToBeVisibleAsync();

        // Next step reaches the guest's phone without a reload.
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Volgende stap" }).ClickAsync();
        await Expect(guest.Locator("[data-step-title]")).ToHaveTextAsync("Delen");
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Volgende stap" }).ClickAsync();
        await Expect(guest.Locator("[data-step-title]")).ToHaveTextAsync("Clusteren");
        await Expect(facilitator.Locator("[data-step-title]")).ToHaveTextAsync("Clusteren");

        // Clustering by keyboard: name a cluster, then move the note with the select and its button.
        await facilitator.GetByLabel("Nieuw cluster").FocusAsync();
        await facilitator.Keyboard.TypeAsync("Samen eten");
        await facilitator.Keyboard.PressAsync("Enter");
        await Expect(facilitator.GetByLabel("Naam van het cluster")).ToHaveValueAsync("Samen eten");
        var card = facilitator.Locator(".pt-note", new() { HasText = Note });
        await card.GetByLabel("Verplaats naar cluster…").FocusAsync();
        await card.GetByLabel("Verplaats naar cluster…").SelectOptionAsync(new SelectOptionValue { Label = "Samen eten" });
        await facilitator.Keyboard.PressAsync("Tab");
        await facilitator.Keyboard.PressAsync("Enter");
        await Expect(guest.Locator("ul[data-pt-cluster]:not([data-pt-cluster='']) .pt-note__text", new() { HasText = Note })).ToBeVisibleAsync();
        await Axe.AssertNoAxeViolationsAsync(facilitator, "session page, facilitator, clustering");

        // Dot voting by keyboard on the phone; the result stays hidden until the facilitator closes the vote.
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Volgende stap" }).ClickAsync();
        await Expect(guest.Locator("[data-step-title]")).ToHaveTextAsync("Stemmen met stippen");
        var vote = guest.Locator(".pt-note", new() { HasText = Note }).GetByRole(AriaRole.Button, new() { Name = "Stip zetten" });
        await vote.FocusAsync();
        await guest.Keyboard.PressAsync("Enter");
        await Expect(guest.Locator("[data-pt-votes-left]")).ToContainTextAsync("2 van de 3");
        await Expect(guest.Locator(".pt-results")).ToHaveCountAsync(0);
        await Axe.AssertNoAxeViolationsAsync(guest, "session page, guest, voting");

        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Stemming sluiten en uitslag tonen" }).ClickAsync();
        var results = guest.Locator(".pt-results");
        await Expect(results).ToBeVisibleAsync();
        await Expect(results).ToContainTextAsync(Note);
        await Expect(results).ToContainTextAsync("100 %");

        // The summary prints what happened.
        await facilitator.GotoAsync($"/sessies/{sessionId}/samenvatting");
        await Expect(facilitator.Locator("main")).ToContainTextAsync("Samen eten");
        await Axe.AssertNoAxeViolationsAsync(facilitator, "summary");

        PageProblems.AssertNone(facilitator);
        PageProblems.AssertNone(guest);
    }

    [GeneratedRegex(@"/sessies/(\d+)/voorbereiden$")]
    private static partial Regex PlanUrl();
}
