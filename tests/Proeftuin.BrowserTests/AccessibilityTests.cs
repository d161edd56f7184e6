using System.Text;
using Microsoft.Playwright;
using Proeftuin.BrowserTests.Infrastructure;

namespace Proeftuin.BrowserTests;

/// <summary>
/// axe-core (WCAG 2.1 A/AA) on every page each kind of visitor can reach, at desktop width and at
/// 320 px, where nothing may scroll sideways (WCAG 1.4.10 reflow). Collects every finding of a
/// visitor before failing, so one run shows them all.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture app)
{
    /// <summary>A page to check: its address, the status it should answer with, and an optional step that submits a form empty.</summary>
    public sealed record Visit(string Path, int Status = 200, string? SubmitEmpty = null);

    private static readonly Visit[] Anonymous =
    [
        new("/"),
        new("/programmas/1"),
        new("/programmas/1?domein=zorg&fase=Prototype&status=Active"),
        new("/projecten/1"),
        new("/projecten/5"),
        new("/nieuws/1"),
        new("/inloggen", SubmitEmpty: "Inloggen"),
        new("/inloggen/link", SubmitEmpty: "Stuur mij een inloglink"),
        new("/programmas"),
        new("/registreren", SubmitEmpty: "Account maken"),
        new("/uitleg"), // issue 9: the glossary
        new("/inloggen/link/ongeldige-link"),
        new("/deze-pagina-bestaat-niet", Status: 404),
        new("/projecten/3", Status: 404), // members only: not revealed
        // Issue 3. Ids come from the demo data by title (BrowserFixture.DemoPath), one item of each kind.
        new("/projecten/1/verhalen"),
        new("/projecten/1/draad"),
        new("/verhalen/{item:De zondagen}"),
        new("/verhalen/{item:Koffie op woensdag}"), // anonymised
        new("/verhalen/{item:}", Status: 404), // recorded at the kitchen table, team only
        new("/draad/{item:Eenzaamheid zit in vaste momenten van de week}"),
        new("/draad/{item:Eenzaamheidsschaal van De Jong Gierveld}"),
        new("/draad/{item:Gerda, 78}"),
        new("/draad/{item:Van verlies naar nieuw contact}"),
        new("/draad/{item:Een plek dichtbij om zonder afspraak binnen te lopen}"),
        new("/draad/{item:Hoe kunnen we ervoor zorgen dat bewoners op zondag makkelijk iemand treffen?}"),
        new("/draad/{item:Een plek dichtbij om zonder afspraak binnen te lopen}/spoor"),
        new("/draad/{item:De zondagen}/spoor"),
        new("/projecten/1/analyse"),
        new("/projecten/1/zoeken?q=eenzaam"),
        // Issue 12 (ideas): the project's ideas, filtered, and an idea from a session with its support and status.
        new("/projecten/1/ideeen"),
        new("/projecten/1/ideeen?status=geparkeerd"),
        new("/ideeen/{item:Een open huis op zondag}"),
        // Issue 4: joining is for everyone; the sessions themselves are not public.
        new("/doe-mee"),
        new("/doe-mee/ZZZZZZ", Status: 404),
        // Issue 9: the short link on a kitchen-table teller's slip, and its form.
        new("/v"),
        new("/v/AAAA-AAAA-AAAA-AAAA", Status: 404),
        new("/sessies/{session:Zondagen anders: ideeën voor ontmoeting}", Status: 404),
        // Issue 12 (prototypes): the list (the demo's prototype and proef pages are in the resident's and facilitator's lists).
        new("/projecten/1/prototypes"),
        // Issue 12 (experiments): the project's proeven.
        new("/projecten/1/proeven"),
        // Issue 12 (dashboard): the project overview with its two drawings and tables (the trace drawing is on the spoor pages above).
        new("/projecten/1/overzicht"),
        // Issue 14 (programme dashboard): the line chart, the bars and their tables, signed out.
        new("/programmas/1/overzicht"),
        // Issue 13 (learning agenda): the demo's agenda and its answered question, without the team's names or forms.
        new("/projecten/1/leeragenda"),
        new("/leeragenda/{item:Lopen bewoners die alleen zijn op zondag zonder afspraak binnen?}"),
        // Issue 13 (werkvormen): the library, a built-in card and the print page, signed out.
        new("/werkvormen"),
        new("/werkvormen/stil-schrijven"),
        new("/werkvormen/afdrukken"),
        // Issue 13 (lessen): the library with a search and a facet, and a public lesson, signed out.
        new("/lessen?q=eenzaam"),
        new("/lessen?uitkomst=werkte"),
        new("/lessen/{item:Eenzaamheid doorbreek je op het moeilijke moment, niet met meer aanbod}"),
        // Issue 13 (innovatiereis): the demo's journey drawn with its table, and the kwestie that was answered.
        new("/projecten/1/innovatiereis"),
        new("/innovatiereis/{item:Bewoners die het eenzaamst zijn, komen niet naar bijeenkomsten}"),
        // The journey's printable report, and the same with a period that ends before it starts.
        new("/projecten/1/innovatiereis/verslag"),
        // Issue 13 (reflecties): the list and a closed reflection, signed out: the plan and outcome without the answers.
        new("/projecten/1/reflecties"),
        new("/reflecties/{item:Terugkijken op de zondaginloop}"),
        new("/projecten/1/innovatiereis/verslag?van=2026-12-01&tot=2026-11-01", Status: 400),
        // Issue 14 (activiteiten): the list, the demo's full walk (1), the reflection meeting (2) with the guest's sign-up
        // form, and that form on its own page, also sent empty. Demo activities are numbered in the order DemoActivities adds them.
        new("/activiteiten"),
        new("/activiteiten/1"),
        new("/activiteiten/2"),
        new("/activiteiten/2/aanmelden", SubmitEmpty: "Aanmelden"),
        // Issue 14 (initiatieven): the list, filtered, and the demo's three initiatives (1: one short of its threshold,
        // 2: reached, 3: Right to Challenge with the municipality's response), signed out.
        new("/initiatieven"),
        new("/initiatieven?project=1&status=in-gesprek&soort=uitdaagrecht"),
        new("/initiatieven/1"),
        new("/initiatieven/2"),
        new("/initiatieven/3"),
        // Issue 14 (vraag en aanbod): the list, filtered, the demo's busje (1, matched with the move) and the closed garden (3),
        // signed out. Demo offers are numbered in the order DemoOffers adds them.
        new("/vraag-en-aanbod"),
        new("/vraag-en-aanbod?programma=1&soort=vraag&categorie=ruimte"),
        new("/vraag-en-aanbod/1"),
        new("/vraag-en-aanbod/3"),
    ];

    private static readonly Visit[] Resident =
    [
        new("/"),
        new("/programmas/1"),
        new("/projecten/1"),
        new("/projecten/1/leden"),
        new("/account"),
        new("/projecten/nieuw?programmeId=1", SubmitEmpty: "Project maken"),
        new("/nieuws/1"),
        new("/projecten/1/verhalen"),
        new("/projecten/1/verhalen/delen", SubmitEmpty: "Verhaal opslaan"),
        new("/meldingen"),
        new("/verhalen/{item:De zondagen}"),
        new("/verhalen/{item:De zondagen}/duiden"),
        new("/verhalen/{item:De zondagen}/wat-is-ermee-gebeurd"),
        new("/verhalen/{item:Samen boodschappen doen}"),
        new("/verhalen/{item:Samen boodschappen doen}/wat-is-ermee-gebeurd"),
        new("/verhalen/{item:De zondagen}/intrekken"),
        new("/verhalen/{item:De zondagen}/toestemming"),
        new("/draad/{item:Mensen vragen niet snel om hulp}"),
        new("/projecten/1/sessies"),
        new("/sessies/{session:Zondagen anders: ideeën voor ontmoeting}"),
        new("/sessies/{session:Zondagen anders: ideeën voor ontmoeting}/samenvatting"),
        new("/sessies/{session:Vervolg: het open huis uitwerken}"),
        // Issue 12 (ideas): the list and an idea with the support button (and, for who is not a member, the perspective to choose).
        new("/projecten/1/ideeen"),
        new("/ideeen/{item:Een open huis op zondag}"),
        // Issue 9: Mijn Proeftuin.
        new("/mijn"),
        // Issue 10: removing one's account (choices per story), and the page after it.
        new("/account/verwijderen"),
        new("/account/verwijderd"),
        // Issue 10: the privacy page for residents.
        new("/privacy"),
        // Issue 12 (outcome): the teller's own view of what came of "De zondagen" (up to the demo's decisions and lessons),
        // and the demo's prototype and proeven as a team member sees them.
        new("/verhalen/{item:De zondagen}/wat-is-ermee-gebeurd"),
        new("/prototypes/{item:Open huis met een gastvrouw}"),
        new("/proeven/{item:Zondagmiddag open in Buurtkamer De Linde}"),
        new("/proeven/{item:Zondagkoffie met aanmelden via de app}"),
        // Issue 13 (learning agenda): the agenda and a question the team is still exploring, with the evidence form.
        new("/projecten/1/leeragenda"),
        new("/leeragenda/{item:Wat maakt dat nieuwe bezoekers zich welkom voelen?}"),
        // Issue 13 (lessen): the project's lessons, with the team's own, and the write form, also sent empty.
        new("/lessen?project=1"),
        new("/projecten/1/lessen/nieuw", SubmitEmpty: "Les bewaren"),
        // Issue 13 (reflecties): the closed reflection with answers from all three kennisbronnen, the planned one, and its
        // answer form, also sent empty.
        new("/reflecties/{item:Terugkijken op de zondaginloop}"),
        new("/reflecties/{item:Reflectie na de welkomstproef}"),
        new("/reflecties/{item:Reflectie na de welkomstproef}/antwoorden", SubmitEmpty: "Antwoorden bewaren"),
        // Issue 14 (moderatie): reporting a story, also sent empty.
        new("/melden/bijdrage/{item:De zondagen}", SubmitEmpty: "Melding versturen"),
        // Issue 14 (initiatieven): the start form (also sent empty), the resident's own Right to Challenge with its pledge
        // form and its edit form, and the one they pledged to.
        new("/initiatieven/nieuw?project=1", SubmitEmpty: "Initiatief starten"),
        new("/initiatieven/3"),
        new("/initiatieven/3/bewerken"),
        new("/initiatieven/1"),
        // Issue 14 (volgen): what the resident follows with the demo digest waiting (the frequency is always chosen, so
        // there is no empty form to send), and the page behind a Volgen button.
        new("/volgen"),
        new("/volgen/project/1"),
        // Issue 14 (vraag en aanbod): the new form (also sent empty), the resident's conversation about help with forms (2)
        // with its reply form, their own request for help with a move (5: its match, "Geregeld", "Past bij…") and its edit
        // form, and someone else's busje (1) with the message form.
        new("/vraag-en-aanbod/nieuw?programma=1", SubmitEmpty: "Plaatsen"),
        new("/vraag-en-aanbod/2"),
        new("/vraag-en-aanbod/5"),
        new("/vraag-en-aanbod/5/bewerken"),
        new("/vraag-en-aanbod/1"),
    ];

    private static readonly Visit[] Facilitator =
    [
        new("/programmas/1"),
        new("/projecten/1"),
        new("/projecten/3"),
        new("/projecten/1/leden"),
        new("/projecten/1/fase", SubmitEmpty: "Fase wijzigen"),
        new("/projecten/1/bewerken"),
        new("/nieuws/nieuw?projectId=1", SubmitEmpty: "Plaatsen"),
        new("/projecten/nieuw?programmeId=1", SubmitEmpty: "Project maken"),
        new("/account"),
        new("/projecten/1/verhalen"),
        new("/projecten/1/verhaalvragen", SubmitEmpty: "Verhaalvraag toevoegen"),
        new("/projecten/1/verhalen/optekenen", SubmitEmpty: "Verhaal opslaan"),
        new("/verhalen/{item:}"),
        new("/verhalen/{item:}/briefje"),
        new("/verhalen/{item:}/toestemming"),
        // Not recorded by this facilitator: the form asks to confirm the teller's request, so empty is refused.
        new("/verhalen/{item:Samen boodschappen doen}/intrekken", SubmitEmpty: "Ja, trek het verhaal in"),
        new("/projecten/1/duidingskader"),
        new("/projecten/1/duidingskader?vraag=hulp"),
        new("/projecten/1/duidingskader?nieuw=Triad", SubmitEmpty: "Vraag opslaan"),
        new("/projecten/1/duidingskader?nieuw=Stones", SubmitEmpty: "Vraag opslaan"),
        new("/projecten/1/analyse"),
        new("/projecten/1/draad"),
        new("/projecten/1/draad/nieuw?soort=inzicht", SubmitEmpty: "Opslaan"),
        new("/projecten/1/draad/nieuw?soort=bron", SubmitEmpty: "Opslaan"),
        new("/projecten/1/draad/nieuw?soort=persona", SubmitEmpty: "Opslaan"),
        new("/projecten/1/draad/nieuw?soort=klantreis", SubmitEmpty: "Opslaan"),
        new("/projecten/1/draad/nieuw?soort=behoefte", SubmitEmpty: "Opslaan"),
        new("/projecten/1/draad/nieuw?soort=vraag", SubmitEmpty: "Opslaan"),
        new("/projecten/1/sessies"),
        new("/projecten/1/sessies/nieuw", SubmitEmpty: "Sessie aanmaken"),
        new("/sessies/{session:Vervolg: het open huis uitwerken}/voorbereiden"),
        new("/sessies/{session:Vervolg: het open huis uitwerken}"),
        new("/sessies/{session:Vervolg: het open huis uitwerken}/scherm"),
        new("/sessies/{session:Zondagen anders: ideeën voor ontmoeting}"),
        new("/sessies/{session:Zondagen anders: ideeën voor ontmoeting}/samenvatting"),
        // Issue 9: the closed banner and the board with stippen on the wall screen, in its own layout.
        new("/sessies/{session:Zondagen anders: ideeën voor ontmoeting}/scherm"),
        new("/draad/{item:Eenzaamheid zit in vaste momenten van de week}/bewerken"),
        new("/draad/{item:Gerda, 78}/bewerken"),
        new("/draad/{item:Van verlies naar nieuw contact}/bewerken"),
        new("/draad/{item:Van verlies naar nieuw contact}"),
        new("/draad/{item:Van verlies naar nieuw contact}/stap", SubmitEmpty: "Opslaan"),
        new("/draad/{item:Van verlies naar nieuw contact}/stap/{step:Verlies}"),
        new("/draad/{item:Eenzaamheid zit in vaste momenten van de week}/verband"),
        new("/draad/{item:Eenzaamheid zit in vaste momenten van de week}/reactie", SubmitEmpty: "Reactie plaatsen"),
        new("/draad/{item:Een plek dichtbij om zonder afspraak binnen te lopen}/verwijderen"),
        new("/verbanden/{link}/verwijderen"),
        new("/projecten/1/zoeken?q=zondag"),
        // Issue 9 (thread): the link picker searched, with and without results, and an idea entered on its question.
        new("/draad/{item:Eenzaamheid zit in vaste momenten van de week}/verband?q=zondag"),
        new("/draad/{item:Eenzaamheid zit in vaste momenten van de week}/verband?q=olifant&soort=bron"),
        new("/projecten/1/draad/nieuw?soort=idee&vraag={item:Hoe kunnen we ervoor zorgen dat bewoners op zondag makkelijk iemand treffen?}", SubmitEmpty: "Opslaan"),
        // Issue 12 (ideas): the list, an idea with the status form, and the thread's idea form with its question picker.
        new("/projecten/1/ideeen"),
        new("/ideeen/{item:Een open huis op zondag}"),
        new("/projecten/1/draad/nieuw?soort=idee", SubmitEmpty: "Opslaan"),
        // Issue 9: Mijn Proeftuin, and the members page with open invitations.
        new("/mijn"),
        // Issue 10: the only facilitator of a project is asked to hand over first.
        new("/account/verwijderen"),
        // Issue 10: the mailed erasure link when it is not (or no longer) valid, and an export that is not there.
        new("/account/verwijderen/bevestigen?token=verlopen-link", Status: 400),
        new("/account/gegevens/999999?token=verlopen-link", Status: 404),
        // Issue 10: the project's part of the audit log, also with a refused filter.
        new("/projecten/1/logboek"),
        new("/projecten/1/logboek?van=31-13-2026", Status: 400),
        // Issue 12 (prototypes): making one from the demo's idea, also submitted without a form chosen.
        new("/projecten/1/prototypes/nieuw?idee={item:Een open huis op zondag}", SubmitEmpty: "Prototype maken"),
        // Issue 12 (experiments): the proeven and the setup form, also submitted empty.
        new("/projecten/1/proeven"),
        new("/projecten/1/proeven/nieuw", SubmitEmpty: "Proef opslaan"),
        // Issue 13 (werkvormen): the library for the project, a new card and a copy (also sent empty), planning from cards.
        new("/werkvormen?project=1"),
        new("/werkvormen/nieuw", SubmitEmpty: "Werkvorm opslaan"),
        new("/werkvormen/bespreken-en-kiezen/kopieren"),
        new("/werkvormen/sessie?project=1&kaart=stil-schrijven", SubmitEmpty: "Sessie plannen"),
        // Issue 13 (learning agenda): both add forms, also submitted empty; the barrier's page and the edit form of the answered question.
        new("/projecten/1/leeragenda/nieuw?soort=leervraag", SubmitEmpty: "Op de leeragenda zetten"),
        new("/projecten/1/leeragenda/nieuw?soort=systeembarriere", SubmitEmpty: "Op de leeragenda zetten"),
        new("/leeragenda/{item:Buurthuizen zijn op zondag gesloten}"),
        new("/leeragenda/{item:Lopen bewoners die alleen zijn op zondag zonder afspraak binnen?}/bewerken"),
        // Issue 13 (innovatiereis): the antwoord form with its kwestie picker, also sent empty, and a note's edit form.
        new("/projecten/1/innovatiereis/nieuw?soort=antwoord", SubmitEmpty: "Op de reis zetten"),
        new("/innovatiereis/{item:Begin bij de verhalen, niet bij het aanbod}/bewerken"),
        // Issue 13 (reflecties): planning one, also sent empty; the planned one with its live-session button, its plan and
        // its outcome form (also sent empty).
        new("/projecten/1/reflecties/nieuw", SubmitEmpty: "Reflectie plannen"),
        new("/reflecties/{item:Reflectie na de welkomstproef}"),
        new("/reflecties/{item:Reflectie na de welkomstproef}/bewerken"),
        new("/reflecties/{item:Reflectie na de welkomstproef}/uitkomst", SubmitEmpty: "Uitkomst bewaren"),
        // Issue 14 (activiteiten): planning one (also sent empty), the walk's edit form and registration list, and the
        // programme's open evening (3) with its cancel form, also sent empty.
        new("/activiteiten?project=1"),
        new("/activiteiten/nieuw?project=1", SubmitEmpty: "Activiteit plannen"),
        new("/activiteiten/1/bewerken"),
        new("/activiteiten/1/aanmeldingen"),
        new("/activiteiten/3/afgelasten", SubmitEmpty: "Afgelasten"),
        // Issue 12 (outcome, demo data): the demo prototype's own pages, and its proef (ended, decided: bijsturen) with its
        // report, results and forms; the stopped proef (a briljante mislukking); the besluit form of the proef that ended
        // undecided, also submitted empty.
        new("/prototypes/{item:Open huis met een gastvrouw}"),
        new("/prototypes/{item:Open huis met een gastvrouw}/aannames"),
        new("/prototypes/{item:Open huis met een gastvrouw}/bijlagen"),
        new("/prototypes/{item:Open huis met een gastvrouw}/bewerken"),
        new("/proeven/{item:Zondagmiddag open in Buurtkamer De Linde}"),
        new("/proeven/{item:Zondagmiddag open in Buurtkamer De Linde}/verslag"),
        new("/proeven/{item:Zondagmiddag open in Buurtkamer De Linde}/resultaten"),
        new("/proeven/{item:Zondagmiddag open in Buurtkamer De Linde}/observatie"),
        new("/proeven/{item:Zondagmiddag open in Buurtkamer De Linde}/meting"),
        new("/proeven/{item:Zondagkoffie met aanmelden via de app}"),
        new("/proeven/{item:Vrijwilligers voor de zondagmiddag}/besluit", SubmitEmpty: "Besluit opslaan"),
        // Issue 12 (editing a proef): the form on the undecided demo proef, and a decided proef, where the page says it can
        // no longer change.
        new("/proeven/{item:Vrijwilligers voor de zondagmiddag}/bewerken"),
        new("/proeven/{item:Zondagmiddag open in Buurtkamer De Linde}/bewerken"),
        new("/projecten/1/proeven/nieuw?prototype={item:Open huis met een gastvrouw}"),
        // Issue 12 (gates): asking evaluators for advice, also submitted empty (the gate form itself is /projecten/1/fase
        // above), and the demo's answered advice request (the only one, so its id is 1).
        new("/projecten/1/fase/advies-vragen", SubmitEmpty: "Advies vragen"),
        new("/adviesvragen/1"),
        // Issue 12 (dashboard): the project overview as a member sees it.
        new("/projecten/1/overzicht"),
        // Issue 14 (programme dashboard): as a facilitator sees it (the members-only projects they are in count along).
        new("/programmas/1/overzicht"),
        // Issue 13 (review board): the board as the facilitator reads it (the gate form with the open review advice is
        // /projecten/1/fase above).
        new("/projecten/1/review"),
        // Issue 14 (moderatie): the queue with the demo's reported reactie, and its page with the choices, also sent empty.
        new("/moderatie"),
        new("/moderatie/reactie/{comment:Mijn buurvrouw mevrouw Jansen}", SubmitEmpty: "Verbergen"),
        // Issue 14 (initiatieven): the response form, also sent empty.
        new("/initiatieven/3/reactie", SubmitEmpty: "Reactie versturen"),
    ];

    // Issue 13 (review board): the external reviewer's board with the advice form, also sent empty.
    private static readonly Visit[] Reviewer =
    [
        new("/projecten/1/review", SubmitEmpty: "Advies opslaan"),
    ];

    private static readonly Visit[] Admin =
    [
        new("/beheer", SubmitEmpty: "Thema toevoegen"),
        new("/programmas/nieuw", SubmitEmpty: "Opslaan"),
        new("/programmas/1"),
        new("/programmas/1/bewerken"),
        new("/nieuws/1/bewerken"),
        new("/projecten/3"),
        new("/account"),
        // Issue 9: people.
        new("/mijn"),
        new("/beheer/mensen"),
        new("/beheer/mensen?q=demo"),
        new("/beheer/mensen?q=niemand-heet-zo"),
        // Issue 10: the audit log (with the sign-ins of this run) and the retention periods.
        new("/beheer/logboek"),
        new("/beheer/logboek?actie=Koning&van=gisteren", Status: 400),
        new("/beheer/bewaartermijnen"),
        // Issue 10: an admin removes someone's account (with the choice for their stories).
        new("/beheer/mensen/verwijderen?userId={user:inwoner@proeftuin.demo}"),
    ];

    public static TheoryData<string, int> Visitors()
    {
        var data = new TheoryData<string, int>();
        foreach (var who in new[] { "anonymous", "anonymous-en", "resident", "facilitator", "admin", "reviewer" })
            foreach (var width in new[] { 1280, 320 })
                data.Add(who, width);
        return data;
    }

    [Theory]
    [MemberData(nameof(Visitors))]
    public async Task Every_page_passes_axe_and_reflows(string who, int width)
    {
        var (email, visits) = who switch
        {
            "anonymous" or "anonymous-en" => (null, Anonymous),
            "resident" => (BrowserFixture.Resident, Resident),
            "facilitator" => (BrowserFixture.Facilitator, Facilitator),
            "admin" => ((string?)BrowserFixture.Admin, Admin),
            "reviewer" => ("reviewer@proeftuin.demo", Reviewer),
            _ => throw new ArgumentOutOfRangeException(nameof(who)),
        };
        var page = email is null ? await app.NewPageAsync(width) : await app.NewSignedInPageAsync(email, width);
        if (who.EndsWith("-en", StringComparison.Ordinal))
            await page.Context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = "c=en|uic=en", Url = app.BaseUrl }]);
        var findings = new StringBuilder();

        foreach (var visit in visits)
        {
            var response = await page.GotoAsync(app.DemoPath(visit.Path));
            var status = response?.Status ?? 0;
            if (status != visit.Status)
            {
                findings.AppendLine($"{visit.Path} as {who}: HTTP {status}, expected {visit.Status}");
                continue;
            }
            if (who.EndsWith("-en", StringComparison.Ordinal) && await page.GetAttributeAsync("html", "lang") != "en")
                findings.AppendLine($"{visit.Path}: the English choice is not applied (html lang is not en)");
            await CheckAsync(page, visit.Path, width, findings);

            if (visit.SubmitEmpty is { } button)
            {
                var name = who.EndsWith("-en", StringComparison.Ordinal) ? app.English(button) : button;
                await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = name, Exact = true }).ClickAsync();
                await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
                var summary = page.GetByRole(AriaRole.Alert);
                if (await summary.CountAsync() == 0)
                {
                    findings.AppendLine($"{visit.Path} as {who}: submitting the form empty shows no error summary (role=alert)");
                    continue;
                }
                await CheckAsync(page, visit.Path + " (submitted empty)", width, findings);
                if (width == 1280) await ErrorSummaryLinkMovesFocusAsync(page, visit.Path, findings);
            }
        }

        PageProblems.AssertNone(page);
        await page.Context.CloseAsync();
        if (findings.Length > 0) Assert.Fail($"As {who} at {width} px:\n{findings}");
    }

    /// <summary>axe, and at 320 px no sideways scrolling; findings are added to the list.</summary>
    internal static async Task CheckAsync(IPage page, string where, int width, StringBuilder findings)
    {
        var violations = await Axe.FindViolationsAsync(page);
        if (violations.Count > 0) findings.Append(Axe.Describe(violations, where, width));
        if (width <= 320)
        {
            var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            if (scrollWidth > width)
            {
                var wide = await page.EvaluateAsync<string[]>("""
                    (w) => [...document.querySelectorAll('body *')]
                      .filter(e => e.getBoundingClientRect().right > w + 1)
                      .filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > w + 1))
                      .slice(0, 5)
                      .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '') + ' right=' + Math.round(e.getBoundingClientRect().right))
                    """, width);
                findings.AppendLine($"{where} at {width} px scrolls sideways: scrollWidth {scrollWidth}; widest: {string.Join(", ", wide)}");
            }
        }
    }

    /// <summary>WCAG 3.3.1: each line of the error summary links to its field; following it puts focus there.</summary>
    private static async Task ErrorSummaryLinkMovesFocusAsync(IPage page, string where, StringBuilder findings)
    {
        var link = page.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link).First;
        if (await link.CountAsync() == 0) return;
        var target = (await link.GetAttributeAsync("href"))?.TrimStart('#');
        await link.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var focused = await page.EvaluateAsync<string?>("() => document.activeElement && document.activeElement.id");
        // A radio group's link points at its fieldset; focus then belongs on the group's first radio.
        var inGroup = await page.EvaluateAsync<bool>("""
            (t) => { const a = document.activeElement, g = document.getElementById(t);
                     return !!a && !!g && g !== a && g.contains(a) && a.matches('input, select, textarea'); }
            """, target);
        if (target is not null && focused != target && !inGroup)
            findings.AppendLine($"{where}: the error summary link to #{target} leaves focus on '{focused}' instead of the field");
    }
}
