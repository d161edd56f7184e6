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
/// Issue 13 (learning agenda, innovatiereis): an evaluator puts a learning question on the agenda (first sent empty), links an insight
/// as its evidence, answers it and adds a system barrier, all from the keyboard. Axe (and reflow at 320 px) on each
/// page, screenshots at 1280 and 390 px to look at. In a project of its own, so the demo's agenda stays as it is.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LearningJourneyTests(BrowserFixture app)
{
    private const string Insight = "Nieuwe bezoekers zitten vaak alleen aan de kant";

    private async Task<int> ProjectInTestAsync()
    {
        using var scope = app.Server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var project = await Journeys.AddProjectAsync(db, "Leren in de buurtkamer", Phase.Test, Journeys.Facilitator,
            (BrowserFixture.Researcher, ProjectRole.Evaluator, Perspective.Scientific));
        db.Items.Add(new Insight
        {
            Project = project,
            Title = Insight,
            Text = "Gezien op twee zondagen.",
            Html = "<p>Gezien op twee zondagen.</p>",
            Phase = Phase.Test,
            KnowledgeSource = Perspective.Experience,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
        return project.Id;
    }

    private static Task CheckAsync(IPage page, string where, StringBuilder findings, string shot) => Journeys.CheckAsync(page, where, findings, "leeragenda", shot);

    [Fact]
    public async Task An_evaluator_asks_a_learning_question_links_evidence_and_answers_it_by_keyboard()
    {
        var project = await ProjectInTestAsync();
        var findings = new StringBuilder();
        var evaluator = await app.NewSignedInPageAsync(BrowserFixture.Researcher);

        await evaluator.GotoAsync($"/projecten/{project}");
        await EnterAsync(evaluator.GetByRole(AriaRole.Link, new() { Name = "Leeragenda", Exact = true }));
        await Expect(evaluator).ToHaveURLAsync(new Regex($"/projecten/{project}/leeragenda$"));
        await CheckAsync(evaluator, "empty learning agenda", findings, "leeg");

        await EnterAsync(evaluator.GetByRole(AriaRole.Link, new() { Name = "Nieuwe leervraag" }));
        await EnterAsync(evaluator.GetByRole(AriaRole.Button, new() { Name = "Op de leeragenda zetten" }));
        await Expect(evaluator.GetByRole(AriaRole.Alert).First).ToBeVisibleAsync();
        await CheckAsync(evaluator, "learning question form sent empty", findings, "vraag-fouten");
        await TypeAsync(evaluator.GetByLabel("Wat willen we leren?"), "Voelen nieuwe bezoekers zich welkom op zondag?");
        await TypeAsync(evaluator.GetByLabel("Voor wie willen we het weten?"), "De gastvrouwen en het wijkteam");
        // The date picker's own keyboard order depends on the browser's locale data; its value is what the form sends.
        await evaluator.GetByLabel("Wanneer willen we het weten?").FillAsync("2027-03-31");
        await TypeAsync(evaluator.GetByLabel("Waarom doet het ertoe?"), "Wie zich niet welkom voelt, komt **niet terug**.");
        await EnterAsync(evaluator.GetByRole(AriaRole.Button, new() { Name = "Op de leeragenda zetten" }));
        await Expect(evaluator).ToHaveURLAsync(new Regex(@"/leeragenda/\d+$"));
        await CheckAsync(evaluator, "learning question", findings, "vraag");

        await PickAsync(evaluator.GetByLabel("Bewijs verbinden"), Insight);
        await EnterAsync(evaluator.GetByRole(AriaRole.Button, new() { Name = "Verbinden als bewijs" }));
        var evidence = evaluator.Locator("#bewijs");
        await Expect(evidence.GetByRole(AriaRole.Link, new() { Name = Insight })).ToBeVisibleAsync();

        await EnterAsync(evaluator.GetByRole(AriaRole.Link, new() { Name = "Leervraag bijwerken" }));
        await PickAsync(evaluator.GetByLabel("Status"), "Beantwoord");
        await TypeAsync(evaluator.GetByLabel("Wat hebben we geleerd?"), "Minder dan vaste bezoekers: een gastvrouw bij de deur helpt.");
        await TypeAsync(evaluator.GetByLabel("Waarom verandert het?"), "Twee zondagen geteld en gevraagd.");
        await CheckAsync(evaluator, "learning question edit form", findings, "bijwerken");
        await EnterAsync(evaluator.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }));
        await Expect(evaluator.Locator("#geschiedenis").GetByText("Status: Open werd Beantwoord")).ToBeVisibleAsync();
        await CheckAsync(evaluator, "answered learning question with its history", findings, "beantwoord");

        await evaluator.GotoAsync($"/projecten/{project}/leeragenda");
        await EnterAsync(evaluator.GetByRole(AriaRole.Link, new() { Name = "Nieuwe systeembarrière" }));
        await TypeAsync(evaluator.GetByLabel("Wat zit in de weg?"), "Buurthuizen zijn op zondag gesloten");
        await TypeAsync(evaluator.GetByLabel("Wie kan hem wegnemen?"), "Wethouder Zorg en Welzijn");
        await EnterAsync(evaluator.GetByRole(AriaRole.Button, new() { Name = "Op de leeragenda zetten" }));
        await Expect(evaluator).ToHaveURLAsync(new Regex(@"/leeragenda/\d+$"));
        await evaluator.GotoAsync($"/projecten/{project}/leeragenda");
        await Expect(evaluator.GetByRole(AriaRole.Heading, new() { Name = "Beantwoord of vervallen" })).ToBeVisibleAsync();
        await CheckAsync(evaluator, "learning agenda with an answered question and a barrier", findings, "agenda");

        PageProblems.AssertNone(evaluator);
        await evaluator.Context.CloseAsync();
        Assert.True(findings.Length == 0, findings.ToString());
    }

    [Fact]
    public async Task A_facilitator_writes_a_kwestie_and_its_antwoord_on_the_innovatiereis_by_keyboard()
    {
        var project = await ProjectInTestAsync();
        var findings = new StringBuilder();
        var facilitator = await app.NewSignedInPageAsync(BrowserFixture.Facilitator);

        await facilitator.GotoAsync($"/projecten/{project}");
        await EnterAsync(facilitator.GetByRole(AriaRole.Link, new() { Name = "Innovatiereis", Exact = true }));
        await EnterAsync(facilitator.GetByRole(AriaRole.Link, new() { Name = "Nieuw: kwestie" }));
        await EnterAsync(facilitator.GetByRole(AriaRole.Button, new() { Name = "Op de reis zetten" }));
        await Expect(facilitator.GetByRole(AriaRole.Alert).First).ToBeVisibleAsync();
        await CheckAsync(facilitator, "kwestie form sent empty", findings, "kwestie-fouten");
        await TypeAsync(facilitator.GetByLabel("Wat gebeurde er, in één zin?"), "Wie het eenzaamst is, komt niet naar de avond");
        await EnterAsync(facilitator.GetByRole(AriaRole.Button, new() { Name = "Op de reis zetten" }));
        await Expect(facilitator).ToHaveURLAsync(new Regex(@"/innovatiereis/\d+$"));
        await CheckAsync(facilitator, "kwestie", findings, "kwestie");

        await facilitator.GotoAsync($"/projecten/{project}/innovatiereis");
        await EnterAsync(facilitator.GetByRole(AriaRole.Link, new() { Name = "Nieuw: antwoord" }));
        await TypeAsync(facilitator.GetByLabel("Wat gebeurde er, in één zin?"), "We gaan naar mensen thuis");
        await PickAsync(facilitator.GetByLabel("Op welke kwestie is dit een antwoord?"), "Wie het eenzaamst is, komt niet naar de avond");
        await CheckAsync(facilitator, "antwoord form", findings, "antwoord-formulier");
        await EnterAsync(facilitator.GetByRole(AriaRole.Button, new() { Name = "Op de reis zetten" }));
        await Expect(facilitator.Locator("#verbanden").GetByRole(AriaRole.Link, new() { Name = "Wie het eenzaamst is, komt niet naar de avond" })).ToBeVisibleAsync();

        await facilitator.GotoAsync($"/projecten/{project}/innovatiereis");
        await Expect(facilitator.Locator(".pt-journey__note")).ToHaveCountAsync(2);
        await CheckAsync(facilitator, "innovatiereis with two notes", findings, "reis");
        await facilitator.GotoAsync("/projecten/1/innovatiereis");
        await CheckAsync(facilitator, "the demo's innovatiereis", findings, "demo-reis");
        await EnterAsync(facilitator.GetByRole(AriaRole.Link, new() { Name = "Verslag om te printen of als Word-bestand" }));
        await Expect(facilitator.GetByRole(AriaRole.Heading, new() { Name = "Hoofdstuk 1: Inleven" })).ToBeVisibleAsync();
        await CheckAsync(facilitator, "the demo's journey report", findings, "verslag");

        PageProblems.AssertNone(facilitator);
        await facilitator.Context.CloseAsync();
        Assert.True(findings.Length == 0, findings.ToString());
    }
}
