using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Proeftuin.BrowserTests.Infrastructure;
using Proeftuin.Data;
using Proeftuin.Features.Projects;
using Proeftuin.Features.Prototypes;
using static Microsoft.Playwright.Assertions;

namespace Proeftuin.BrowserTests;

/// <summary>
/// Issue 12 (experiments): a facilitator sets up a proef for a prototype, starts it, logs an observation, ends it,
/// records the results and decides, by the forms as a person fills them in; axe (and reflow at 320 px) on every page
/// of a proef, in a project of its own (the demo has no proef yet), and screenshots at 1280 and 390 px to look at.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ExperimentJourneyTests(BrowserFixture app)
{
    /// <summary>A project of its own with the demo facilitator and one prototype; returns (project, prototype).</summary>
    private async Task<(int Project, int Prototype)> ProjectWithPrototypeAsync()
    {
        using var scope = app.Server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var project = await Journeys.AddProjectAsync(db, "Proeftuin zondagmiddag", Phase.Test, Journeys.Facilitator);
        var prototype = new Prototype { Project = project, Title = "Open huis op zondag", Text = "Een mock-up.", Html = "<p>Een mock-up.</p>", Phase = Phase.Prototype, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, SearchTerms = " open huis " };
        db.Items.Add(prototype);
        await db.SaveChangesAsync();
        return (project.Id, prototype.Id);
    }

    private static Task CheckAsync(IPage page, string where, StringBuilder findings, string shot) => Journeys.CheckAsync(page, where, findings, "proef", shot);

    [Fact]
    public async Task A_facilitator_sets_up_runs_observes_and_decides_a_proef_and_every_page_passes_axe()
    {
        var (project, prototype) = await ProjectWithPrototypeAsync();
        var page = await app.NewSignedInPageAsync(BrowserFixture.Facilitator);
        var findings = new StringBuilder();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        await page.GotoAsync($"/projecten/{project}/proeven");
        await CheckAsync(page, "empty proef list", findings, "lijst-leeg");
        await page.GetByRole(AriaRole.Link, new() { Name = "Proef opzetten" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Proef opslaan" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).First).ToBeVisibleAsync();
        await CheckAsync(page, "setup form submitted empty", findings, "nieuw-fouten");

        await page.GetByLabel("Welk prototype test je?").SelectOptionAsync(new SelectOptionValue { Label = "Open huis op zondag" });
        await page.GetByLabel("Naam van de proef").FillAsync("Open huis op zondagmiddag");
        await page.GetByLabel("Hypothese").FillAsync("Als het buurthuis op zondag open is, komen er mensen die alleen wonen.");
        await page.GetByLabel("Plek", new() { Exact = true }).FillAsync("Buurthuis De Klokkenberg");
        await page.GetByLabel("Begindatum").FillAsync(today.AddDays(-7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Einddatum").FillAsync(today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Wie doen er mee?").FillAsync("Bewoners van 65 jaar en ouder die alleen wonen");
        await page.GetByLabel("Hoeveel mensen doen er mee?").FillAsync("20");
        await page.GetByLabel("Hoe vind je de deelnemers?").FillAsync("Via het wijkteam");
        await page.GetByLabel("Veiligheid en toestemming").FillAsync("Iedereen kan altijd stoppen.");
        await page.GetByLabel("Meetplan").FillAsync("Elke zondag tellen.");
        var first = page.GetByRole(AriaRole.Group, new() { Name = "Succescriterium 1" });
        await first.GetByLabel("Wat wil je bereiken?").FillAsync("Meer bezoekers");
        await first.GetByLabel("Hoe meet je het?").FillAsync("Tellen bij de deur");
        await first.GetByLabel("Drempel: vanaf wanneer is het gelukt?").FillAsync("15 per zondag");
        var rule = page.GetByRole(AriaRole.Group, new() { Name = "Regelruimte 1" });
        await rule.GetByLabel("Welke regel of werkwijze zet je opzij?").FillAsync("Het buurthuis is op zondag dicht");
        await rule.GetByLabel("Wie gaf toestemming?").FillAsync("Wethouder Zorg");
        await rule.GetByLabel("Tot wanneer mag het?").FillAsync(today.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Proef opslaan" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(ProefUrl());
        var id = int.Parse(ProefUrl().Match(page.Url).Groups[1].Value, CultureInfo.InvariantCulture);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Open huis op zondagmiddag");
        await Expect(page.GetByText("Let op: regelruimte loopt af")).ToBeVisibleAsync();
        await CheckAsync(page, "proef being prepared", findings, "voorbereiding");

        await page.GetByRole(AriaRole.Button, new() { Name = "Proef starten" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Observatie vastleggen" }).ClickAsync();
        await CheckAsync(page, "observation form", findings, "observatie");
        await page.GetByLabel("Wat zag of hoorde je?").FillAsync("Mevrouw Jansen kwam met haar buurvrouw.");
        await page.GetByLabel("Over welk succescriterium gaat het?").SelectOptionAsync(new SelectOptionValue { Label = "Meer bezoekers" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Observatie opslaan" }).ClickAsync();
        await Expect(page.Locator(".pt-observation").GetByText("Mevrouw Jansen kwam met haar buurvrouw.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Meting vastleggen" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Meting opslaan" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).First).ToBeVisibleAsync();
        await CheckAsync(page, "measurement form submitted empty", findings, "meting-fouten");
        await page.GetByLabel("Bij welk succescriterium hoort de meting?").SelectOptionAsync(new SelectOptionValue { Label = "Meer bezoekers" });
        await page.GetByLabel("Gemeten waarde").FillAsync("17 bezoekers");
        await page.GetByRole(AriaRole.Button, new() { Name = "Meting opslaan" }).ClickAsync();
        await Expect(page.GetByText("17 bezoekers")).ToBeVisibleAsync();
        await CheckAsync(page, "running proef with an observation and a measurement", findings, "loopt");

        // Editing (issue 12): the wethouder gives another month; a blank name is refused first, on the form, with axe on both.
        await page.GetByRole(AriaRole.Link, new() { Name = "Proef aanpassen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Proef aanpassen");
        await CheckAsync(page, "edit form of a running proef", findings, "bewerken");
        await page.GetByLabel("Naam van de proef").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Wijzigingen opslaan" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).First).ToBeVisibleAsync();
        await CheckAsync(page, "edit form submitted without a name", findings, "bewerken-fouten");
        await page.GetByLabel("Naam van de proef").FillAsync("Open huis op zondagmiddag, een maand langer");
        await page.GetByRole(AriaRole.Group, new() { Name = "Regelruimte 1" }).GetByLabel("Tot wanneer mag het?")
            .FillAsync(today.AddDays(60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Einddatum").FillAsync(today.AddDays(55).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Wijzigingen opslaan" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(ProefUrl());
        await Expect(page.GetByText("De proef is aangepast.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Open huis op zondagmiddag, een maand langer");
        await Expect(page.GetByText("Let op: regelruimte loopt af")).ToHaveCountAsync(0);
        await Expect(page.GetByText("17 bezoekers")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Proef afronden" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Resultaten vastleggen" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Resultaten opslaan" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).First).ToBeVisibleAsync();
        await CheckAsync(page, "results form submitted empty", findings, "resultaten-fouten");
        await page.GetByLabel("Resultaat").SelectOptionAsync(new SelectOptionValue { Label = "Deels gehaald" });
        await page.GetByLabel("Waaruit blijkt dat?").FillAsync("Gemiddeld 12 bezoekers.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Resultaten opslaan" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Besluit nemen" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Besluit opslaan" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).First).ToBeVisibleAsync();
        await CheckAsync(page, "decision form submitted empty", findings, "besluit-fouten");
        await page.GetByLabel("Bijsturen").CheckAsync();
        await page.GetByLabel("Terug naar welke fase?").SelectOptionAsync(new SelectOptionValue { Label = "Ideeën bedenken" });
        await page.GetByLabel("Wat verandert er?").FillAsync("Een gastvrouw bij de deur.");
        await page.GetByLabel("Waarom besluiten jullie dit?").FillAsync("Er kwamen mensen, maar minder dan gehoopt.");
        await page.GetByLabel("Geleerde les").FillAsync("Een open deur alleen is niet genoeg.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Besluit opslaan" }).ClickAsync();
        await Expect(page.GetByText("Een open deur alleen is niet genoeg.")).ToBeVisibleAsync();
        await CheckAsync(page, "decided proef", findings, "besluit");

        await page.GotoAsync($"/proeven/{id}/verslag");
        await CheckAsync(page, "report", findings, "verslag");
        await page.GotoAsync($"/projecten/{project}/proeven");
        await CheckAsync(page, "proef list", findings, "lijst");

        PageProblems.AssertNone(page);
        await page.Context.CloseAsync();
        Assert.True(findings.Length == 0, findings.ToString());
    }

    [GeneratedRegex(@"/proeven/(\d+)(#.*)?$")]
    private static partial Regex ProefUrl();
}
