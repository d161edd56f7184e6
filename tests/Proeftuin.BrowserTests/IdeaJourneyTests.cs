using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Proeftuin.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Proeftuin.BrowserTests;

/// <summary>
/// Ideas grow up (issue 12): a facilitator enters an idea on its question, parks it (the reason is asked for), and a
/// resident supports it on a phone-sized screen. axe runs on every state, including the refused form.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class IdeaJourneyTests(BrowserFixture app)
{
    private const string Question = "Hoe kunnen we ervoor zorgen dat bewoners op zondag makkelijk iemand treffen?";

    [Fact]
    public async Task A_facilitator_enters_an_idea_on_its_question_parks_it_with_a_reason_and_a_resident_supports_it_on_a_phone()
    {
        var title = "Een zondagse wandelgroep " + Guid.NewGuid().ToString("N")[..6];
        var lead = await app.NewSignedInPageAsync(BrowserFixture.Facilitator);
        await lead.GotoAsync("/projecten/1/draad/nieuw?soort=idee");
        await Axe.AssertNoAxeViolationsAsync(lead);
        // The question comes first; picking it is a radio button with its label.
        await lead.GetByRole(AriaRole.Group, new() { Name = "Welke vraag beantwoordt dit idee?" }).GetByLabel(Question).CheckAsync();
        await lead.GetByLabel("Titel").FillAsync(title);
        await lead.GetByLabel("Titel").PressAsync("Enter");
        await Expect(lead).ToHaveURLAsync(IdeaUrl());
        var ideaUrl = new Uri(lead.Url).AbsolutePath;
        await Expect(lead.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await Expect(lead.Locator(".pt-idea-questions")).ToContainTextAsync(Question);
        await Axe.AssertNoAxeViolationsAsync(lead);

        // Parking without a reason is refused next to the field; with one it is kept in the history.
        await lead.GetByLabel("Nieuwe status").SelectOptionAsync(new SelectOptionValue { Label = "Geparkeerd" });
        await lead.GetByRole(AriaRole.Button, new() { Name = "Status wijzigen" }).ClickAsync();
        await Expect(lead.Locator("#StatusInput_Reason-error")).ToHaveTextAsync("Vul de reden in.");
        await Expect(lead.GetByLabel("Reden")).ToHaveAttributeAsync("aria-invalid", "true");
        await Axe.AssertNoAxeViolationsAsync(lead);
        await lead.GetByLabel("Reden").FillAsync("Eerst kijken of het buurthuis op zondag open kan.");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Status wijzigen" }).ClickAsync();
        await Expect(lead.Locator(".pt-idea-history")).ToContainTextAsync("Van Nieuw naar Geparkeerd");
        await Expect(lead.Locator(".pt-idea-history")).ToContainTextAsync("Eerst kijken of het buurthuis op zondag open kan.");
        await Axe.AssertNoAxeViolationsAsync(lead);

        // A resident on a phone: the list shows the idea, the idea page the support button.
        var phone = await app.NewSignedInPageAsync(BrowserFixture.Resident, width: 390);
        await phone.GotoAsync("/projecten/1/ideeen?status=geparkeerd");
        await Axe.AssertNoAxeViolationsAsync(phone);
        await phone.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(phone).ToHaveURLAsync(new Regex(Regex.Escape(ideaUrl) + "$"));
        await phone.GetByRole(AriaRole.Button, new() { Name = "Ik steun dit idee" }).ClickAsync();
        await Expect(phone.Locator("#steun")).ToContainTextAsync("1 persoon steunt dit idee.");
        await Expect(phone.Locator("#steun")).ToContainTextAsync("Je steunt dit idee.");
        await Expect(phone.Locator(".pt-idea-support__table")).ToContainTextAsync("Ervaringskennis");
        await Axe.AssertNoAxeViolationsAsync(phone);
        Assert.True(await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390, "The idea page scrolls sideways at 390 px.");
        PageProblems.AssertNone(lead);
        PageProblems.AssertNone(phone);
    }

    [GeneratedRegex(@"/ideeen/\d+$")]
    private static partial Regex IdeaUrl();
}
