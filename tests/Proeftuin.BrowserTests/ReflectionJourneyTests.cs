using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Proeftuin.BrowserTests.Infrastructure;
using Proeftuin.Data;
using Proeftuin.Features.Learning;
using Proeftuin.Features.Members;
using Proeftuin.Features.Projects;
using static Microsoft.Playwright.Assertions;
using static Proeftuin.BrowserTests.Infrastructure.KeyboardOnly;

namespace Proeftuin.BrowserTests;

/// <summary>
/// Issue 13 (reflectiemomenten): an evaluator plans a reflection (first sent empty) with a resident and a learning
/// question; the resident follows the melding and answers; the evaluator writes the outcome (first sent empty) and turns
/// it into a public lesson, all from the keyboard. Axe (and reflow at 320 px) on each page, screenshots at 1280 and 390 px.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReflectionJourneyTests(BrowserFixture app)
{
    private static Task CheckAsync(IPage page, string where, StringBuilder findings, string shot) => Journeys.CheckAsync(page, where, findings, "reflecties", shot);

    [Fact]
    public async Task An_evaluator_runs_a_reflection_and_publishes_a_lesson_by_keyboard()
    {
        int project;
        string resident;
        using (var scope = app.Server.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var added = await Journeys.AddProjectAsync(db, "Reflecteren op de wijkkoffie", Phase.Test, Journeys.Facilitator,
                (BrowserFixture.Researcher, ProjectRole.Evaluator, Perspective.Scientific), (BrowserFixture.Resident, ProjectRole.Member, Perspective.Experience));
            db.Items.Add(new LearningQuestion { Project = added, Title = "Komen nieuwe bewoners terug?", ForWhom = "Het wijkteam", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            project = added.Id;
            resident = await db.Users.Where(u => u.Email == BrowserFixture.Resident).Select(u => u.DisplayName).SingleAsync();
        }
        var findings = new StringBuilder();
        var evaluator = await app.NewSignedInPageAsync(BrowserFixture.Researcher);

        await evaluator.GotoAsync($"/projecten/{project}");
        await EnterAsync(evaluator.GetByRole(AriaRole.Link, new() { Name = "Reflecties", Exact = true }));
        await Expect(evaluator).ToHaveURLAsync(new Regex($"/projecten/{project}/reflecties$"));
        await EnterAsync(evaluator.GetByRole(AriaRole.Link, new() { Name = "Reflectie plannen" }));
        await EnterAsync(evaluator.GetByRole(AriaRole.Button, new() { Name = "Reflectie plannen" }));
        await Expect(evaluator.GetByRole(AriaRole.Alert).First).ToBeVisibleAsync();
        await CheckAsync(evaluator, "plan form sent empty", findings, "plan-fouten");
        await TypeAsync(evaluator.GetByLabel("Naam van de reflectie"), "Terugkijken op de wijkkoffie");
        await ChooseAsync(evaluator.GetByLabel(new Regex(Regex.Escape(resident))));
        await ChooseAsync(evaluator.GetByLabel(new Regex("Komen nieuwe bewoners terug")));
        await EnterAsync(evaluator.GetByRole(AriaRole.Button, new() { Name = "Reflectie plannen" }));
        await Expect(evaluator).ToHaveURLAsync(new Regex(@"/reflecties/\d+$"));
        var reflectionUrl = evaluator.Url;
        await CheckAsync(evaluator, "planned reflection", findings, "gepland");

        // The resident follows the melding and answers two of the three prompts.
        var member = await app.NewSignedInPageAsync(BrowserFixture.Resident);
        await member.GotoAsync("/meldingen");
        await EnterAsync(member.GetByRole(AriaRole.Link, new() { Name = "Je bent uitgenodigd voor de reflectie „Terugkijken op de wijkkoffie”", Exact = false }).First);
        await Expect(member).ToHaveURLAsync(reflectionUrl);
        await EnterAsync(member.GetByRole(AriaRole.Link, new() { Name = "Beantwoord de vragen" }));
        await TypeAsync(member.GetByLabel("Wat gebeurde er?"), "Er kwamen drie nieuwe buren.");
        await TypeAsync(member.GetByLabel("Wat verraste ons?"), "Dat de kinderen hun opa meenamen.");
        await CheckAsync(member, "answer form", findings, "antwoorden");
        await EnterAsync(member.GetByRole(AriaRole.Button, new() { Name = "Antwoorden bewaren" }));
        await Expect(member.GetByText("Dat de kinderen hun opa meenamen.")).ToBeVisibleAsync();
        PageProblems.AssertNone(member);
        await member.Context.CloseAsync();

        // The evaluator writes the outcome, then a public lesson from the reflection.
        await evaluator.ReloadAsync();
        await EnterAsync(evaluator.GetByRole(AriaRole.Link, new() { Name = "Uitkomst schrijven" }));
        await EnterAsync(evaluator.GetByRole(AriaRole.Button, new() { Name = "Uitkomst bewaren" }));
        await Expect(evaluator.GetByRole(AriaRole.Alert).First).ToBeVisibleAsync();
        await CheckAsync(evaluator, "outcome form sent empty", findings, "uitkomst-fouten");
        await TypeAsync(evaluator.GetByLabel("Wat hebben we geleerd?"), "Nieuwe buren komen als iemand ze meeneemt.");
        await TypeAsync(evaluator.GetByLabel("Advies"), "Vraag vaste bezoekers om iemand mee te nemen.");
        await EnterAsync(evaluator.GetByRole(AriaRole.Button, new() { Name = "Uitkomst bewaren" }));
        await Expect(evaluator.GetByRole(AriaRole.Heading, new() { Name = "Wat we leerden" })).ToBeVisibleAsync();
        await CheckAsync(evaluator, "closed reflection", findings, "afgerond");

        await EnterAsync(evaluator.GetByRole(AriaRole.Link, new() { Name = "Schrijf een les uit deze reflectie" }));
        await TypeAsync(evaluator.GetByLabel("Titel van de les"), "Meenemen werkt beter dan uitnodigen");
        await TypeAsync(evaluator.GetByLabel("Wat hebben jullie geleerd?"), "Nieuwe buren komen als een bekende ze meeneemt.");
        await TypeAsync(evaluator.GetByLabel("Voor wie en in welke situatie?"), "Buren die nog niemand kennen, bij een wijkkoffie.");
        await PickAsync(evaluator.GetByLabel("Werkte het?"), "Werkte");
        await PickAsync(evaluator.GetByLabel("Wie mag de les lezen?"), "Openbaar");
        await EnterAsync(evaluator.GetByRole(AriaRole.Button, new() { Name = "Les bewaren" }));
        await Expect(evaluator).ToHaveURLAsync(new Regex(@"/lessen/\d+$"));
        await Expect(evaluator.GetByRole(AriaRole.Link, new() { Name = "Terugkijken op de wijkkoffie" }).First).ToBeVisibleAsync();
        await CheckAsync(evaluator, "lesson from the reflection", findings, "les");

        PageProblems.AssertNone(evaluator);
        await evaluator.Context.CloseAsync();
        Assert.True(findings.Length == 0, findings.ToString());
    }
}
