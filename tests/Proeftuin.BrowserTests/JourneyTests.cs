using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Proeftuin.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Proeftuin.BrowserTests;

/// <summary>
/// The main journey of a facilitator: sign in with the e-mailed link, create a project, invite a
/// colleague (who accepts in their own browser), move the phase with a reason. axe runs on every page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class JourneyTests(BrowserFixture app)
{
    [Fact]
    public async Task Facilitator_signs_in_by_link_creates_a_project_invites_a_member_and_moves_the_phase()
    {
        var page = await app.NewPageAsync();

        // Start page → sign-in page through the header link.
        await page.GotoAsync("/");
        await Axe.AssertNoAxeViolationsAsync(page);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" })
            .GetByRole(AriaRole.Link, new() { Name = "Inloggen", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(SignInUrl());
        await Axe.AssertNoAxeViolationsAsync(page);

        // Ask for a link by keyboard: type the address, press Enter.
        var requestedAt = DateTime.UtcNow;
        var linkEmail = page.GetByLabel("Je e-mailadres");
        await linkEmail.FocusAsync();
        await page.Keyboard.TypeAsync(BrowserFixture.Facilitator);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("inloglink");
        await Axe.AssertNoAxeViolationsAsync(page);

        // The link from the pickup folder signs in after pressing Inloggen.
        var signInLink = await app.Mailbox.WaitForLinkAsync(BrowserFixture.Facilitator, "/inloggen/link/", requestedAt);
        Assert.StartsWith(app.BaseUrl + "/inloggen/link/", signInLink, StringComparison.Ordinal);
        await page.GotoAsync(signInLink);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Inloggen met je link");
        await Axe.AssertNoAxeViolationsAsync(page);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Inloggen", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" })).ToBeVisibleAsync();
        await Axe.AssertNoAxeViolationsAsync(page);

        // Create a project from the programme page.
        await page.GotoAsync("/programmas/1");
        await Axe.AssertNoAxeViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Nieuw project", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/projecten/nieuw\?programmeId=1$"));
        await Axe.AssertNoAxeViolationsAsync(page);

        var title = "Buurtmoestuin " + Guid.NewGuid().ToString("N")[..6];
        await page.GetByLabel("Titel").FillAsync(title);
        await page.GetByLabel("Vraagstuk").FillAsync("Hoe kunnen we buren samen laten tuinieren?");
        await page.GetByLabel("Beschrijving").FillAsync("Een moestuin op het pleintje, met bewoners en het wijkteam.");
        var housing = page.GetByRole(AriaRole.Checkbox, new() { Name = "Wonen", Exact = true });
        await housing.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Expect(housing).ToBeCheckedAsync();
        await page.GetByLabel("Wie mag het project zien?").SelectOptionAsync(new SelectOptionValue { Label = "Open voor iedereen" });
        await page.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "Actief" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Project maken" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(ProjectUrl());
        var projectId = int.Parse(ProjectUrl().Match(page.Url).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await Expect(page.GetByText("Hoe kunnen we buren samen laten tuinieren?")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Jouw rol: Procesbegeleider");
        await Axe.AssertNoAxeViolationsAsync(page);

        // Invite a resident by e-mail.
        await page.GetByRole(AriaRole.Link, new() { Name = "Leden beheren" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/projecten/{projectId}/leden$"));
        await Axe.AssertNoAxeViolationsAsync(page);
        var invitedAt = DateTime.UtcNow;
        var invite = page.Locator("form").Filter(new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "Stuur uitnodiging" }) });
        await invite.GetByLabel("E-mailadres").FillAsync(BrowserFixture.Resident);
        await invite.GetByLabel("Rol").SelectOptionAsync(new SelectOptionValue { Label = "Deelnemer" });
        await invite.GetByRole(AriaRole.Button, new() { Name = "Stuur uitnodiging" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("De uitnodiging is verstuurd.");
        await Axe.AssertNoAxeViolationsAsync(page);

        // The invitee follows the mailed link in their own browser, signs in with a password and accepts.
        var invitation = await app.Mailbox.WaitForLinkAsync(BrowserFixture.Resident, "/uitnodiging/", invitedAt);
        var invitee = await app.NewPageAsync();
        await invitee.GotoAsync(invitation);
        await Expect(invitee.GetByRole(AriaRole.Main)).ToContainTextAsync(title);
        await Axe.AssertNoAxeViolationsAsync(invitee);
        await invitee.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Inloggen", Exact = true }).ClickAsync();
        await Expect(invitee).ToHaveURLAsync(new Regex(@"/inloggen\?ReturnUrl="));
        var passwordForm = invitee.Locator("form").Filter(new() { Has = invitee.GetByLabel("Wachtwoord") });
        await passwordForm.GetByLabel("E-mailadres", new() { Exact = true }).FillAsync(BrowserFixture.Resident);
        await passwordForm.GetByLabel("Wachtwoord").FillAsync(BrowserFixture.DemoPassword);
        await passwordForm.GetByLabel("Wachtwoord").PressAsync("Enter");
        await Expect(invitee).ToHaveURLAsync(new Regex("/uitnodiging/"));
        await Axe.AssertNoAxeViolationsAsync(invitee);
        await invitee.GetByLabel("Welke kennis breng je in dit project vooral mee?").SelectOptionAsync(new SelectOptionValue { Label = "Ervaringskennis" });
        await invitee.GetByRole(AriaRole.Button, new() { Name = "Uitnodiging aannemen" }).ClickAsync();
        await Expect(invitee).ToHaveURLAsync(new Regex($"/projecten/{projectId}$"));
        await Expect(invitee.GetByRole(AriaRole.Main)).ToContainTextAsync("Jouw rol: Deelnemer");
        await Axe.AssertNoAxeViolationsAsync(invitee);
        PageProblems.AssertNone(invitee);
        await invitee.Context.CloseAsync();

        // The facilitator sees the new member, then moves the phase with a reason.
        await page.GotoAsync($"/projecten/{projectId}");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Wie doen er mee?" })).ToContainTextAsync("Ans de Vries");
        await page.GetByRole(AriaRole.Link, new() { Name = "Fase wijzigen" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/projecten/{projectId}/fase$"));
        await Axe.AssertNoAxeViolationsAsync(page);
        const string reason = "Twaalf bewoners vertelden hun verhaal; we weten genoeg om de vraag scherp te stellen.";
        await page.GetByLabel("Doorgaan: door naar een volgende fase").CheckAsync();
        await page.GetByLabel("Naar welke fase?").SelectOptionAsync(new SelectOptionValue { Label = "Probleem definiëren" });
        await page.GetByLabel("Waarom?").FillAsync(reason);
        await page.GetByRole(AriaRole.Button, new() { Name = "Fase wijzigen" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/projecten/{projectId}$"));
        var timeline = page.GetByRole(AriaRole.Region, new() { Name = "Tijdlijn van de fasen" });
        await Expect(timeline).ToContainTextAsync("Van Inleven naar Probleem definiëren");
        await Expect(timeline).ToContainTextAsync(reason);
        await Expect(timeline).ToContainTextAsync("Fatima el Amrani");
        await Axe.AssertNoAxeViolationsAsync(page);
        PageProblems.AssertNone(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_used_sign_in_link_does_not_sign_in_twice()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/inloggen/link");
        var requestedAt = DateTime.UtcNow;
        await page.GetByLabel("Je e-mailadres").FillAsync(BrowserFixture.Researcher);
        await page.GetByRole(AriaRole.Button, new() { Name = "Stuur mij een inloglink" }).ClickAsync();
        var link = await app.Mailbox.WaitForLinkAsync(BrowserFixture.Researcher, "/inloggen/link/", requestedAt);

        await page.GotoAsync(link);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Inloggen", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();

        var second = await app.NewPageAsync();
        await second.GotoAsync(link);
        var button = second.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Inloggen", Exact = true });
        if (await button.CountAsync() > 0) await button.ClickAsync();
        await Expect(second.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await Expect(second.GetByRole(AriaRole.Link, new() { Name = "Vraag een nieuwe inloglink aan" })).ToBeVisibleAsync();
        await Expect(second.GetByRole(AriaRole.Button, new() { Name = "Uitloggen" })).ToHaveCountAsync(0);
        await Axe.AssertNoAxeViolationsAsync(second);
        await second.Context.CloseAsync();
    }

    [GeneratedRegex(@"/inloggen$")]
    private static partial Regex SignInUrl();

    [GeneratedRegex(@"/projecten/(\d+)$")]
    private static partial Regex ProjectUrl();
}
