using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Proeftuin.BrowserTests.Infrastructure;
using Proeftuin.Data;
using Proeftuin.Features.Members;
using Proeftuin.Features.Projects;
using static Microsoft.Playwright.Assertions;
using static Proeftuin.BrowserTests.Infrastructure.KeyboardOnly;

namespace Proeftuin.BrowserTests;

/// <summary>
/// Issue 12 (gates): after the proef's decision, the facilitator asks the evaluator for advice, the evaluator advises
/// and the facilitator takes the gate (terug, saying what changes); every field is filled and every form sent from
/// the keyboard (type, Space on a choice, Enter to send). Axe (and reflow at 320 px) on each page, screenshots at
/// 1280 and 390 px to look at. In a project of its own: the demo has no advice request.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class GateJourneyTests(BrowserFixture app)
{
    private async Task<int> ProjectInTestAsync()
    {
        using var scope = app.Server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var project = await Journeys.AddProjectAsync(db, "Poort na de proef", Phase.Test, Journeys.Facilitator,
            (BrowserFixture.Researcher, ProjectRole.Evaluator, Perspective.Scientific));
        await db.SaveChangesAsync();
        return project.Id;
    }

    private static Task CheckAsync(IPage page, string where, StringBuilder findings, string shot) => Journeys.CheckAsync(page, where, findings, "poort", shot);

    [Fact]
    public async Task A_facilitator_asks_advice_the_evaluator_advises_and_the_gate_is_taken_by_keyboard()
    {
        var project = await ProjectInTestAsync();
        var findings = new StringBuilder();
        var facilitator = await app.NewSignedInPageAsync(BrowserFixture.Facilitator);

        await facilitator.GotoAsync($"/projecten/{project}/fase");
        await CheckAsync(facilitator, "gate form without advice", findings, "fase");
        var ask = facilitator.GetByRole(AriaRole.Link, new() { Name = "Advies vragen aan een evaluator" });
        await ask.FocusAsync();
        await ask.PressAsync("Enter");
        await Expect(facilitator).ToHaveURLAsync(new Regex($"/projecten/{project}/fase/advies-vragen$"));
        await ChooseAsync(facilitator.GetByLabel("Terug: terug naar een eerdere fase, en zeggen wat er verandert"));
        await facilitator.GetByLabel("Naar welke fase?").SelectOptionAsync(new SelectOptionValue { Label = "Ideeën bedenken" });
        await TypeAsync(facilitator.GetByLabel("Wat wil je weten?"), "Moeten we terug naar ideeën na deze proef?");
        await ChooseAsync(facilitator.GetByLabel("Joost Hendriks"));
        await CheckAsync(facilitator, "ask advice form filled", findings, "advies-vragen");
        var send = facilitator.GetByRole(AriaRole.Button, new() { Name = "Advies vragen" });
        await send.FocusAsync();
        await send.PressAsync("Enter");
        await Expect(facilitator).ToHaveURLAsync(new Regex($"/projecten/{project}/fase$"));
        await Expect(facilitator.GetByText("advies nog niet gegeven")).ToBeVisibleAsync();
        await CheckAsync(facilitator, "gate form with pending advice", findings, "fase-advies-open");

        var evaluator = await app.NewSignedInPageAsync(BrowserFixture.Researcher);
        await evaluator.GotoAsync("/meldingen");
        var told = evaluator.GetByRole(AriaRole.Link, new() { Name = "Je wordt gevraagd om advies", Exact = false }).First;
        await told.FocusAsync();
        await told.PressAsync("Enter");
        await Expect(evaluator).ToHaveURLAsync(new Regex(@"/adviesvragen/\d+$"));
        var save = evaluator.GetByRole(AriaRole.Button, new() { Name = "Advies opslaan" });
        await save.FocusAsync();
        await save.PressAsync("Enter");
        await Expect(evaluator.GetByRole(AriaRole.Alert).First).ToBeVisibleAsync();
        await CheckAsync(evaluator, "advice form submitted empty", findings, "advies-fouten");
        await ChooseAsync(evaluator.GetByLabel("Terug: terug naar een eerdere fase, en zeggen wat er verandert"));
        await TypeAsync(evaluator.GetByLabel("Advies in je eigen woorden"), "Ja: de proef liet zien dat het idee nog niet past.");
        save = evaluator.GetByRole(AriaRole.Button, new() { Name = "Advies opslaan" });
        await save.FocusAsync();
        await save.PressAsync("Enter");
        await Expect(evaluator.GetByText("Advies: Terug")).ToBeVisibleAsync();
        await CheckAsync(evaluator, "advice given", findings, "advies");

        await facilitator.ReloadAsync();
        await Expect(facilitator.GetByText("Advies: Terug")).ToBeVisibleAsync();
        var decide = facilitator.GetByRole(AriaRole.Button, new() { Name = "Fase wijzigen" });
        await decide.FocusAsync();
        await decide.PressAsync("Enter");
        await Expect(facilitator.GetByRole(AriaRole.Alert).First).ToBeVisibleAsync();
        await CheckAsync(facilitator, "gate form submitted empty", findings, "fase-fouten");
        await ChooseAsync(facilitator.GetByLabel("Terug: terug naar een eerdere fase, en zeggen wat er verandert"));
        await facilitator.GetByLabel("Naar welke fase?").SelectOptionAsync(new SelectOptionValue { Label = "Ideeën bedenken" });
        await TypeAsync(facilitator.GetByLabel("Wat verandert er?"), "We zoeken een idee met een gastvrouw bij de deur.");
        await TypeAsync(facilitator.GetByLabel("Waarom?"), "De proef haalde de drempel niet; de evaluator raadt terug aan.");
        decide = facilitator.GetByRole(AriaRole.Button, new() { Name = "Fase wijzigen" });
        await decide.FocusAsync();
        await decide.PressAsync("Enter");
        await Expect(facilitator).ToHaveURLAsync(new Regex($"/projecten/{project}$"));
        var timeline = facilitator.Locator("section", new() { Has = facilitator.Locator("#tijdlijn") });
        await Expect(timeline.GetByText("Besluit: Terug")).ToBeVisibleAsync();
        await Expect(timeline.GetByText("We zoeken een idee met een gastvrouw bij de deur.")).ToBeVisibleAsync();
        var advice = timeline.GetByText("1 advies van een evaluator");
        await advice.FocusAsync();
        await advice.PressAsync("Enter");
        await Expect(timeline.GetByText("Ja: de proef liet zien dat het idee nog niet past.")).ToBeVisibleAsync();
        await CheckAsync(facilitator, "project page with the gate on the timeline", findings, "tijdlijn");

        PageProblems.AssertNone(facilitator);
        PageProblems.AssertNone(evaluator);
        await facilitator.Context.CloseAsync();
        await evaluator.Context.CloseAsync();
        Assert.True(findings.Length == 0, findings.ToString());
    }
}
