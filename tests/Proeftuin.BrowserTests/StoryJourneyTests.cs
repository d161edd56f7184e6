using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Proeftuin.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Proeftuin.BrowserTests;

/// <summary>
/// Issue 3: a resident shares a story and gives it meaning with the keyboard only; a facilitator links it into
/// the thread; the resident sees what became of it. And the share link: a visitor without an account shares,
/// signifies and withdraws. axe runs on every page visited, the triangle page included.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class StoryJourneyTests(BrowserFixture app)
{
    private const string Insight = "Eenzaamheid zit in vaste momenten van de week";
    private const string Question = "Hoe kunnen we ervoor zorgen dat bewoners op zondag makkelijk iemand treffen?";

    [Fact]
    public async Task A_resident_shares_and_signifies_by_keyboard_a_facilitator_links_it_and_the_resident_sees_what_happened()
    {
        var resident = await app.NewSignedInPageAsync(BrowserFixture.Resident);
        var title = "Wachten bij de bushalte " + Guid.NewGuid().ToString("N")[..6];

        // Share: from the project's story list to the form.
        await resident.GotoAsync("/projecten/1/verhalen");
        await Axe.AssertNoAxeViolationsAsync(resident);
        await resident.GotoAsync("/projecten/1/verhalen/delen");
        await Axe.AssertNoAxeViolationsAsync(resident);
        await resident.GetByLabel("Vertel over een moment waarop contact met anderen je goed deed.").CheckAsync();
        await resident.GetByLabel("Het verhaal", new() { Exact = true }).FillAsync("Elke ochtend wacht ik op de bus. Sinds een buurman daar ook staat, praten we. Dat maakt mijn dag.");
        await resident.GetByLabel("Titel").FillAsync(title);
        await resident.GetByLabel("Vanuit welke kennis wordt dit verteld?").SelectOptionAsync(new SelectOptionValue { Label = "Ervaringskennis" });
        await resident.GetByLabel("Iedereen die het project kan zien", new() { Exact = true }).CheckAsync();
        await resident.GetByLabel("Naam bij je verhaal").FillAsync("Ans");
        await resident.GetByRole(AriaRole.Button, new() { Name = "Verhaal opslaan" }).ClickAsync();

        // Straight on to the signification page.
        await Expect(resident).ToHaveURLAsync(SignifyUrl());
        var storyId = int.Parse(SignifyUrl().Match(resident.Url).Groups[1].Value, CultureInfo.InvariantCulture);
        await Expect(resident.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Vragen over je verhaal");
        await Axe.AssertNoAxeViolationsAsync(resident, "signify page (triangle)");

        // Keyboard only: Tab to the first percentage, type three numbers that do not add up to 100, press Enter.
        var top = resident.Locator("#hulp_top");
        var left = resident.Locator("#hulp_left");
        var right = resident.Locator("#hulp_right");
        await TabToAsync(resident, top);
        await resident.Keyboard.TypeAsync("50");
        await resident.Keyboard.PressAsync("Tab");
        await Expect(left).ToBeFocusedAsync();
        await resident.Keyboard.TypeAsync("30");
        await resident.Keyboard.PressAsync("Tab");
        await Expect(right).ToBeFocusedAsync();
        await resident.Keyboard.TypeAsync("30");
        // signify.js keeps a running total in a polite live region.
        await Expect(resident.Locator("[data-sum]").First).ToHaveTextAsync("Samen: 110 van de 100 procent");
        await resident.Keyboard.PressAsync("Enter");

        var summary = resident.GetByRole(AriaRole.Alert);
        await Expect(summary).ToContainTextAsync("Controleer het formulier");
        await Expect(summary).ToContainTextAsync("De drie percentages moeten samen 100 zijn. Nu is het samen 110.");
        await Expect(top).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(top).ToHaveValueAsync("50");
        await Axe.AssertNoAxeViolationsAsync(resident, "signify page with a wrong triad sum");
        // The summary's link takes the keyboard to the field.
        await TabToAsync(resident, summary.GetByRole(AriaRole.Link).First);
        await resident.Keyboard.PressAsync("Enter");
        await Expect(top).ToBeFocusedAsync();

        // Correct the third number.
        await resident.Keyboard.PressAsync("Tab");
        await resident.Keyboard.PressAsync("Tab");
        await Expect(right).ToBeFocusedAsync();
        await resident.Keyboard.PressAsync("Control+A");
        await resident.Keyboard.TypeAsync("20");
        await Expect(resident.Locator("[data-sum]").First).ToHaveTextAsync("Samen: 100 van de 100 procent");

        // The slider: arrow keys.
        var slider = resident.Locator("#regie_x");
        await TabToAsync(resident, slider);
        for (var i = 0; i < 20; i++) await resident.Keyboard.PressAsync("ArrowRight");
        await Expect(slider).ToHaveValueAsync("70");
        await Expect(resident.Locator("output[for=regie_x]")).ToHaveTextAsync("70");

        // Stones: two numbers per stone.
        var stoneX = resident.Locator("#betrokkenen_buren_x");
        await TabToAsync(resident, stoneX);
        await resident.Keyboard.TypeAsync("90");
        await resident.Keyboard.PressAsync("Tab");
        await Expect(resident.Locator("#betrokkenen_buren_y")).ToBeFocusedAsync();
        await resident.Keyboard.TypeAsync("75");

        // One answer from a list: Space picks, arrow keys move the choice.
        var first = resident.GetByLabel("Ik maakte me zorgen");
        await TabToAsync(resident, first);
        await resident.Keyboard.PressAsync("Space");
        await Expect(first).ToBeCheckedAsync();
        await resident.Keyboard.PressAsync("ArrowDown");
        await Expect(resident.GetByLabel("Ik kreeg vertrouwen")).ToBeCheckedAsync();
        await Expect(first).Not.ToBeCheckedAsync();

        await TabToAsync(resident, resident.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Opslaan", Exact = true }));
        await resident.Keyboard.PressAsync("Enter");

        // (The browser keeps the #fragment of the error summary link across the redirect.)
        await Expect(resident).ToHaveURLAsync(new Regex($"/verhalen/{storyId}(#[\\w-]*)?$"));
        await Expect(resident.GetByRole(AriaRole.Status)).ToContainTextAsync("Je antwoorden over je verhaal zijn opgeslagen.");
        await Axe.AssertNoAxeViolationsAsync(resident);

        // Coming back shows what was saved.
        await resident.GotoAsync($"/verhalen/{storyId}/duiden");
        await Expect(top).ToHaveValueAsync("50");
        await Expect(left).ToHaveValueAsync("30");
        await Expect(right).ToHaveValueAsync("20");
        await Expect(slider).ToHaveValueAsync("70");
        await Expect(stoneX).ToHaveValueAsync("90");
        await Expect(resident.Locator("#betrokkenen_buren_y")).ToHaveValueAsync("75");
        await Expect(resident.GetByLabel("Ik kreeg vertrouwen")).ToBeCheckedAsync();

        // Nothing has happened yet.
        await resident.GotoAsync($"/verhalen/{storyId}/wat-is-ermee-gebeurd");
        await Expect(resident.GetByRole(AriaRole.Main)).ToContainTextAsync("Er is nog niets met je verhaal verbonden.");
        await Axe.AssertNoAxeViolationsAsync(resident);
        PageProblems.AssertNone(resident);

        // The facilitator links it to an insight from the story page…
        var facilitator = await app.NewSignedInPageAsync(BrowserFixture.Facilitator);
        await facilitator.GotoAsync("/projecten/1/verhalen");
        await facilitator.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(facilitator).ToHaveURLAsync(new Regex($"/verhalen/{storyId}$"));
        await Axe.AssertNoAxeViolationsAsync(facilitator);
        var linkForm = facilitator.Locator("form").Filter(new() { Has = facilitator.GetByRole(AriaRole.Button, new() { Name = "Verband leggen" }) });
        await linkForm.GetByLabel("Soort verband").SelectOptionAsync(new SelectOptionValue { Label = "onderbouwt" });
        await linkForm.GetByLabel("Het andere onderdeel").SelectOptionAsync(new SelectOptionValue { Label = Insight });
        await linkForm.GetByRole(AriaRole.Button, new() { Name = "Verband leggen" }).ClickAsync();
        await Expect(facilitator.GetByRole(AriaRole.Status)).ToContainTextAsync("Het verband is gelegd.");
        await Expect(facilitator.Locator("#verbanden")).ToContainTextAsync(Insight);
        await Axe.AssertNoAxeViolationsAsync(facilitator);

        // …and to a question from the question's own page, pointing back at this item.
        await facilitator.GotoAsync("/projecten/1/draad");
        await Axe.AssertNoAxeViolationsAsync(facilitator);
        await facilitator.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = Question }).First.ClickAsync();
        await Expect(facilitator).ToHaveURLAsync(new Regex(@"/draad/\d+$"));
        await Axe.AssertNoAxeViolationsAsync(facilitator);
        linkForm = facilitator.Locator("form").Filter(new() { Has = facilitator.GetByRole(AriaRole.Button, new() { Name = "Verband leggen" }) });
        await linkForm.GetByLabel("Soort verband").SelectOptionAsync(new SelectOptionValue { Label = "onderbouwt" });
        await linkForm.GetByLabel("Het andere … dit onderdeel").CheckAsync();
        await linkForm.GetByLabel("Het andere onderdeel").SelectOptionAsync(new SelectOptionValue { Label = title });
        await linkForm.GetByRole(AriaRole.Button, new() { Name = "Verband leggen" }).ClickAsync();
        await Expect(facilitator.GetByRole(AriaRole.Status)).ToContainTextAsync("Het verband is gelegd.");
        await Expect(facilitator.Locator("#verbanden")).ToContainTextAsync(title);
        await Axe.AssertNoAxeViolationsAsync(facilitator);
        PageProblems.AssertNone(facilitator);
        await facilitator.Context.CloseAsync();

        // The resident sees both on "Wat is er met mijn verhaal gebeurd?", reached from the story page.
        await resident.GotoAsync($"/verhalen/{storyId}");
        await resident.GetByRole(AriaRole.Link, new() { Name = "Wat is er met mijn verhaal gebeurd?" }).ClickAsync();
        await Expect(resident).ToHaveURLAsync(new Regex($"/verhalen/{storyId}/wat-is-ermee-gebeurd$"));
        var main = resident.GetByRole(AriaRole.Main);
        await Expect(main).ToContainTextAsync(Insight);
        await Expect(main).ToContainTextAsync(Question);
        await Axe.AssertNoAxeViolationsAsync(resident);

        // And two notifications.
        await resident.GotoAsync("/meldingen");
        await Expect(main).ToContainTextAsync($"Je verhaal is verbonden met inzicht „{Insight}”.");
        await Expect(main).ToContainTextAsync(Question);
        await Axe.AssertNoAxeViolationsAsync(resident);
        await main.GetByRole(AriaRole.Link, new() { Name = $"Je verhaal is verbonden met inzicht „{Insight}”." }).ClickAsync();
        await Expect(resident).ToHaveURLAsync(new Regex($"/verhalen/{storyId}/wat-is-ermee-gebeurd$"));
        PageProblems.AssertNone(resident);
        await resident.Context.CloseAsync();
    }

    [Fact]
    public async Task Clicking_in_the_triangle_fills_the_three_percentages_that_add_up_to_100()
    {
        var page = await app.NewSignedInPageAsync(BrowserFixture.Resident);
        await page.GotoAsync("/projecten/1/verhalen");
        await page.GetByRole(AriaRole.Link, new() { Name = "De zondagen" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Vragen over je verhaal beantwoorden", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(SignifyUrl());
        var svg = page.Locator(".pt-triad__svg").First;
        await Expect(svg).ToBeVisibleAsync();
        await Axe.AssertNoAxeViolationsAsync(page, "signify page (triangle)");

        // Near the top corner: mostly "Mijn eigen kracht"; then the middle: about a third each.
        await ClickInTriangleAsync(page, 150, 40);
        var (t, l, r) = await TriadAsync(page);
        Assert.Equal(100, t + l + r);
        Assert.True(t >= 80, $"A click near the top corner gives top {t}.");
        await Expect(page.Locator(".pt-triad__marker").First).ToHaveAttributeAsync("visibility", "visible");

        var triangleHeight = 260 * Math.Sqrt(3) / 2;
        await ClickInTriangleAsync(page, 150, 250 - triangleHeight / 3);
        (t, l, r) = await TriadAsync(page);
        Assert.Equal(100, t + l + r);
        Assert.InRange(t, 30, 37);
        Assert.InRange(l, 30, 37);
        Assert.InRange(r, 30, 37);
        await Expect(page.Locator("[data-sum]").First).ToHaveTextAsync("Samen: 100 van de 100 procent");

        // Near the bottom right corner: mostly "Mensen om mij heen".
        await ClickInTriangleAsync(page, 270, 245);
        (t, l, r) = await TriadAsync(page);
        Assert.Equal(100, t + l + r);
        Assert.True(r >= 80, $"A click near the right corner gives right {r}.");
        await Axe.AssertNoAxeViolationsAsync(page, "signify page after clicking");
        PageProblems.AssertNone(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_visitor_without_an_account_shares_through_the_share_link_signifies_and_withdraws()
    {
        var facilitator = await app.NewSignedInPageAsync(BrowserFixture.Facilitator);
        await facilitator.GotoAsync("/projecten/1/verhaalvragen");
        await Axe.AssertNoAxeViolationsAsync(facilitator);
        var on = facilitator.GetByRole(AriaRole.Button, new() { Name = "Deellink aanzetten" });
        if (await on.CountAsync() > 0) await on.ClickAsync();
        await Expect(facilitator.GetByRole(AriaRole.Main)).ToContainTextAsync("De deellink staat aan.");
        await Axe.AssertNoAxeViolationsAsync(facilitator);
        var shareLink = await facilitator.Locator(".pt-story-key__link a").GetAttributeAsync("href");
        Assert.NotNull(shareLink);
        Assert.StartsWith(app.BaseUrl + "/delen/", shareLink, StringComparison.Ordinal);

        // Someone without an account opens the link.
        // On a phone: 320 px wide, so every page is also checked for reflow.
        var visitor = await app.NewPageAsync(320);
        await visitor.GotoAsync(shareLink);
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Deel je verhaal");
        await AxeAndReflowAsync(visitor);
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Verhaal opslaan" }).ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await AxeAndReflowAsync(visitor, "share link form submitted empty");

        var title = "Via de flyer " + Guid.NewGuid().ToString("N")[..6];
        await visitor.GetByLabel("Vertel over een moment waarop je je alleen voelde. Wat gebeurde er?").CheckAsync();
        await visitor.GetByLabel("Het verhaal", new() { Exact = true }).FillAsync("Ik zag de flyer in de bibliotheek. In de winter kom ik weken niemand tegen.");
        await visitor.GetByLabel("Titel").FillAsync(title);
        await visitor.GetByLabel("Vanuit welke kennis wordt dit verteld?").SelectOptionAsync(new SelectOptionValue { Label = "Ervaringskennis" });
        await visitor.GetByLabel("Iedereen die het project kan zien", new() { Exact = true }).CheckAsync();
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Verhaal opslaan" }).ClickAsync();

        // The private link, shown once.
        await Expect(visitor).ToHaveURLAsync(new Regex("/delen/bedankt$"));
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Dank je wel voor je verhaal");
        await AxeAndReflowAsync(visitor);
        var privateLink = await visitor.Locator(".pt-story-key__link a").GetAttributeAsync("href");
        Assert.Matches(new Regex(@"/verhalen/\d+\?sleutel=."), privateLink!);

        // The facilitator sees the new story in the list.
        await facilitator.GotoAsync("/projecten/1/verhalen");
        await Expect(facilitator.GetByRole(AriaRole.Main)).ToContainTextAsync(title);

        // Signify with the key.
        await visitor.GetByRole(AriaRole.Link, new() { Name = "Vragen over mijn verhaal beantwoorden" }).ClickAsync();
        await Expect(visitor).ToHaveURLAsync(new Regex(@"/verhalen/\d+/duiden\?sleutel="));
        await AxeAndReflowAsync(visitor, "signify page through the private link");
        await visitor.Locator("#hulp_top").FillAsync("20");
        await visitor.Locator("#hulp_left").FillAsync("20");
        await visitor.Locator("#hulp_right").FillAsync("60");
        await visitor.GetByLabel("Iets anders").CheckAsync();
        await visitor.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Opslaan", Exact = true }).ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Status)).ToContainTextAsync("Je antwoorden over je verhaal zijn opgeslagen.");
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await AxeAndReflowAsync(visitor);

        // The private link opens the story in a new browser too (no cookies needed).
        var later = await app.NewPageAsync(320);
        await later.GotoAsync(privateLink!);
        await Expect(later.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await later.GetByRole(AriaRole.Link, new() { Name = "Verhaal intrekken" }).ClickAsync();
        await Expect(later).ToHaveURLAsync(new Regex(@"/verhalen/\d+/intrekken\?sleutel="));
        await AxeAndReflowAsync(later);
        await later.GetByRole(AriaRole.Button, new() { Name = "Ja, trek het verhaal in" }).ClickAsync();
        await Expect(later.GetByRole(AriaRole.Status)).ToContainTextAsync("Klaar. Het verhaal is ingetrokken.");
        await AxeAndReflowAsync(later);
        PageProblems.AssertNone(later);
        await later.Context.CloseAsync();
        PageProblems.AssertNone(visitor);
        await visitor.Context.CloseAsync();

        // Gone for the facilitator.
        await facilitator.GotoAsync("/projecten/1/verhalen");
        await Expect(facilitator.GetByRole(AriaRole.Main)).Not.ToContainTextAsync(title);
        await Axe.AssertNoAxeViolationsAsync(facilitator);

        // Switch the link off again; the old link then says it does not work.
        await facilitator.GotoAsync("/projecten/1/verhaalvragen");
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Deellink uitzetten" }).ClickAsync();
        await Expect(facilitator.GetByRole(AriaRole.Main)).ToContainTextAsync("De deellink staat uit.");
        await facilitator.GotoAsync(shareLink);
        await Expect(facilitator.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Deze link werkt niet");
        await Axe.AssertNoAxeViolationsAsync(facilitator);
        PageProblems.AssertNone(facilitator, p => p.Contains("/delen/", StringComparison.Ordinal));
        await facilitator.Context.CloseAsync();
    }

    /// <summary>axe and, at 320 px, no sideways scrolling (the sweep's check).</summary>
    private static async Task AxeAndReflowAsync(IPage page, string? where = null)
    {
        var findings = new System.Text.StringBuilder();
        await AccessibilityTests.CheckAsync(page, where ?? page.Url, page.ViewportSize?.Width ?? 1280, findings);
        if (findings.Length > 0) Assert.Fail(findings.ToString());
    }

    /// <summary>Presses Tab until the element has focus, as a keyboard user would; fails when it never gets there.</summary>
    internal static async Task TabToAsync(IPage page, ILocator target, int maxTabs = 80)
    {
        for (var i = 0; i < maxTabs; i++)
        {
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement")) return;
            await page.Keyboard.PressAsync("Tab");
        }
        var id = await page.EvaluateAsync<string?>("() => document.activeElement && (document.activeElement.id || document.activeElement.tagName)");
        Assert.Fail($"{maxTabs} presses of Tab did not reach {target}; focus is on {id}.");
    }

    /// <summary>Clicks at a point given in the triangle's own drawing units (viewBox 0 0 300 262).</summary>
    private static async Task ClickInTriangleAsync(IPage page, double x, double y)
    {
        var point = await page.Locator(".pt-triad__svg").First.EvaluateAsync<double[]>("""
            (svg, p) => { const pt = svg.createSVGPoint(); pt.x = p[0]; pt.y = p[1];
              const s = pt.matrixTransform(svg.getScreenCTM()); return [s.x, s.y]; }
            """, new[] { x, y });
        await page.Mouse.ClickAsync((float)point[0], (float)point[1]);
    }

    private static async Task<(int Top, int Left, int Right)> TriadAsync(IPage page)
    {
        async Task<int> Value(string id) => int.Parse(await page.Locator(id).InputValueAsync(), CultureInfo.InvariantCulture);
        return (await Value("#hulp_top"), await Value("#hulp_left"), await Value("#hulp_right"));
    }

    /// <summary>Issue 9: for a look at the pages (PROEFTUIN_SHOTS=folder); never part of what a test checks.</summary>
    private static async Task ShotAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("PROEFTUIN_SHOTS");
        if (string.IsNullOrEmpty(folder)) return;
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}-{page.ViewportSize?.Width}.png"), FullPage = true });
    }

    /// <summary>Every radio and checkbox in the form sits right next to its label (issue 9: they were 170–200 px apart at 1280 px).</summary>
    private static async Task AssertLabelsNextToTheirBoxesAsync(IPage page, string form)
    {
        var gaps = await page.EvaluateAsync<double[]>(@"selector => [...document.querySelectorAll(selector + ' input[type=radio], ' + selector + ' input[type=checkbox]')]
            .filter(i => i.offsetParent !== null)
            .map(i => { const l = document.querySelector('label[for=""' + i.id + '""]'); return l.getBoundingClientRect().left - i.getBoundingClientRect().right; })", form);
        Assert.NotEmpty(gaps);
        Assert.All(gaps, gap => Assert.InRange(gap, 0, 24));
    }

    [Fact]
    public async Task A_facilitator_records_at_the_kitchen_table_and_the_teller_narrows_consent_with_the_slip()
    {
        var facilitator = await app.NewSignedInPageAsync(BrowserFixture.Facilitator);
        await facilitator.GotoAsync("/projecten/1/verhalen/optekenen");
        await AssertLabelsNextToTheirBoxesAsync(facilitator, ".pt-story-form");
        await ShotAsync(facilitator, "optekenen");
        var title = "Aan de keukentafel " + Guid.NewGuid().ToString("N")[..6];
        await facilitator.GetByLabel("Vertel over een moment waarop je je alleen voelde. Wat gebeurde er?").CheckAsync();
        await facilitator.GetByLabel("Het verhaal", new() { Exact = true }).FillAsync("Meneer vertelde dat de dagen lang zijn sinds zijn vrouw er niet meer is.");
        await facilitator.GetByLabel("Titel").FillAsync(title);
        await facilitator.GetByLabel("Iedereen die het project kan zien", new() { Exact = true }).CheckAsync();
        await facilitator.GetByLabel("De verteller heeft toestemming gegeven voor deze keuzes").CheckAsync();
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Verhaal opslaan" }).ClickAsync();

        // The slip, with a print button (script) and the way on to the questions.
        await Expect(facilitator).ToHaveURLAsync(new Regex(@"/verhalen/\d+/briefje$"));
        await Expect(facilitator.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Briefje voor de verteller");
        await Expect(facilitator.GetByRole(AriaRole.Button, new() { Name = "Briefje printen" })).ToBeVisibleAsync();
        await Expect(facilitator.Locator(".pt-slip svg.pt-qr")).ToBeVisibleAsync();
        await AxeAndReflowAsync(facilitator, "slip");
        await ShotAsync(facilitator, "briefje");
        await facilitator.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(facilitator.Locator(".pt-header")).ToBeHiddenAsync();
        await Expect(facilitator.GetByRole(AriaRole.Button, new() { Name = "Briefje printen" })).ToBeHiddenAsync();
        await Expect(facilitator.Locator(".pt-slip")).ToBeVisibleAsync();
        await ShotAsync(facilitator, "briefje-print");
        await facilitator.EmulateMediaAsync(new() { Media = Media.Screen });
        var shortUrl = (await facilitator.Locator(".pt-slip__url").TextContentAsync())!.Trim();
        Assert.Matches(new Regex(@"/v/[2-9A-Z]{4}(-[2-9A-Z]{4}){3}$"), shortUrl);

        // The questions, filled in together: the page speaks to the facilitator; the slider's end labels at its ends.
        await facilitator.GetByRole(AriaRole.Link, new() { Name = "Verder: vragen over het verhaal beantwoorden" }).ClickAsync();
        await Expect(facilitator.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Vragen over het verhaal");
        var ends = await facilitator.EvaluateAsync<double[]>(@"() => {
            const r = document.querySelector('.pt-dyad__range').getBoundingClientRect();
            const spans = document.querySelectorAll('.pt-dyad__poles span');
            const a = spans[0].getBoundingClientRect(), b = spans[1].getBoundingClientRect();
            return [a.left - r.left, r.right - b.right];
        }");
        Assert.All(ends, d => Assert.InRange(d, -4, 8));
        await AssertLabelsNextToTheirBoxesAsync(facilitator, ".pt-signify");
        await ShotAsync(facilitator, "duiden-namens");

        // The teller, on a phone, with the short link from the slip: narrows who may read it.
        var teller = await app.NewPageAsync(390);
        await teller.GotoAsync(shortUrl);
        await Expect(teller.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await teller.GetByRole(AriaRole.Link, new() { Name = "Kiezen wie je verhaal mag lezen" }).ClickAsync();
        await Expect(teller).ToHaveURLAsync(new Regex(@"/verhalen/\d+/toestemming\?sleutel="));
        await AxeAndReflowAsync(teller, "consent page through the slip's link");
        await AssertLabelsNextToTheirBoxesAsync(teller, ".pt-story-form");
        await ShotAsync(teller, "toestemming");
        await teller.GetByLabel("Alleen het projectteam").CheckAsync();
        await teller.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Opslaan", Exact = true }).ClickAsync();
        await Expect(teller.GetByRole(AriaRole.Status)).ToContainTextAsync("De toestemming is opgeslagen.");
        await Expect(teller.GetByRole(AriaRole.Main)).ToContainTextAsync("Eerder aangepast");
        await Expect(teller.GetByRole(AriaRole.Main)).ToContainTextAsync("nu “Alleen het team”");
        await AxeAndReflowAsync(teller, "story page with its consent history");
        await ShotAsync(teller, "verhaal-geschiedenis");
        PageProblems.AssertNone(teller);
        await teller.Context.CloseAsync();
        PageProblems.AssertNone(facilitator);
        await facilitator.Context.CloseAsync();
    }

    [Fact]
    public async Task The_thanks_page_copies_the_private_link()
    {
        var facilitator = await app.NewSignedInPageAsync(BrowserFixture.Facilitator);
        await facilitator.GotoAsync("/projecten/1/verhaalvragen");
        var on = facilitator.GetByRole(AriaRole.Button, new() { Name = "Deellink aanzetten" });
        if (await on.CountAsync() > 0) await on.ClickAsync();
        var shareLink = await facilitator.Locator(".pt-story-key__link a").GetAttributeAsync("href");
        await facilitator.Context.CloseAsync();

        var visitor = await app.NewPageAsync(390);
        await visitor.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = app.BaseUrl });
        await visitor.GotoAsync(shareLink!);
        await AssertLabelsNextToTheirBoxesAsync(visitor, ".pt-story-form");
        await ShotAsync(visitor, "delen");
        await visitor.GetByLabel("Vertel over een moment waarop je je alleen voelde. Wat gebeurde er?").CheckAsync();
        await visitor.GetByLabel("Het verhaal", new() { Exact = true }).FillAsync("Op zondag is de bibliotheek dicht.");
        await visitor.GetByLabel("Alleen het projectteam").CheckAsync();
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Verhaal opslaan" }).ClickAsync();
        await Expect(visitor).ToHaveURLAsync(new Regex("/delen/bedankt$"));
        var link = await visitor.Locator(".pt-story-key__link a").GetAttributeAsync("href");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Kopieer de link" }).ClickAsync();
        await Expect(visitor.Locator("#kopieer-status")).ToHaveTextAsync("De link is gekopieerd. Plak hem in een notitie of een bericht aan jezelf.");
        Assert.Equal(link, await visitor.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        await Expect(visitor.Locator(".pt-story-key svg.pt-qr")).ToBeVisibleAsync();
        await AxeAndReflowAsync(visitor, "thanks page");
        await ShotAsync(visitor, "bedankt");
        PageProblems.AssertNone(visitor);
        await visitor.Context.CloseAsync();
    }

    [GeneratedRegex(@"/verhalen/(\d+)/duiden$")]
    private static partial Regex SignifyUrl();
}
