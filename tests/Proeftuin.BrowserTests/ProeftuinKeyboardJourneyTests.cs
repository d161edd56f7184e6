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
/// Issue 12: the whole proeftuin in one go, by keyboard only (type, Space on a choice, arrow keys in a list, Enter on
/// a link or button): a facilitator enters an idea on its question, makes a prototype of it, sets up a proef, starts
/// it, logs an observation, ends it, records the result, decides, and takes the gate; then the trace walks from the
/// lesson back to the idea. In a project of its own, so the demo stays as it is.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ProeftuinKeyboardJourneyTests(BrowserFixture app)
{
    private async Task<(int Project, int Question)> ProjectWithQuestionAsync()
    {
        using var scope = app.Server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var project = await Journeys.AddProjectAsync(db, "Van idee tot poort", Phase.Ideate, Journeys.Facilitator);
        var question = new Question
        {
            Project = project,
            Title = "Hoe kunnen we nieuwe bewoners op zondag welkom heten?",
            Phase = Phase.Define,
            KnowledgeSource = Perspective.Professional,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
            SearchTerms = " zondag ",
        };
        db.Items.Add(question);
        await db.SaveChangesAsync();
        return (project.Id, question.Id);
    }

    [Fact]
    public async Task A_facilitator_goes_from_idea_to_gate_by_keyboard()
    {
        var (project, question) = await ProjectWithQuestionAsync();
        var page = await app.NewSignedInPageAsync(BrowserFixture.Facilitator);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        // Idea, entered on its question.
        await page.GotoAsync($"/projecten/{project}/draad/nieuw?soort=idee&vraag={question}");
        await TypeAsync(page.GetByLabel("Titel"), "Een gastvrouw bij de deur");
        await page.GetByLabel("Titel").PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex(@"/ideeen/(\d+)$"));
        var idea = int.Parse(new Regex(@"/ideeen/(\d+)$").Match(page.Url).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        // Prototype of the idea.
        await EnterAsync(page.GetByRole(AriaRole.Link, new() { Name = "Maak er een prototype van" }));
        await Expect(page).ToHaveURLAsync(new Regex(@"/prototypes/nieuw\?idee=\d+$"));
        await TypeAsync(page.GetByLabel("Wat is het prototype?"), "Rollenspel: de gastvrouw");
        await TypeAsync(page.GetByLabel("Voor wie is het?"), "Nieuwe bewoners die niemand kennen");
        await PickAsync(page.GetByLabel("Vorm"), "Rollenspel");
        await TypeAsync(page.GetByLabel("Wat willen jullie leren?"), "Of een gastvrouw de drempel lager maakt.");
        await EnterAsync(page.GetByRole(AriaRole.Button, new() { Name = "Prototype maken" }));
        await Expect(page).ToHaveURLAsync(new Regex(@"/prototypes/\d+$"));

        // Proef for the prototype.
        await EnterAsync(page.GetByRole(AriaRole.Link, new() { Name = "Zet een proef op" }));
        await Expect(page).ToHaveURLAsync(new Regex(@"/proeven/nieuw\?prototype=\d+$"));
        await TypeAsync(page.GetByLabel("Naam van de proef"), "Twee zondagen met een gastvrouw");
        await TypeAsync(page.GetByLabel("Hypothese"), "Met een gastvrouw bij de deur blijven nieuwe bezoekers langer.");
        await TypeAsync(page.GetByLabel("Plek", new() { Exact = true }), "Buurthuis De Klokkenberg");
        await DateAsync(page.GetByLabel("Begindatum"), today.AddDays(-1));
        await DateAsync(page.GetByLabel("Einddatum"), today.AddDays(13));
        await TypeAsync(page.GetByLabel("Wie doen er mee?"), "Nieuwe bewoners van de wijk");
        await TypeAsync(page.GetByLabel("Hoeveel mensen doen er mee?"), "12");
        await TypeAsync(page.GetByLabel("Hoe vind je de deelnemers?"), "Via de welkomstbrief van de gemeente");
        await TypeAsync(page.GetByLabel("Veiligheid en toestemming"), "Iedereen kan altijd weggaan.");
        await TypeAsync(page.GetByLabel("Meetplan"), "Tellen hoe lang nieuwe bezoekers blijven.");
        var criterion = page.GetByRole(AriaRole.Group, new() { Name = "Succescriterium 1" });
        await TypeAsync(criterion.GetByLabel("Wat wil je bereiken?"), "Nieuwe bezoekers blijven");
        await TypeAsync(criterion.GetByLabel("Hoe meet je het?"), "Minuten per bezoek");
        await TypeAsync(criterion.GetByLabel("Drempel: vanaf wanneer is het gelukt?"), "Gemiddeld een uur");
        await EnterAsync(page.GetByRole(AriaRole.Button, new() { Name = "Proef opslaan" }));
        await Expect(page).ToHaveURLAsync(new Regex(@"/proeven/\d+(#.*)?$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Twee zondagen met een gastvrouw");

        // Run it: start, observe, end.
        await EnterAsync(page.GetByRole(AriaRole.Button, new() { Name = "Proef starten" }));
        await EnterAsync(page.GetByRole(AriaRole.Link, new() { Name = "Observatie vastleggen" }));
        await TypeAsync(page.GetByLabel("Wat zag of hoorde je?"), "Een nieuwe buurman bleef anderhalf uur.");
        await PickAsync(page.GetByLabel("Over welk succescriterium gaat het?"), "Nieuwe bezoekers blijven");
        await EnterAsync(page.GetByRole(AriaRole.Button, new() { Name = "Observatie opslaan" }));
        await Expect(page.Locator(".pt-observation").GetByText("Een nieuwe buurman bleef anderhalf uur.")).ToBeVisibleAsync();
        await EnterAsync(page.GetByRole(AriaRole.Button, new() { Name = "Proef afronden" }));

        // Result and decision.
        await EnterAsync(page.GetByRole(AriaRole.Link, new() { Name = "Resultaten vastleggen" }));
        await PickAsync(page.GetByLabel("Resultaat"), "Gehaald");
        await TypeAsync(page.GetByLabel("Waaruit blijkt dat?"), "Gemiddeld 70 minuten.");
        await EnterAsync(page.GetByRole(AriaRole.Button, new() { Name = "Resultaten opslaan" }));
        await EnterAsync(page.GetByRole(AriaRole.Link, new() { Name = "Besluit nemen" }));
        await ChooseAsync(page.GetByLabel("Doorgaan (opschalen)"));
        await TypeAsync(page.GetByLabel("Waarom besluiten jullie dit?"), "Nieuwe bezoekers bleven langer dan een uur.");
        await TypeAsync(page.GetByLabel("Geleerde les"), "Een mens bij de deur doet meer dan een bord.");
        await EnterAsync(page.GetByRole(AriaRole.Button, new() { Name = "Besluit opslaan" }));
        await Expect(page.GetByText("Een mens bij de deur doet meer dan een bord.").First).ToBeVisibleAsync();

        // The gate: on to Testen, with the reason.
        await page.GotoAsync($"/projecten/{project}");
        await EnterAsync(page.GetByRole(AriaRole.Link, new() { Name = "Fase wijzigen" }));
        await Expect(page).ToHaveURLAsync(new Regex($"/projecten/{project}/fase$"));
        await ChooseAsync(page.GetByLabel("Doorgaan: door naar een volgende fase"));
        await PickAsync(page.GetByLabel("Naar welke fase?"), "Testen");
        await TypeAsync(page.GetByLabel("Waarom?"), "De proef met de gastvrouw slaagde; we testen hem nu in drie buurthuizen.");
        await EnterAsync(page.GetByRole(AriaRole.Button, new() { Name = "Fase wijzigen" }));
        await Expect(page).ToHaveURLAsync(new Regex($"/projecten/{project}$"));
        var timeline = page.Locator("section", new() { Has = page.Locator("#tijdlijn") });
        await Expect(timeline.GetByText("Besluit: Doorgaan")).ToBeVisibleAsync();
        await Expect(timeline.GetByText("Van Ideeën bedenken naar Testen")).ToBeVisibleAsync();
        await Axe.AssertNoAxeViolationsAsync(page);

        // The whole thread, forward from the idea: prototype, proef, observation's proef, decision and lesson.
        await page.GotoAsync($"/draad/{idea}/spoor");
        var forward = page.Locator("section[aria-labelledby=vooruit]");
        foreach (var title in new[] { "Rollenspel: de gastvrouw", "Twee zondagen met een gastvrouw", "Les uit Twee zondagen met een gastvrouw" })
            await Expect(forward.GetByText(title, new() { Exact = false }).First).ToBeVisibleAsync();
        await Expect(page.Locator("section[aria-labelledby=terug]").GetByText("Hoe kunnen we nieuwe bewoners op zondag welkom heten?")).ToBeVisibleAsync();
        await Axe.AssertNoAxeViolationsAsync(page);

        PageProblems.AssertNone(page);
        await page.Context.CloseAsync();
    }
}
