using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Proeftuin.BrowserTests.Infrastructure;
using Proeftuin.Data;
using Proeftuin.Features.Experiments;
using Proeftuin.Features.Projects;
using static Microsoft.Playwright.Assertions;

namespace Proeftuin.BrowserTests;

/// <summary>
/// Issue 12 (feedback): a facilitator makes a feedback form for a running proef and prints slips; a test participant
/// answers it on a 390 px phone screen by keyboard, without an account; the facilitator reads the counted answers.
/// axe (and reflow at 320 px) on every feedback page, in a project of its own (the demo has no proef yet), and
/// screenshots at 1280 and 390 px to look at.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FeedbackJourneyTests(BrowserFixture app)
{
    private async Task<int> RunningExperimentAsync()
    {
        using var scope = app.Server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var project = await Journeys.AddProjectAsync(db, "Feedback op zondag", Phase.Test, Journeys.Facilitator);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var experiment = new Experiment
        {
            Project = project,
            Title = "Open huis op zondagmiddag",
            Text = "Er komen meer mensen.",
            Html = "<p>Er komen meer mensen.</p>",
            Phase = Phase.Test,
            Place = "Buurthuis",
            StartsOn = today.AddDays(-7),
            EndsOn = today.AddDays(21),
            ParticipantsWho = "Bewoners die alleen wonen",
            ParticipantCount = 20,
            Recruitment = "Via het wijkteam",
            Safety = "Stoppen mag altijd.",
            SafetyHtml = "<p>Stoppen mag altijd.</p>",
            MeasurementPlan = "Tellen.",
            MeasurementPlanHtml = "<p>Tellen.</p>",
            Status = ExperimentStatus.Running,
            StartedAt = DateTime.UtcNow,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
            SearchTerms = " open huis ",
            Criteria = [new SuccessCriterion { Position = 0, What = "Meer bezoekers", Measure = "Tellen", Threshold = "15" }],
        };
        db.Items.Add(experiment);
        await db.SaveChangesAsync();
        return experiment.Id;
    }

    private static Task CheckAsync(IPage page, string where, StringBuilder findings, string shot, bool phoneOnly = false) =>
        Journeys.CheckAsync(page, where, findings, "feedback", shot, phoneOnly);

    [Fact]
    public async Task A_participant_answers_on_a_phone_by_keyboard_and_the_team_sees_the_counts_and_every_page_passes_axe()
    {
        var experiment = await RunningExperimentAsync();
        var page = await app.NewSignedInPageAsync(BrowserFixture.Facilitator);
        var findings = new StringBuilder();

        await page.GotoAsync($"/proeven/{experiment}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Feedback van deelnemers" }).ClickAsync();
        await CheckAsync(page, "empty feedback list", findings, "lijst-leeg");
        await page.GetByRole(AriaRole.Link, new() { Name = "Formulier maken" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Formulier opslaan" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).First).ToBeVisibleAsync();
        await CheckAsync(page, "new form submitted empty", findings, "nieuw-fouten");
        await page.GetByLabel("Titel van het formulier").FillAsync("Hoe was de zondagmiddag?");
        await page.GetByLabel("Korte uitleg voor deelnemers").FillAsync("Met je antwoorden maken we de zondag beter.");
        var questions = page.Locator("fieldset.pt-experiment-row");
        await questions.Nth(0).GetByLabel("Wat wil je vragen?").FillAsync("Hoe welkom voelde je je?");
        await questions.Nth(1).GetByLabel("Wat wil je vragen?").FillAsync("Kom je nog eens?");
        await questions.Nth(1).GetByLabel("Soort vraag").SelectOptionAsync("Choice");
        await questions.Nth(1).GetByLabel("Keuzes (alleen bij een keuzevraag)").FillAsync("Ja\nNee\nWeet ik nog niet");
        await questions.Nth(2).GetByLabel("Wat wil je vragen?").FillAsync("Wat kan beter?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Formulier opslaan" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hoe was de zondagmiddag?", Level = 1 })).ToBeVisibleAsync();
        await CheckAsync(page, "form page", findings, "formulier");
        var link = (await page.Locator(".pt-slip__url").First.TextContentAsync())!.Trim();
        var formUrl = page.Url;

        await page.GetByRole(AriaRole.Link, new() { Name = "Kaartjes om te printen" }).First.ClickAsync();
        await page.GetByLabel("Hoeveel nieuwe kaartjes?").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kaartjes maken" }).ClickAsync();
        await Expect(page.Locator("section.pt-slip")).ToHaveCountAsync(2);
        await CheckAsync(page, "slips", findings, "kaartjes");

        // The participant: a phone, no account, only the keyboard.
        var phone = await app.NewPageAsync(390);
        await phone.GotoAsync(new Uri(link).PathAndQuery);
        await CheckAsync(phone, "participant form", findings, "deelnemer", phoneOnly: true);
        await phone.Locator("#vraag-0-4").FocusAsync();
        await phone.Keyboard.PressAsync("Space");
        await phone.Keyboard.PressAsync("Tab");
        await Expect(phone.Locator("#vraag-1-0")).ToBeFocusedAsync();
        await phone.Keyboard.PressAsync("Space");
        await phone.Keyboard.PressAsync("Tab");
        await Expect(phone.Locator("#Answers_2__Value")).ToBeFocusedAsync();
        await phone.Keyboard.TypeAsync("Meer koffie en een krant.");
        await phone.Keyboard.PressAsync("Tab");
        await Expect(phone.Locator("#wie-geen")).ToBeFocusedAsync();
        await phone.Keyboard.PressAsync("ArrowDown");
        await Expect(phone.Locator("#wie-Experience")).ToBeCheckedAsync();
        await phone.Keyboard.PressAsync("Tab");
        await phone.Keyboard.PressAsync("Enter");
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Dank je wel!", Level = 1 })).ToBeVisibleAsync();
        await CheckAsync(phone, "thank-you page", findings, "bedankt", phoneOnly: true);
        PageProblems.AssertNone(phone);
        await phone.Context.CloseAsync();

        await page.GotoAsync(formUrl + "/antwoorden");
        await Expect(page.Locator("svg.pt-feedback-bars")).ToHaveCountAsync(2);
        await Expect(page.GetByText("Meer koffie en een krant.").First).ToBeVisibleAsync();
        await CheckAsync(page, "answers", findings, "antwoorden");

        PageProblems.AssertNone(page);
        await page.Context.CloseAsync();
        if (findings.Length > 0) Assert.Fail(findings.ToString());
    }
}
