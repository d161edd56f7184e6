using System.Text;
using Proeftuin.BrowserTests.Infrastructure;

namespace Proeftuin.BrowserTests;

/// <summary>
/// Issue 14 (programme dashboard): the demo programme's overview, signed out and as the facilitator, and in English.
/// Axe and reflow at 1280 and 320 px, screenshots at 390 and 1280 px (programmadashboard-*.png in the temp folder).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ProgrammeDashboardTests(BrowserFixture app)
{
    [Fact]
    public async Task The_programme_overview_passes_axe_reflows_and_reads_in_English()
    {
        var findings = new StringBuilder();
        var anonymous = await app.NewPageAsync(1280);
        await anonymous.GotoAsync(app.DemoPath("/programmas/1/overzicht"));
        await Journeys.CheckAsync(anonymous, "/programmas/1/overzicht", findings, "programmadashboard", "anoniem");
        await anonymous.Context.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = ".AspNetCore.Culture", Value = "c=en|uic=en", Url = app.BaseUrl }]);
        await anonymous.GotoAsync(app.DemoPath("/programmas/1/overzicht"));
        Assert.Contains("Participation per month", await anonymous.InnerTextAsync("main"), StringComparison.Ordinal);
        await Journeys.CheckAsync(anonymous, "/programmas/1/overzicht (English)", findings, "programmadashboard", "engels", phoneOnly: true);
        PageProblems.AssertNone(anonymous);
        await anonymous.Context.CloseAsync();

        var facilitator = await app.NewSignedInPageAsync(BrowserFixture.Facilitator, 1280);
        await facilitator.GotoAsync(app.DemoPath("/programmas/1/overzicht"));
        await Journeys.CheckAsync(facilitator, "/programmas/1/overzicht as facilitator", findings, "programmadashboard", "procesbegeleider");
        PageProblems.AssertNone(facilitator);
        await facilitator.Context.CloseAsync();
        Assert.True(findings.Length == 0, findings.ToString());
    }
}
