using System.Globalization;
using Proeftuin.Features.MethodCards;
using Proeftuin.Features.Sessions;

namespace Proeftuin.Tests.MethodCards;

/// <summary>The werkvormen library: built-in cards for everyone, own cards by place, copy and adapt, a session planned from cards, bad input.</summary>
public sealed class MethodCardTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private static string Str(int id) => id.ToString(CultureInfo.InvariantCulture);

    private Task<int> CardCountAsync() => factory.WithDbAsync(db => db.Set<MethodCard>().CountAsync());

    private static List<KeyValuePair<string, string>> CardFields(string place, string title = "Buurtkaart tekenen", string minutes = "30", string min = "3", string max = "12",
        string steps = "1. Teken de wijk.\n2. Zet kruisjes bij **fijne** plekken.", params string[] forms)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.Place", place),
            new("Input.Title", title),
            new("Input.Purpose", "Samen zien waar bewoners zich thuis voelen, tegen eenzaamheid."),
            new("Input.Phase", "Empathize"),
            new("Input.Minutes", minutes),
            new("Input.GroupMin", min),
            new("Input.GroupMax", max),
            new("Input.Materials", "Grote vellen papier\nStiften"),
            new("Input.Steps", steps),
            new("Input.InclusionTips", "- Tekenen mag in plaats van schrijven."),
        };
        var chosen = forms.Length == 0 ? ["SilentWriting", "Sharing"] : forms;
        for (var i = 0; i < MethodCardLimits.MaxForms; i++) fields.Add(new($"Input.Forms[{i}]", i < chosen.Length ? chosen[i] : ""));
        return fields;
    }

    [Fact]
    public async Task Everyone_reads_the_seven_built_in_cards_on_the_page_and_from_the_api()
    {
        using var anonymous = factory.NewBrowser();
        var library = await anonymous.OpenAsync("/werkvormen");
        foreach (var card in BuiltInCards.All)
            Assert.Contains(library.Document.QuerySelectorAll(".pt-method-tile a"), a => a.GetAttribute("href") == $"/werkvormen/{card.Slug}");
        var silent = await anonymous.OpenAsync("/werkvormen/stil-schrijven");
        Assert.Contains("Zo doet iedereen mee", silent.MainText, StringComparison.Ordinal);
        Assert.Contains("In een sessie", silent.MainText, StringComparison.Ordinal);
        using (var none = await anonymous.GetAsync("/werkvormen/bestaat-niet")) Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);

        var api = await anonymous.GetJsonAsync("/api/v1/method-cards");
        var builtIn = api.EnumerateArray().Where(c => c.GetProperty("builtIn").GetBoolean()).ToList();
        Assert.Equal(7, builtIn.Count);
        var first = builtIn[0];
        Assert.Equal("stil-schrijven", first.GetProperty("key").GetString());
        Assert.Equal(["SilentWriting"], first.GetProperty("sessionSteps").EnumerateArray().Select(s => s.GetString()));
        Assert.True(first.GetProperty("steps").GetArrayLength() > 0);
        Assert.True(first.GetProperty("inclusionTips").GetArrayLength() > 0);
        var define = await anonymous.GetJsonAsync("/api/v1/method-cards?phase=define");
        Assert.All(define.EnumerateArray(), c => Assert.Equal("Define", c.GetProperty("phase").GetString()));
        using var bad = await anonymous.GetAsync("/api/v1/method-cards?phase=later");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Onbekende fase", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_facilitator_copies_a_built_in_card_adapts_it_and_plans_a_session_from_cards()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);

        // Copy and adapt: the form starts with the built-in card's content and this project chosen.
        var copyForm = await facilitator.OpenAsync($"/werkvormen/stil-schrijven/kopieren?project={team.Id}");
        var form = copyForm.FormFor("Input.Title");
        Assert.Equal($"project-{team.Id}", copyForm.Document.QuerySelector("#Input_Place option[selected]")?.GetAttribute("value"));
        Assert.Contains("1. Lees de vraag hardop voor", copyForm.Document.QuerySelector("#Input_Steps")!.TextContent, StringComparison.Ordinal);
        int copyId;
        using (var saved = await facilitator.SubmitAsync(form, [new("Input.Title", "Stil schrijven op zondag")]))
            copyId = Expect.RedirectToId(saved, "/werkvormen/");
        var copy = await factory.WithDbAsync(db => db.Set<MethodCard>().AsNoTracking().SingleAsync(c => c.Id == copyId));
        Assert.Equal((team.Id, (int?)null, "stil-schrijven", team.Facilitator.Id), (copy.ProjectId!.Value, copy.ProgrammeId, copy.CopiedFromSlug, copy.AuthorId));
        Assert.Equal([WorkForm.SilentWriting], copy.Forms);
        var page = await facilitator.OpenAsync($"/werkvormen/{copyId}");
        Assert.Contains("Gekopieerd van", page.MainText, StringComparison.Ordinal);

        // Their own card, with two steps, from Markdown rendered once and sanitised.
        int ownId;
        using (var made = await facilitator.PostAsync("/werkvormen/nieuw", CardFields($"project-{team.Id}", steps: "1. Teken de wijk.\n<script>alert(1)</script>", forms: ["Clustering", "DotVoting"])))
            ownId = Expect.RedirectToId(made, "/werkvormen/");
        var own = await factory.WithDbAsync(db => db.Set<MethodCard>().AsNoTracking().SingleAsync(c => c.Id == ownId));
        Assert.DoesNotContain("<script", own.StepsHtml, StringComparison.OrdinalIgnoreCase);
        Assert.Equal([WorkForm.Clustering, WorkForm.DotVoting], own.Forms);

        // Plan: the copy then the own card, in the order of the list; the session's steps are the cards' steps.
        var planPage = await facilitator.OpenAsync($"/werkvormen/sessie?project={team.Id}&kaart={copyId}");
        Assert.Equal([Str(copyId)], planPage.Document.QuerySelectorAll("input[name='Input.Cards'][checked]").Select(i => i.GetAttribute("value")));
        int sessionId;
        using (var planned = await facilitator.SubmitAsync(planPage.FormFor("Input.Title"),
            [new("Input.Title", "Zondagmiddag ideeën"), new("Input.Cards", Str(copyId)), new("Input.Cards", Str(ownId))]))
            sessionId = Expect.RedirectToId(planned, "/sessies/");
        var steps = await factory.WithDbAsync(db => db.Steps.Where(s => s.SessionId == sessionId).OrderBy(s => s.Position).Select(s => s.Form).ToListAsync());
        Assert.Equal([WorkForm.SilentWriting, WorkForm.Clustering, WorkForm.DotVoting], steps);
        var session = await factory.WithDbAsync(db => db.Sessions.AsNoTracking().SingleAsync(s => s.Id == sessionId));
        Assert.Equal((team.Id, SessionState.Planned), (session.ProjectId, session.State));

        // A card of another project is refused with a Dutch message, and no session is made.
        var other = await factory.Data.TeamProjectAsync();
        var foreign = await factory.CardAsync("Werkvorm van een ander project", projectId: other.Id);
        var sessions = await factory.WithDbAsync(db => db.Sessions.CountAsync());
        using (var refused = await facilitator.SubmitAsync(planPage.FormFor("Input.Title"), [new("Input.Title", "Mag niet"), new("Input.Cards", Str(foreign))]))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("Kies alleen werkvormen uit de lijst", System.Net.WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }
        using (var none = await facilitator.SubmitAsync(planPage.FormFor("Input.Title"), [new("Input.Title", "Leeg"), new("Input.Cards", "")]))
            Assert.Contains("Kies minstens één werkvorm.", System.Net.WebUtility.HtmlDecode(await none.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(sessions, await factory.WithDbAsync(db => db.Sessions.CountAsync()));
    }

    [Fact]
    public async Task Own_cards_are_seen_by_who_may_read_their_place_and_kept_by_its_facilitators()
    {
        var closed = await factory.Data.TeamProjectAsync(Visibility.MembersOnly);
        var programmeId = await factory.WithDbAsync(db => db.Projects.Where(p => p.Id == closed.Id).Select(p => p.ProgrammeId).SingleAsync());
        var secret = await factory.CardAsync("Geheime werkvorm", projectId: closed.Id, purpose: "Over eenzaamheid in de flat.");
        var shared = await factory.CardAsync("Programmawerkvorm", programmeId: programmeId);
        var outsider = await factory.Data.TeamProjectAsync();

        using var stranger = await factory.SignInAsync(outsider.Member.Email!);
        using (var hidden = await stranger.GetAsync($"/werkvormen/{secret}")) Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        using (var hiddenCopy = await stranger.GetAsync($"/werkvormen/{secret}/kopieren")) Assert.Equal(HttpStatusCode.NotFound, hiddenCopy.StatusCode);
        var seen = (await stranger.GetJsonAsync("/api/v1/method-cards")).EnumerateArray().Select(c => c.GetProperty("key").GetString()).ToList();
        Assert.DoesNotContain(Str(secret), seen);
        Assert.Contains(Str(shared), seen); // a reader of another project of the programme
        using (var add = await stranger.GetAsync("/werkvormen/nieuw")) Assert.Equal(HttpStatusCode.Forbidden, add.StatusCode);

        using var member = await factory.SignInAsync(closed.Member.Email!);
        var found = await member.GetJsonAsync("/api/v1/method-cards?q=eenzaam");
        var keys = found.EnumerateArray().Select(c => c.GetProperty("key").GetString()).ToList();
        Assert.Contains(Str(secret), keys); // "eenzaam" finds "eenzaamheid"
        Assert.DoesNotContain(Str(shared), keys);
        using (var edit = await member.GetAsync($"/werkvormen/{secret}/bewerken")) Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        using (var plan = await member.GetAsync($"/werkvormen/sessie?project={closed.Id}")) Assert.Equal(HttpStatusCode.Forbidden, plan.StatusCode);

        using var facilitator = await factory.SignInAsync(closed.Facilitator.Email!);
        var editForm = await facilitator.OpenAsync($"/werkvormen/{secret}/bewerken");
        using (var saved = await facilitator.SubmitAsync(editForm.FormFor("Input.Title"), [new("Input.Title", "Minder geheime werkvorm")]))
            Expect.Redirect(saved, $"/werkvormen/{secret}");
        Assert.Equal("Minder geheime werkvorm", await factory.WithDbAsync(db => db.Set<MethodCard>().Where(c => c.Id == secret).Select(c => c.Title).SingleAsync()));
        // A facilitator of a project in the programme keeps its programme-wide cards too.
        using (var programmeEdit = await facilitator.GetAsync($"/werkvormen/{shared}/bewerken")) Assert.Equal(HttpStatusCode.OK, programmeEdit.StatusCode);

        using var anonymous = factory.NewBrowser();
        using (var signIn = await anonymous.GetAsync("/werkvormen/nieuw")) Expect.RedirectToSignIn(signIn);
    }

    [Fact]
    public async Task Bad_input_gets_a_clear_Dutch_message_and_nothing_is_saved()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var place = $"project-{team.Id}";
        var before = await CardCountAsync();
        (List<KeyValuePair<string, string>> Fields, string Message)[] cases =
        [
            (CardFields(place, title: "  "), "Vul de naam van de werkvorm in."),
            (CardFields(place, title: new string('x', MethodCardLimits.Title + 1)), "is te lang"),
            (CardFields(place, steps: new string('x', MethodCardLimits.Steps + 1)), "is te lang"),
            (CardFields(place, minutes: "-5"), "Vul een tijd in van 1 tot en met 480 minuten."),
            (CardFields(place, minutes: "tien"), "Vul een tijd in van 1 tot en met 480 minuten."),
            (CardFields(place, min: "12", max: "3"), "Het grootste aantal mensen kan niet kleiner zijn dan het kleinste."),
            (CardFields(place, forms: ["Dansen"]), "Kies de stappen uit de lijst."),
            (CardFields(place, forms: ["1"]), "Kies de stappen uit de lijst."),
            (CardFields(place, title: "Zonder stap", forms: [""]), "Kies minstens één stap"),
            (CardFields("project-999999"), "Kies waar de werkvorm komt"),
            (CardFields("programma-abc"), "Kies waar de werkvorm komt"),
        ];
        foreach (var (fields, message) in cases)
        {
            using var response = await facilitator.PostAsync("/werkvormen/nieuw", fields);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(message, System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }
        Assert.Equal(before, await CardCountAsync());

        // Another project's facilitator cannot put a card in this project, nor change one there.
        var other = await factory.Data.TeamProjectAsync();
        using var stranger = await factory.SignInAsync(other.Facilitator.Email!);
        using (var refused = await stranger.PostAsync("/werkvormen/nieuw", CardFields(place)))
            Assert.Contains("Kies waar de werkvorm komt", System.Net.WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var card = await factory.CardAsync("Van het team", projectId: team.Id);
        using (var edit = await stranger.PostAsync($"/werkvormen/{card}/bewerken", CardFields(place))) Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        Assert.Equal(before + 1, await CardCountAsync());
    }
}
