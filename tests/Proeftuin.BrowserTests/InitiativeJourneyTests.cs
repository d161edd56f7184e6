using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Proeftuin.BrowserTests.Infrastructure;
using Proeftuin.Data;
using Proeftuin.Features.Members;
using Proeftuin.Features.Projects;
using Proeftuin.Features.Thread;
using static Microsoft.Playwright.Assertions;
using static Proeftuin.BrowserTests.Infrastructure.KeyboardOnly;

namespace Proeftuin.BrowserTests;

/// <summary>
/// Issue 14 (initiatieven): a resident starts an initiative from an idea (the form first sent empty) and pledges to it by
/// keyboard; the facilitator's pledge reaches the threshold; the facilitator responds. Axe (and reflow at 320 px) on each
/// page, screenshots at 1280 and 390 px.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class InitiativeJourneyTests(BrowserFixture app)
{
    private static Task CheckAsync(IPage page, string where, StringBuilder findings, string shot) => Journeys.CheckAsync(page, where, findings, "initiatieven", shot);

    [Fact]
    public async Task A_resident_starts_an_initiative_from_an_idea_and_pledges_by_keyboard()
    {
        int idea;
        using (var scope = app.Server.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var added = await Journeys.AddProjectAsync(db, "Samen de straat op", Phase.Ideate, Journeys.Facilitator,
                (BrowserFixture.Resident, ProjectRole.Member, Perspective.Experience));
            var item = new Idea { Project = added, Title = "Een buurtmaaltijd op vrijdag", Text = "Samen eten.", Html = "<p>Samen eten.</p>", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
            db.Items.Add(item);
            await db.SaveChangesAsync();
            idea = item.Id;
        }
        var findings = new StringBuilder();
        var resident = await app.NewSignedInPageAsync(BrowserFixture.Resident);

        await resident.GotoAsync($"/ideeen/{idea}");
        await EnterAsync(resident.GetByRole(AriaRole.Link, new() { Name = "Start een initiatief" }));
        await Expect(resident).ToHaveURLAsync(new Regex("/initiatieven/nieuw"));
        await EnterAsync(resident.GetByRole(AriaRole.Button, new() { Name = "Initiatief starten" }));
        await Expect(resident.GetByRole(AriaRole.Alert).First).ToBeVisibleAsync();
        await CheckAsync(resident, "start form sent empty", findings, "start-fouten");
        await PickAsync(resident.GetByLabel("Wat voor initiatief is het?"), "Buurtactiviteit");
        await TypeAsync(resident.GetByLabel("Naam van het initiatief"), "Vrijdagmaaltijd in de straat");
        await TypeAsync(resident.GetByLabel("Wat willen jullie doen?"), "Elke vrijdag koken we om de beurt voor de straat.");
        await TypeAsync(resident.GetByLabel("Waarom is het nodig?"), "Veel buren eten alleen.");
        var threshold = resident.GetByLabel("Bij hoeveel mensen beginnen jullie?");
        await threshold.FocusAsync();
        await threshold.PressAsync("Control+a");
        await threshold.PressSequentiallyAsync("2");
        await EnterAsync(resident.GetByRole(AriaRole.Button, new() { Name = "Initiatief starten" }));
        await Expect(resident).ToHaveURLAsync(new Regex(@"/initiatieven/\d+$"));
        var initiativeUrl = resident.Url;
        await Expect(resident.GetByRole(AriaRole.Link, new() { Name = "Een buurtmaaltijd op vrijdag" })).ToBeVisibleAsync();
        await CheckAsync(resident, "started initiative", findings, "gestart");

        // The resident pledges to bring something, by keyboard.
        await ChooseAsync(resident.GetByLabel(new Regex("Ik neem iets mee")));
        await TypeAsync(resident.GetByLabel("Wat neem je mee?"), "een grote pan");
        await EnterAsync(resident.GetByRole(AriaRole.Button, new() { Name = "Ik doe mee", Exact = true }));
        await Expect(resident.GetByText("1 van de 2 mensen doen mee")).ToBeVisibleAsync();
        await Expect(resident.GetByText("een grote pan").First).ToBeVisibleAsync();
        await CheckAsync(resident, "pledged", findings, "toegezegd");
        PageProblems.AssertNone(resident);

        // The facilitator joins too: the threshold is reached; then responds.
        var facilitator = await app.NewSignedInPageAsync(BrowserFixture.Facilitator);
        await facilitator.GotoAsync(initiativeUrl);
        await EnterAsync(facilitator.GetByRole(AriaRole.Button, new() { Name = "Ik doe mee", Exact = true }));
        await Expect(facilitator.GetByText(new Regex("De drempel is gehaald op"))).ToBeVisibleAsync();
        await CheckAsync(facilitator, "reached", findings, "gehaald");
        await EnterAsync(facilitator.GetByRole(AriaRole.Link, new() { Name = "Reageren als gemeente of team" }));
        await EnterAsync(facilitator.GetByRole(AriaRole.Button, new() { Name = "Reactie versturen" }));
        await Expect(facilitator.GetByRole(AriaRole.Alert).First).ToBeVisibleAsync();
        await CheckAsync(facilitator, "response form sent empty", findings, "reactie-fouten");
        await ChooseAsync(facilitator.GetByLabel("Gesteund"));
        await TypeAsync(facilitator.GetByLabel("Redenen"), "De gemeente betaalt de boodschappen voor de eerste drie maanden.");
        await EnterAsync(facilitator.GetByRole(AriaRole.Button, new() { Name = "Reactie versturen" }));
        await Expect(facilitator.GetByText("De gemeente betaalt de boodschappen voor de eerste drie maanden.")).ToBeVisibleAsync();
        await CheckAsync(facilitator, "responded", findings, "gereageerd");
        PageProblems.AssertNone(facilitator);

        await resident.GotoAsync("/initiatieven");
        await CheckAsync(resident, "list", findings, "lijst");
        await resident.Context.CloseAsync();
        await facilitator.Context.CloseAsync();
        Assert.True(findings.Length == 0, findings.ToString());
    }
}
