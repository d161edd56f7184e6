using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Proeftuin.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Proeftuin.BrowserTests.Infrastructure.KeyboardOnly;

namespace Proeftuin.BrowserTests;

/// <summary>
/// Issue 14 (vraag en aanbod): the researcher finds the wijkteam's busje in the list and sends a private message by
/// keyboard (the form first sent empty); the message shows only in their conversation. Axe (and reflow at 320 px) on
/// each page, screenshots at 1280 and 390 px.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OfferJourneyTests(BrowserFixture app)
{
    private static Task CheckAsync(IPage page, string where, StringBuilder findings, string shot) => Journeys.CheckAsync(page, where, findings, "aanbod", shot);

    [Fact]
    public async Task A_researcher_replies_privately_to_an_offer_by_keyboard()
    {
        var findings = new StringBuilder();
        var researcher = await app.NewSignedInPageAsync(BrowserFixture.Researcher);
        await researcher.GotoAsync("/vraag-en-aanbod");
        await CheckAsync(researcher, "list", findings, "lijst");
        await EnterAsync(researcher.GetByRole(AriaRole.Link, new() { Name = "Ik heb een busje op zaterdag" }));
        await Expect(researcher).ToHaveURLAsync(new Regex(@"/vraag-en-aanbod/\d+$"));
        await EnterAsync(researcher.GetByRole(AriaRole.Button, new() { Name = "Verstuur" }));
        await Expect(researcher.GetByRole(AriaRole.Alert).First).ToBeVisibleAsync();
        await CheckAsync(researcher, "message sent empty", findings, "bericht-fout");
        await TypeAsync(researcher.GetByLabel("Je bericht"), "Kun je op 20 december helpen met stoelen ophalen?");
        await EnterAsync(researcher.GetByRole(AriaRole.Button, new() { Name = "Verstuur" }));
        await Expect(researcher.GetByText("Kun je op 20 december helpen met stoelen ophalen?")).ToBeVisibleAsync();
        await CheckAsync(researcher, "message sent", findings, "bericht");
        PageProblems.AssertNone(researcher);
        await researcher.Context.CloseAsync();
        Assert.True(findings.Length == 0, findings.ToString());
    }
}
