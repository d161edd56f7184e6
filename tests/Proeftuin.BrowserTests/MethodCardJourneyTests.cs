using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Proeftuin.BrowserTests.Infrastructure;
using Proeftuin.Data;
using Proeftuin.Features.Projects;
using static Microsoft.Playwright.Assertions;
using static Proeftuin.BrowserTests.Infrastructure.KeyboardOnly;

namespace Proeftuin.BrowserTests;

/// <summary>
/// Issue 13 (werkvormen): a facilitator, from the keyboard only, opens the library from the project, copies the built-in
/// "Crazy 8's" into the project with a new name, and plans a session from that copy and "Stemmen met stippen". Axe (and
/// reflow at 320 px) on each page, screenshots at 1280 and 390 px to look at. In a project of its own.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MethodCardJourneyTests(BrowserFixture app)
{
    private async Task<(int Id, string Title)> ProjectInTestAsync()
    {
        using var scope = app.Server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var project = await Journeys.AddProjectAsync(db, "Werkvormen in de buurtkamer", Phase.Ideate, Journeys.Facilitator);
        await db.SaveChangesAsync();
        return (project.Id, project.Title);
    }

    private static Task CheckAsync(IPage page, string where, StringBuilder findings, string shot) => Journeys.CheckAsync(page, where, findings, "werkvormen", shot);

    [Fact]
    public async Task A_facilitator_copies_a_built_in_card_and_plans_a_session_from_cards_by_keyboard()
    {
        var (project, projectTitle) = await ProjectInTestAsync();
        var findings = new StringBuilder();
        var facilitator = await app.NewSignedInPageAsync(BrowserFixture.Facilitator);

        await facilitator.GotoAsync($"/projecten/{project}");
        await EnterAsync(facilitator.GetByRole(AriaRole.Link, new() { Name = "Werkvormen", Exact = true }));
        await Expect(facilitator).ToHaveURLAsync(new Regex($"/werkvormen\\?project={project}$"));
        await CheckAsync(facilitator, "werkvormen library for a project", findings, "bibliotheek");

        await EnterAsync(facilitator.GetByRole(AriaRole.Link, new() { Name = "Crazy 8's", Exact = true }));
        await Expect(facilitator).ToHaveURLAsync(new Regex("/werkvormen/crazy-8s$"));
        await CheckAsync(facilitator, "built-in card", findings, "kaart");

        await EnterAsync(facilitator.GetByRole(AriaRole.Link, new() { Name = "Kopiëren en aanpassen" }));
        await PickAsync(facilitator.GetByLabel("Voor wie is de werkvorm?"), "Alleen project " + projectTitle);
        var title = facilitator.GetByLabel("Naam van de werkvorm");
        await title.FillAsync("");
        await EnterAsync(facilitator.GetByRole(AriaRole.Button, new() { Name = "Kopie opslaan" }));
        await Expect(facilitator.GetByRole(AriaRole.Alert).First).ToBeVisibleAsync();
        await CheckAsync(facilitator, "copy form sent without a name", findings, "kopie-fouten");
        await TypeAsync(facilitator.GetByLabel("Naam van de werkvorm"), "Crazy 8's met tekeningen");
        await PickAsync(facilitator.GetByLabel("Stap 2"), "Delen");
        await EnterAsync(facilitator.GetByRole(AriaRole.Button, new() { Name = "Kopie opslaan" }));
        await Expect(facilitator).ToHaveURLAsync(new Regex(@"/werkvormen/\d+$"));
        await Expect(facilitator.GetByText("Gekopieerd van")).ToBeVisibleAsync();
        await CheckAsync(facilitator, "own card, copied", findings, "eigen-kaart");

        await EnterAsync(facilitator.GetByRole(AriaRole.Button, new() { Name = "Sessie plannen" }));
        await Expect(facilitator).ToHaveURLAsync(new Regex("/werkvormen/sessie\\?"));
        await ChooseAsync(facilitator.GetByLabel("Stemmen met stippen"));
        await TypeAsync(facilitator.GetByLabel("Titel van de sessie"), "Ideeën voor de zondag");
        await CheckAsync(facilitator, "plan a session from cards", findings, "plannen");
        await EnterAsync(facilitator.GetByRole(AriaRole.Button, new() { Name = "Sessie plannen" }));
        await Expect(facilitator).ToHaveURLAsync(new Regex(@"/sessies/\d+/voorbereiden$"));
        // The copy's two steps, then the dot vote.
        await Expect(facilitator.Locator("main")).ToContainTextAsync("Crazy 8's");
        await Expect(facilitator.Locator("main")).ToContainTextAsync("Stemmen met stippen");

        await facilitator.GotoAsync("/werkvormen/afdrukken?kaart=crazy-8s");
        await CheckAsync(facilitator, "print page", findings, "afdrukken");

        PageProblems.AssertNone(facilitator);
        await facilitator.Context.CloseAsync();
        Assert.True(findings.Length == 0, findings.ToString());
    }
}
