using Proeftuin.BrowserTests.Infrastructure;

namespace Proeftuin.BrowserTests;

/// <summary>Guards the guard: the axe helper must really find violations, or every green axe check means nothing.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AxeHelperTests(BrowserFixture app)
{
    [Fact]
    public async Task The_axe_helper_reports_rule_impact_and_selector()
    {
        var page = await app.NewPageAsync();
        await page.SetContentAsync("""
            <!DOCTYPE html><html><head><title>t</title></head><body><main>
            <h1>Test</h1><img src="x.png" id="no-alt"><label>Naam</label><input id="no-label" type="text">
            </main></body></html>
            """);
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => Axe.AssertNoAxeViolationsAsync(page, "test page"));
        Assert.Contains("image-alt (critical)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("#no-alt", failure.Message, StringComparison.Ordinal);
        Assert.Contains("html-has-lang", failure.Message, StringComparison.Ordinal);
        Assert.Contains("#no-label", failure.Message, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}
