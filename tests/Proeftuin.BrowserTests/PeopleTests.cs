using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Proeftuin.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Proeftuin.BrowserTests;

/// <summary>Issue 9: Mijn Proeftuin after sign-in, and open invitations a facilitator revokes.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class PeopleTests(BrowserFixture app)
{
    [Fact]
    public async Task Signing_in_lands_on_Mijn_Proeftuin_which_the_header_links_to()
    {
        var page = await app.NewPageAsync();
        await BrowserFixture.SignInWithPasswordAsync(page, BrowserFixture.Researcher);
        await Expect(page).ToHaveURLAsync(MineUrl());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mijn Proeftuin");
        await page.GotoAsync("/programmas/1");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Mijn Proeftuin" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(MineUrl());
        await Axe.AssertNoAxeViolationsAsync(page);
        PageProblems.AssertNone(page);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(320)]
    public async Task A_facilitator_revokes_an_open_invitation_link(int width)
    {
        var page = await app.NewSignedInPageAsync(BrowserFixture.Facilitator, width);
        var findings = new StringBuilder();
        await page.GotoAsync("/projecten/1/leden");
        await page.GetByRole(AriaRole.Button, new() { Name = "Maak een uitnodigingslink (zonder e-mail)" }).ClickAsync();
        var link = await page.GetByLabel("Uitnodigingslink").InputValueAsync();

        await page.GotoAsync("/projecten/1/leden");
        var open = page.Locator("section[aria-labelledby=openstaand]");
        await Expect(open).ToContainTextAsync("Uitnodigingslink (zonder e-mail)");
        await AccessibilityTests.CheckAsync(page, "/projecten/1/leden (open invitations)", width, findings);

        await open.GetByRole(AriaRole.Button, new() { Name = "Intrekken" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("De uitnodiging is ingetrokken.");
        await AccessibilityTests.CheckAsync(page, "/projecten/1/leden (revoked)", width, findings);

        // Newest first: the link just made is the one revoked.
        var visitor = await app.NewPageAsync(width);
        await visitor.GotoAsync(link);
        await Expect(visitor.GetByRole(AriaRole.Main)).ToContainTextAsync("Deze uitnodiging is ingetrokken door de procesbegeleider.");
        await AccessibilityTests.CheckAsync(visitor, "/uitnodiging/{revoked}", width, findings);

        PageProblems.AssertNone(page);
        await page.Context.CloseAsync();
        await visitor.Context.CloseAsync();
        if (findings.Length > 0) Assert.Fail(findings.ToString());
    }

    [GeneratedRegex("/mijn$")]
    private static partial Regex MineUrl();
}
