using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Proeftuin.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Proeftuin.BrowserTests;

/// <summary>
/// Issue 15 "Eerlijk wegen": the facilitator sets the rule for small groups on the plan page of a session that has not
/// voted yet, and reads the results of the demo session that did, where the one researcher is named plainly. Axe (and
/// reflow at 320 px) on each page, screenshots at 390 and 1280 px (kleine-groepen-*.png in the temp folder).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SmallGroupRuleJourneyTests(BrowserFixture app)
{
    [Fact]
    public async Task A_facilitator_chooses_the_rule_before_the_vote_and_reads_the_flag_in_the_results()
    {
        var findings = new StringBuilder();
        var facilitator = await app.NewSignedInPageAsync(BrowserFixture.Facilitator);

        await facilitator.GotoAsync("/projecten/1/sessies");
        await facilitator.GetByRole(AriaRole.Link, new() { Name = "Vervolg: het open huis uitwerken" }).First.ClickAsync();
        await Expect(facilitator).ToHaveURLAsync(new Regex(@"/sessies/\d+$"));
        var sessionUrl = facilitator.Url;
        await facilitator.GotoAsync(sessionUrl + "/voorbereiden");
        await facilitator.GetByLabel("Een groep is klein bij minder dan … mensen").FillAsync("4");
        await facilitator.GetByLabel("Telt naar verhouding").CheckAsync();
        await Journeys.CheckAsync(facilitator, "plan page, rule for small groups", findings, "kleine-groepen", "voorbereiden");
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Regel opslaan" }).ClickAsync();
        await Expect(facilitator.GetByRole(AriaRole.Status).First).ToContainTextAsync("De regel voor kleine groepen is opgeslagen.");
        await Expect(facilitator.GetByLabel("Telt naar verhouding")).ToBeCheckedAsync();
        await Expect(facilitator.GetByLabel("Een groep is klein bij minder dan … mensen")).ToHaveValueAsync("4");

        // The demo session that already voted: the researcher voted alone, and the rule is printed with the results.
        await facilitator.GotoAsync("/projecten/1/sessies");
        await facilitator.GetByRole(AriaRole.Link, new() { Name = "Zondagen anders: ideeën voor ontmoeting" }).First.ClickAsync();
        await facilitator.GotoAsync(facilitator.Url + "/samenvatting");
        await Expect(facilitator.Locator("[data-results-small]").First).ToContainTextAsync("Maar 1 persoon stemde vanuit wetenschappelijke kennis.");
        await Expect(facilitator.Locator("[data-results-rule]").First).ToContainTextAsync("Regel voor kleine groepen (minder dan 3 mensen): telt volledig mee.");
        await Expect(facilitator.Locator("table.pt-results th[scope=colgroup]").Last).ToContainTextAsync("1 persoon");
        await Journeys.CheckAsync(facilitator, "summary with a small group", findings, "kleine-groepen", "samenvatting");

        Assert.True(findings.Length == 0, findings.ToString());
    }
}
