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
/// Issue 14 (moderatie): a resident reports a reactie that names a neighbour; the facilitator finds it in the queue, takes
/// the name out with a note, and hides another; all from the keyboard. Axe (and reflow at 320 px) on each page,
/// screenshots at 1280 and 390 px.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ModerationJourneyTests(BrowserFixture app)
{
    private static Task CheckAsync(IPage page, string where, StringBuilder findings, string shot) => Journeys.CheckAsync(page, where, findings, "moderatie", shot);

    [Fact]
    public async Task A_resident_reports_and_the_facilitator_edits_and_hides_by_keyboard()
    {
        int insight;
        using (var scope = app.Server.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var project = await Journeys.AddProjectAsync(db, "Melden in de wijk", Phase.Empathize, Journeys.Facilitator,
                (BrowserFixture.Resident, ProjectRole.Member, Perspective.Experience));
            var item = new Insight { Project = project, Title = "Buren kennen elkaar niet", Text = "Dat zeggen bewoners van de flat.", Html = "<p>Dat zeggen bewoners van de flat.</p>", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
            db.Items.Add(item);
            await db.SaveChangesAsync();
            db.Comments.Add(new Comment { ItemId = item.Id, ProjectId = project.Id, Text = "Vraag het aan Piet Bakker van nummer 7.", Html = "<p>Vraag het aan Piet Bakker van nummer 7.</p>", CreatedAt = DateTime.UtcNow });
            db.Comments.Add(new Comment { ItemId = item.Id, ProjectId = project.Id, Text = "Koop nu goedkope horloges!", Html = "<p>Koop nu goedkope horloges!</p>", CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            insight = item.Id;
        }
        var findings = new StringBuilder();

        // The resident reports the first reactie: first sent without a reason, then with one.
        var resident = await app.NewSignedInPageAsync(BrowserFixture.Resident);
        await resident.GotoAsync($"/draad/{insight}");
        await EnterAsync(resident.Locator("a[href^='/melden/reactie/']").First);
        await Expect(resident).ToHaveURLAsync(new Regex(@"/melden/reactie/\d+$"));
        await EnterAsync(resident.GetByRole(AriaRole.Button, new() { Name = "Melding versturen" }));
        await Expect(resident.GetByRole(AriaRole.Alert).First).ToBeVisibleAsync();
        await CheckAsync(resident, "report sent empty", findings, "melden-fouten");
        await ChooseAsync(resident.GetByLabel("Er staan persoonsgegevens in"));
        await TypeAsync(resident.GetByLabel("Wat is er niet goed aan?"), "Hier staat de naam van mijn buurman.");
        await EnterAsync(resident.GetByRole(AriaRole.Button, new() { Name = "Melding versturen" }));
        await Expect(resident).ToHaveURLAsync(new Regex($"/draad/{insight}#reactie-\\d+$"));
        await Expect(resident.GetByText("Bedankt voor je melding.")).ToBeVisibleAsync();
        await CheckAsync(resident, "reported", findings, "gemeld");

        // The facilitator opens the queue, takes the name out with a note.
        var facilitator = await app.NewSignedInPageAsync(BrowserFixture.Facilitator);
        await facilitator.GotoAsync("/moderatie");
        await CheckAsync(facilitator, "queue", findings, "wachtrij");
        await EnterAsync(facilitator.GetByRole(AriaRole.Link, new() { Name = "Reactie bij „Buren kennen elkaar niet”" }).First);
        await CheckAsync(facilitator, "case", findings, "melding");
        await facilitator.GetByText("Aanpassen: haal weg wat niet kan").FocusAsync();
        await facilitator.Keyboard.PressAsync("Enter");
        var text = facilitator.GetByLabel("Nieuwe tekst");
        await text.FocusAsync();
        await text.FillAsync("Vraag het aan een buurman.");
        await TypeAsync(facilitator.GetByLabel("Wat heb je aangepast, en waarom?"), "Naam en huisnummer weggehaald.");
        await EnterAsync(facilitator.GetByRole(AriaRole.Button, new() { Name = "Aanpassing bewaren" }));
        await Expect(facilitator.GetByText("De tekst is aangepast.")).ToBeVisibleAsync();
        await CheckAsync(facilitator, "edited", findings, "aangepast");

        // The spam reactie: straight from the thread's Melden link to the case page is for readers; the facilitator
        // reports it too, then hides it with a reason.
        await facilitator.GotoAsync($"/draad/{insight}");
        await EnterAsync(facilitator.Locator("a[href^='/melden/reactie/']").Nth(1));
        await ChooseAsync(facilitator.GetByLabel("Reclame of spam"));
        await EnterAsync(facilitator.GetByRole(AriaRole.Button, new() { Name = "Melding versturen" }));
        await facilitator.GotoAsync("/moderatie");
        await EnterAsync(facilitator.GetByRole(AriaRole.Link, new() { Name = "Reactie bij „Buren kennen elkaar niet”" }).First);
        await TypeAsync(facilitator.GetByLabel("Reden"), "Reclame hoort hier niet.");
        await EnterAsync(facilitator.GetByRole(AriaRole.Button, new() { Name = "Verbergen" }));
        await Expect(facilitator.GetByText("Dit is verborgen door moderatie sinds")).ToBeVisibleAsync();
        await CheckAsync(facilitator, "hidden", findings, "verborgen");

        await resident.GotoAsync($"/draad/{insight}");
        await Expect(resident.GetByText("Deze reactie is verborgen door moderatie.")).ToBeVisibleAsync();
        await Expect(resident.GetByText("Aangepast door moderatie: Naam en huisnummer weggehaald.")).ToBeVisibleAsync();
        await Expect(resident.GetByText("horloges")).ToHaveCountAsync(0);
        await CheckAsync(resident, "thread after moderation", findings, "draad");
        Assert.True(findings.Length == 0, findings.ToString());
    }
}
