using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Proeftuin.BrowserTests.Infrastructure;
using Proeftuin.Data;
using Proeftuin.Features.Members;
using Proeftuin.Features.Sessions;
using static Microsoft.Playwright.Assertions;

namespace Proeftuin.BrowserTests;

/// <summary>
/// Issue 9, points 6, 7 and 12: the session board (coloured cards, clusters as columns, the select per card as the
/// keyboard path), the full-screen wall screen at 1920 × 1080, the one polite live region that tells step changes and
/// results, and where focus goes after a stip and after an empty post-it. axe runs on each of these states.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SessionBoardTests(BrowserFixture app)
{
    private sealed record Seeded(int Id, string JoinCode, IReadOnlyDictionary<string, int> Notes, IReadOnlyList<int> Steps);

    /// <summary>
    /// A running session on the demo project "Samen tegen eenzaamheid" (project 1), straight into the database: a write
    /// step, a cluster step with the cluster "Samen eten", a vote step and a discussion; three post-its from three
    /// knowledge sources; the session stands at the step given.
    /// </summary>
    private async Task<Seeded> SeedAsync(int currentStep, int votesPerPerson = 3)
    {
        using var scope = app.Server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTime.UtcNow;
        var session = new LiveSession
        {
            ProjectId = 1,
            Title = "Bordsessie " + Guid.NewGuid().ToString("N")[..6],
            State = SessionState.Running,
            JoinCode = JoinCodes.New(),
            CreatedAt = now,
            StartedAt = now,
        };
        session.Steps.AddRange([
            new Step { Position = 0, Form = WorkForm.SilentWriting, Mode = StepMode.Write, Title = "Schrijven", Instruction = "Schrijf je ideeën op.", Minutes = 5 },
            new Step { Position = 1, Form = WorkForm.Clustering, Mode = StepMode.Cluster, Title = "Clusteren", Instruction = "Zet bij elkaar wat bij elkaar hoort.", Minutes = 10 },
            new Step { Position = 2, Form = WorkForm.DotVoting, Mode = StepMode.Vote, Title = "Stemmen met stippen", Instruction = "Zet je stippen.", Minutes = 5, VotesPerPerson = votesPerPerson },
            new Step { Position = 3, Form = WorkForm.DiscussChoose, Mode = StepMode.Discuss, Title = "Bespreken", Instruction = "Kies samen.", Minutes = 10 },
        ]);
        db.Sessions.Add(session);
        await db.SaveChangesAsync();
        var steps = session.Steps.OrderBy(s => s.Position).ToList();
        var current = steps[currentStep];
        session.CurrentStepId = current.Id;
        current.StartedAt = now;
        current.EndsAt = now.AddMinutes(current.Minutes);
        var cluster = new Cluster { SessionId = session.Id, Name = "Samen eten", CreatedAt = now };
        db.Clusters.Add(cluster);
        var notes = new Dictionary<string, int>();
        foreach (var (name, perspective, text) in new[]
        {
            ("Riet", Perspective.Experience, "Soep op zondag in de buurtkamer"),
            ("Mark", Perspective.Professional, "Het wijkteam schuift aan"),
            ("Lisa", Perspective.Scientific, "Vaste momenten helpen tegen eenzaamheid"),
        })
        {
            var writer = new Participant { SessionId = session.Id, DisplayName = name, Perspective = perspective, GuestKeyHash = Guid.NewGuid().ToString("N"), JoinedAt = now };
            db.Participants.Add(writer);
            await db.SaveChangesAsync();
            var note = new Note { SessionId = session.Id, StepId = steps[0].Id, ParticipantId = writer.Id, Text = text, CreatedAt = now };
            db.Notes.Add(note);
            await db.SaveChangesAsync();
            notes[text] = note.Id;
        }
        return new Seeded(session.Id, session.JoinCode, notes, steps.Select(s => s.Id).ToList());
    }

    [Fact]
    public async Task The_board_shows_coloured_cards_in_columns_and_a_card_moves_by_keyboard_with_its_select()
    {
        var seeded = await SeedAsync(currentStep: 1);
        var facilitator = await app.NewSignedInPageAsync(BrowserFixture.Facilitator);
        await facilitator.GotoAsync($"/sessies/{seeded.Id}");
        await Expect(facilitator.Locator("[data-live-status]")).ToContainTextAsync("erbonden");

        // Columns: the loose post-its first, then the cluster by name.
        var columns = facilitator.Locator(".pt-board > .pt-cluster");
        await Expect(columns).ToHaveCountAsync(2);
        await Expect(columns.Nth(1).Locator("h3")).ToContainTextAsync("Samen eten");
        // Colour per knowledge source, and the source in words on every card.
        var soup = facilitator.Locator(".pt-note", new() { HasText = "Soep op zondag" });
        await Expect(soup).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("pt-note--experience"));
        await Expect(soup.Locator(".pt-note__source")).ToHaveTextAsync("Ervaringskennis");
        var tones = await facilitator.Locator(".pt-board .pt-note").EvaluateAllAsync<string[]>("cards => cards.map(c => getComputedStyle(c).backgroundColor)");
        Assert.Equal(3, tones.Distinct().Count());
        await Axe.AssertNoAxeViolationsAsync(facilitator, "session board, facilitator, clustering");

        // The keyboard path: the select on the card, then its button.
        var select = soup.GetByLabel("Verplaats naar cluster…");
        await select.FocusAsync();
        await select.SelectOptionAsync(new SelectOptionValue { Label = "Samen eten" });
        await facilitator.Keyboard.PressAsync("Tab");
        await facilitator.Keyboard.PressAsync("Enter");
        await Expect(columns.Nth(1).Locator(".pt-note", new() { HasText = "Soep op zondag" })).ToBeVisibleAsync();
        await Expect(columns.Nth(0).Locator(".pt-note", new() { HasText = "Soep op zondag" })).ToHaveCountAsync(0);
        await Expect(columns.Nth(1).Locator(".pt-cluster__count")).ToHaveTextAsync("(1)");
        // Saved, not only moved on screen.
        await facilitator.ReloadAsync();
        await Expect(facilitator.Locator(".pt-board > .pt-cluster").Nth(1).Locator(".pt-note", new() { HasText = "Soep op zondag" })).ToBeVisibleAsync();

        // On a phone the columns stack: nothing scrolls sideways.
        var phone = await app.NewSignedInPageAsync(BrowserFixture.Facilitator, width: 320);
        await phone.GotoAsync($"/sessies/{seeded.Id}");
        Assert.True(await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 320, "the board scrolls sideways at 320 px");
        await Axe.AssertNoAxeViolationsAsync(phone, "session board at 320 px");

        PageProblems.AssertNone(facilitator);
        PageProblems.AssertNone(phone);
    }

    [Fact]
    public async Task The_wall_screen_fills_1920_by_1080_without_the_site_header_and_follows_the_session()
    {
        var seeded = await SeedAsync(currentStep: 1);
        var wall = await app.NewSignedInPageAsync(BrowserFixture.Facilitator);
        await wall.SetViewportSizeAsync(1920, 1080);
        await wall.GotoAsync($"/sessies/{seeded.Id}/scherm");
        await Expect(wall.Locator("[data-live-status]")).ToContainTextAsync("erbonden");

        // Its own page: no site header, menu, breadcrumbs or footer.
        await Expect(wall.Locator(".pt-header")).ToHaveCountAsync(0);
        await Expect(wall.Locator(".pt-footer")).ToHaveCountAsync(0);
        await Expect(wall.Locator(".pt-breadcrumbs-nav")).ToHaveCountAsync(0);
        // Code and QR in the top right corner.
        var code = await wall.Locator(".pt-wall__code").BoundingBoxAsync();
        var qr = await wall.Locator(".pt-wall__qr").BoundingBoxAsync();
        Assert.NotNull(code);
        Assert.NotNull(qr);
        Assert.True(code!.X > 960 && code.Y < 300, $"the code is not in the top right corner: {code.X},{code.Y}");
        Assert.True(qr!.X > 960 && qr.Y < 300, $"the QR code is not in the top right corner: {qr.X},{qr.Y}");
        // Big type, readable from the back of the room.
        async Task<double> FontSize(string selector) =>
            await wall.Locator(selector).First.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).fontSize)");
        Assert.True(await FontSize("[data-step-title]") >= 48, "step title under 48 px");
        Assert.True(await FontSize(".pt-timer--wall") >= 96, "timer under 96 px");
        Assert.True(await FontSize(".pt-wall__code") >= 64, "join code under 64 px");
        Assert.True(await FontSize("#bord .pt-note__text") >= 24, "post-its under 24 px");
        // The board fills the screen below the step, and the page does not scroll sideways.
        await Expect(wall.Locator("#bord .pt-note")).ToHaveCountAsync(3);
        var board = await wall.Locator("#bord").BoundingBoxAsync();
        Assert.True(board!.Width >= 1800, $"the board is only {board.Width} px wide");
        Assert.True(await wall.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 1920);
        await Axe.AssertNoAxeViolationsAsync(wall, "wall screen at 1920 × 1080");

        // Live: the facilitator moves on and writes nothing on the wall; the wall follows by itself.
        var facilitator = await app.NewSignedInPageAsync(BrowserFixture.Facilitator);
        await facilitator.GotoAsync($"/sessies/{seeded.Id}");
        await Expect(facilitator.Locator("[data-live-status]")).ToContainTextAsync("erbonden");
        await facilitator.Locator(".pt-note", new() { HasText = "Soep op zondag" }).GetByLabel("Verplaats naar cluster…").SelectOptionAsync(new SelectOptionValue { Label = "Samen eten" });
        await facilitator.Locator(".pt-note", new() { HasText = "Soep op zondag" }).GetByRole(AriaRole.Button, new() { Name = "Verplaats" }).ClickAsync();
        await Expect(wall.Locator("#bord .pt-cluster[data-cluster-id] .pt-note", new() { HasText = "Soep op zondag" })).ToBeVisibleAsync();
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Volgende stap" }).ClickAsync();
        await Expect(wall.Locator("[data-step-title]")).ToHaveTextAsync("Stemmen met stippen");
        await Expect(wall.Locator("[data-step-mode]")).ToContainTextAsync("Stap 3 van 4");

        PageProblems.AssertNone(wall);
        PageProblems.AssertNone(facilitator);
    }

    [Fact]
    public async Task The_live_region_tells_step_changes_and_results_and_focus_stays_after_a_stip_and_an_empty_post_it()
    {
        var seeded = await SeedAsync(currentStep: 0, votesPerPerson: 1);
        var facilitator = await app.NewSignedInPageAsync(BrowserFixture.Facilitator);
        await facilitator.GotoAsync($"/sessies/{seeded.Id}");
        var resident = await app.NewSignedInPageAsync(BrowserFixture.Resident, width: 390);
        await resident.GotoAsync($"/sessies/{seeded.Id}");
        var region = resident.Locator("[data-live-status]");
        await Expect(region).ToHaveCountAsync(1);
        await Expect(region).ToHaveAttributeAsync("aria-live", "polite");
        await Expect(region).ToContainTextAsync("erbonden");
        await resident.EvaluateAsync("() => { window.ptRegion = document.querySelector('[data-live-status]'); }");

        // An empty post-it is refused next to the field, and the keyboard stays in it.
        var field = resident.GetByLabel("Jouw post-it");
        await field.FocusAsync();
        await resident.Keyboard.PressAsync("Tab");
        await resident.Keyboard.PressAsync("Enter");
        await Expect(field).ToBeFocusedAsync();
        await Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
        var describedBy = (await field.GetAttributeAsync("aria-describedby"))!.Split(' ');
        var error = resident.Locator("#pt-nieuwe-post-it-fout");
        Assert.Contains("pt-nieuwe-post-it-fout", describedBy);
        await Expect(error).ToBeVisibleAsync();
        await Expect(error).ToHaveTextAsync("Schrijf eerst iets op je post-it.");
        await Axe.AssertNoAxeViolationsAsync(resident, "session page, empty post-it refused");
        // Writing something clears the error.
        await field.FillAsync("Samen koken met de buren");
        await resident.GetByRole(AriaRole.Button, new() { Name = "Plaatsen" }).ClickAsync();
        await Expect(resident.Locator(".pt-note__text", new() { HasText = "Samen koken met de buren" })).ToBeVisibleAsync();
        await Expect(field).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(error).ToBeHiddenAsync();

        // A step change is told in the same live region: its text changes, the element stays.
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Volgende stap" }).ClickAsync();
        await Expect(region).ToHaveTextAsync("Nieuwe stap: Clusteren.");
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Volgende stap" }).ClickAsync();
        await Expect(region).ToHaveTextAsync("Nieuwe stap: Stemmen met stippen.");
        Assert.True(await resident.EvaluateAsync<bool>("() => window.ptRegion === document.querySelector('[data-live-status]') && document.querySelectorAll('[aria-live]').length >= 1"),
            "the live region was replaced instead of updated");

        // A stip by keyboard: focus stays on the button, which now says it is used up (aria-disabled, still focusable).
        var card = resident.Locator(".pt-note", new() { HasText = "Soep op zondag" });
        var vote = card.GetByRole(AriaRole.Button, new() { Name = "Stip zetten" });
        await vote.FocusAsync();
        await resident.Keyboard.PressAsync("Enter");
        await Expect(resident.Locator("[data-pt-votes-left]")).ToContainTextAsync("0 van de 1");
        await Expect(vote).ToBeFocusedAsync();
        await Expect(vote).ToHaveAttributeAsync("aria-disabled", "true");
        // Pressing it again casts nothing and keeps the focus.
        await resident.Keyboard.PressAsync("Enter");
        await Expect(vote).ToBeFocusedAsync();
        await Axe.AssertNoAxeViolationsAsync(resident, "session page, after a stip");

        // The results are told too when the vote closes.
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Stemming sluiten en uitslag tonen" }).ClickAsync();
        await Expect(region).ToHaveTextAsync("Het stemmen is gesloten: de uitslag staat er.");
        await Expect(resident.Locator(".pt-results")).ToBeVisibleAsync();
        await Expect(resident.Locator($"#post-it-{seeded.Notes["Soep op zondag in de buurtkamer"]} [data-pt-dots]")).ToContainTextAsync("1 stip");

        PageProblems.AssertNone(facilitator);
        PageProblems.AssertNone(resident);
    }

    [Fact]
    public async Task A_closed_session_shows_its_banner_on_the_live_page_and_the_wall_and_passes_axe()
    {
        var seeded = await SeedAsync(currentStep: 2);
        var facilitator = await app.NewSignedInPageAsync(BrowserFixture.Facilitator);
        await facilitator.GotoAsync($"/sessies/{seeded.Id}");
        await Expect(facilitator.Locator("[data-live-status]")).ToContainTextAsync("erbonden");
        var resident = await app.NewSignedInPageAsync(BrowserFixture.Resident);
        await resident.GotoAsync($"/sessies/{seeded.Id}");
        await Expect(resident.Locator("[data-live-status]")).ToContainTextAsync("erbonden");

        facilitator.Dialog += (_, dialog) => dialog.AcceptAsync();
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Sessie afsluiten" }).ClickAsync();
        // Everyone's screen shows the banner, live, and it stays after a reload.
        foreach (var page in new[] { facilitator, resident })
        {
            await Expect(page.Locator("[data-session-closed]")).ToContainTextAsync("Deze sessie is afgelopen.");
            await page.ReloadAsync();
            await Expect(page.Locator("[data-session-closed]")).ToContainTextAsync("Deze sessie is afgelopen.");
            await Expect(page.Locator("[data-session-closed] a")).ToHaveAttributeAsync("href", $"/sessies/{seeded.Id}/samenvatting");
            await Axe.AssertNoAxeViolationsAsync(page, "closed session banner");
        }
        await facilitator.GotoAsync($"/sessies/{seeded.Id}/scherm");
        await Expect(facilitator.Locator("[data-session-closed]")).ToBeVisibleAsync();
        await Axe.AssertNoAxeViolationsAsync(facilitator, "wall screen, closed");

        PageProblems.AssertNone(facilitator);
        PageProblems.AssertNone(resident);
    }
}
