using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Proeftuin.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Proeftuin.BrowserTests.Infrastructure.KeyboardOnly;

namespace Proeftuin.BrowserTests;

/// <summary>
/// Issue 14 (volgen): a facilitator follows the demo project with the Volgen button, by keyboard, sees it on /volgen
/// with the digest choice, picks a weekly digest and stops following again. The resident's /volgen shows the demo digest
/// waiting. Axe (and reflow at 320 px) on each page, screenshots at 1280 and 390 px.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FollowJourneyTests(BrowserFixture app)
{
    private static Task CheckAsync(IPage page, string where, StringBuilder findings, string shot) => Journeys.CheckAsync(page, where, findings, "volgen", shot);

    [Fact]
    public async Task A_facilitator_follows_a_project_chooses_a_weekly_digest_and_stops_by_keyboard()
    {
        var findings = new StringBuilder();
        var facilitator = await app.NewSignedInPageAsync(BrowserFixture.Facilitator);
        await facilitator.GotoAsync("/projecten/1");
        await EnterAsync(facilitator.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Volgen") }));
        await Expect(facilitator).ToHaveURLAsync(new Regex("/projecten/1$"));
        await Expect(facilitator.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Niet meer volgen") })).ToBeVisibleAsync();
        await CheckAsync(facilitator, "project followed", findings, "project");

        await facilitator.GotoAsync("/volgen");
        await Expect(facilitator.GetByRole(AriaRole.Heading, new() { Name = "Wat je volgt" })).ToBeVisibleAsync();
        await ChooseAsync(facilitator.GetByLabel("Elke week één e-mail, op maandag"));
        await EnterAsync(facilitator.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }));
        await Expect(facilitator.GetByText("Opgeslagen. Je krijgt elke maandag een samenvatting.")).ToBeVisibleAsync();
        await CheckAsync(facilitator, "weekly chosen", findings, "overzicht");
        await EnterAsync(facilitator.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Niet meer volgen") }).First);
        await Expect(facilitator.GetByText("Je volgt dit niet meer.")).ToBeVisibleAsync();
        PageProblems.AssertNone(facilitator);

        var resident = await app.NewSignedInPageAsync(BrowserFixture.Resident);
        await resident.GotoAsync("/volgen");
        await Expect(resident.GetByRole(AriaRole.Heading, new() { Name = "In je volgende samenvatting" })).ToBeVisibleAsync();
        await Expect(resident.GetByText(new Regex("Reactie op het initiatief")).First).ToBeVisibleAsync();
        await CheckAsync(resident, "resident's digest waiting", findings, "inwoner");
        await facilitator.Context.CloseAsync();
        await resident.Context.CloseAsync();
        Assert.True(findings.Length == 0, findings.ToString());
    }
}
