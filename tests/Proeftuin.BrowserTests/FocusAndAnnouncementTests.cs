using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Proeftuin.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Proeftuin.BrowserTests;

/// <summary>
/// What a screen-reader user notices: after a refused submit focus is on the error summary (and a link to a radio
/// group reaches its first radio); the programme filter's count is announced by a live region that stays in place.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FocusAndAnnouncementTests(BrowserFixture app)
{
    public static TheoryData<string?, string, string> Forms() => new()
    {
        { null, "/registreren", "Account maken" },
        { BrowserFixture.Facilitator, "/projecten/nieuw?programmeId=1", "Project maken" },
        { BrowserFixture.Resident, "/projecten/1/verhalen/delen", "Verhaal opslaan" },
        { BrowserFixture.Facilitator, "/nieuws/nieuw?projectId=1", "Plaatsen" },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task After_a_refused_submit_focus_is_on_the_error_summary(string? who, string path, string button)
    {
        var page = who is null ? await app.NewPageAsync() : await app.NewSignedInPageAsync(who);
        await page.GotoAsync(path);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();

        var summary = page.Locator(".pt-error-summary");
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary).ToHaveAttributeAsync("role", "alert");
        // The next Tab reaches the first link of the summary.
        await page.Keyboard.PressAsync("Tab");
        await Expect(summary.GetByRole(AriaRole.Link).First).ToBeFocusedAsync();
        PageProblems.AssertNone(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_summary_link_to_a_radio_group_goes_to_its_first_radio()
    {
        var page = await app.NewSignedInPageAsync(BrowserFixture.Resident);
        await page.GotoAsync("/projecten/1/verhalen/delen");
        await page.Locator("#Input_Text").FillAsync("Op zondag is het stil in huis.");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Verhaal opslaan", Exact = true }).ClickAsync();

        var link = page.Locator(".pt-error-summary a[data-field='Input.Scope']");
        await Expect(link).ToBeVisibleAsync();
        await link.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var firstRadio = page.Locator("input[type=radio][name='Input.Scope']").First;
        await Expect(firstRadio).ToBeFocusedAsync();
        // Arrow keys move through the group from there, as in any radio group.
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(page.Locator("input[type=radio][name='Input.Scope']").Nth(1)).ToBeCheckedAsync();
        PageProblems.AssertNone(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Without_JavaScript_the_summary_is_at_the_top_of_the_form_as_an_alert()
    {
        var page = await app.NewPageAsync(javaScript: false);
        await page.GotoAsync("/registreren");
        await page.GetByRole(AriaRole.Button, new() { Name = "Account maken", Exact = true }).ClickAsync();
        var summary = page.GetByRole(AriaRole.Alert);
        await Expect(summary).ToContainTextAsync("Controleer het formulier");
        var beforeForm = await page.EvaluateAsync<bool>("""
            () => { const s = document.querySelector('.pt-error-summary'), f = document.querySelector('main form[method=post]');
                    return !!s && !!f && !!(s.compareDocumentPosition(f) & Node.DOCUMENT_POSITION_FOLLOWING); }
            """);
        Assert.True(beforeForm, "the error summary should come before the form");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_programme_filter_updates_the_text_of_the_same_live_region()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/programmas/1");
        var count = page.Locator("#projectaantal");
        await Expect(count).ToHaveAttributeAsync("role", "status");
        var before = (await count.InnerTextAsync()).Trim();
        // Mark the element: if htmx replaced it, the new one would not carry the mark.
        await count.EvaluateAsync("el => { el.dataset.same = 'ja'; }");

        await page.GetByLabel("Domein").SelectOptionAsync(new SelectOptionValue { Label = "Wonen" });
        await Expect(page).ToHaveURLAsync(new Regex("domein=wonen", RegexOptions.IgnoreCase));
        await Expect(page.Locator("#projectlijst")).Not.ToContainTextAsync("Armoede en schulden");

        await Expect(count).Not.ToHaveTextAsync(before);
        await Expect(count).ToHaveAttributeAsync("data-same", "ja");
        await Expect(page.Locator("[role=status]#projectaantal")).ToHaveCountAsync(1);
        var cards = await page.Locator("#projectlijst .pt-card").CountAsync();
        await Expect(count).ToHaveTextAsync(cards == 1 ? "1 project gevonden" : $"{cards} projecten gevonden");
        await Axe.AssertNoAxeViolationsAsync(page);
        PageProblems.AssertNone(page);
        await page.Context.CloseAsync();
    }
}
