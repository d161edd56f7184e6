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
/// Issue 13 (lessenbibliotheek): an evaluator writes a lesson (first sent empty), makes it public, finds it again in the
/// library by a word it only holds in another form ("eenzaam" for "eenzaamheid") and narrows by a facet, all from the
/// keyboard. Axe (and reflow at 320 px) on each page, screenshots at 1280 and 390 px to look at.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LessonJourneyTests(BrowserFixture app)
{
    private static Task CheckAsync(IPage page, string where, StringBuilder findings, string shot) => Journeys.CheckAsync(page, where, findings, "lessen", shot);

    [Fact]
    public async Task An_evaluator_writes_a_lesson_publishes_it_and_finds_it_in_the_library_by_keyboard()
    {
        int project;
        using (var scope = app.Server.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var added = await Journeys.AddProjectAsync(db, "Lessen uit de wijkkoffie", Phase.Test, Journeys.Facilitator,
                (BrowserFixture.Researcher, ProjectRole.Evaluator, Perspective.Scientific));
            await db.SaveChangesAsync();
            project = added.Id;
        }
        var findings = new StringBuilder();
        var evaluator = await app.NewSignedInPageAsync(BrowserFixture.Researcher);

        await evaluator.GotoAsync($"/projecten/{project}");
        await EnterAsync(evaluator.GetByRole(AriaRole.Link, new() { Name = "Lessen", Exact = true }));
        await Expect(evaluator).ToHaveURLAsync(new Regex($"/lessen\\?project={project}$"));
        await CheckAsync(evaluator, "the project's lessons", findings, "project");

        await EnterAsync(evaluator.GetByRole(AriaRole.Link, new() { Name = "Les schrijven" }));
        await EnterAsync(evaluator.GetByRole(AriaRole.Button, new() { Name = "Les bewaren" }));
        await Expect(evaluator.GetByRole(AriaRole.Alert).First).ToBeVisibleAsync();
        await CheckAsync(evaluator, "lesson form sent empty", findings, "fouten");
        await TypeAsync(evaluator.GetByLabel("Titel van de les"), "Samen koffie drinken helpt tegen eenzaamheid op zondag");
        await TypeAsync(evaluator.GetByLabel("Wat hebben jullie geleerd?"), "Een vaste plek en een vast moment maken het **makkelijk** om te komen.");
        await TypeAsync(evaluator.GetByLabel("Voor wie en in welke situatie?"), "Ouderen die alleen wonen, in een wijk met een buurtkamer.");
        await TypeAsync(evaluator.GetByLabel("Waarom werkt het (of niet)?"), "Een bekend gezicht maakt de eerste stap kleiner.");
        await TypeAsync(evaluator.GetByLabel("Wat kwam eruit?"), "Twaalf mensen per zondag, vijf van hen nieuw.");
        await PickAsync(evaluator.GetByLabel("Werkte het?"), "Werkte");
        await ChooseAsync(evaluator.GetByLabel("Zorg", new() { Exact = true }));
        await PickAsync(evaluator.GetByLabel("Wie mag de les lezen?"), "Openbaar");
        await EnterAsync(evaluator.GetByRole(AriaRole.Button, new() { Name = "Les bewaren" }));
        await Expect(evaluator).ToHaveURLAsync(new Regex(@"/lessen/\d+$"));
        await Expect(evaluator.GetByText("Een bekend gezicht maakt de eerste stap kleiner.")).ToBeVisibleAsync();
        await CheckAsync(evaluator, "published lesson", findings, "les");

        await evaluator.GotoAsync("/lessen");
        await TypeAsync(evaluator.GetByLabel("Zoek in de lessen"), "eenzaam koffie");
        await EnterAsync(evaluator.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }));
        var hit = evaluator.Locator(".pt-lesson-card").GetByRole(AriaRole.Link, new() { Name = "Samen koffie drinken helpt tegen eenzaamheid op zondag" });
        await Expect(hit).ToBeVisibleAsync();
        await EnterAsync(evaluator.Locator(".pt-facet-list").GetByRole(AriaRole.Link, new() { Name = "Werkte" }).First);
        await Expect(hit).ToBeVisibleAsync();
        await CheckAsync(evaluator, "library with a search and a facet", findings, "bibliotheek");

        // Signed out, the public lesson reads the same.
        var anonymous = await app.NewPageAsync();
        await anonymous.GotoAsync("/lessen?q=eenzaam+koffie");
        await Expect(anonymous.Locator(".pt-lesson-card").GetByRole(AriaRole.Link, new() { Name = "Samen koffie drinken helpt tegen eenzaamheid op zondag" })).ToBeVisibleAsync();
        await anonymous.Context.CloseAsync();

        PageProblems.AssertNone(evaluator);
        await evaluator.Context.CloseAsync();
        Assert.True(findings.Length == 0, findings.ToString());
    }
}
