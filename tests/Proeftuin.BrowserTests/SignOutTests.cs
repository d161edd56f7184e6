using Microsoft.Playwright;
using Proeftuin.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Proeftuin.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class SignOutTests(BrowserFixture app)
{
    [Fact]
    public async Task Signing_out_from_the_header_signs_out()
    {
        var page = await app.NewPageAsync();
        await BrowserFixture.SignInWithPasswordAsync(page, BrowserFixture.Observer);
        await page.GotoAsync("/programmas/1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" })
            .GetByRole(AriaRole.Link, new() { Name = "Inloggen", Exact = true })).ToBeVisibleAsync();
        await page.GotoAsync("/account");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/inloggen"));
        PageProblems.AssertNone(page);
        await page.Context.CloseAsync();
    }
}
