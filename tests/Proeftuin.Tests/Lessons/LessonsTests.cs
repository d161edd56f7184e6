using System.Globalization;
using Proeftuin.Features.Audit;
using Proeftuin.Features.Journey;
using Proeftuin.Features.Lessons;
using Proeftuin.Features.Thread;

namespace Proeftuin.Tests.Lessons;

/// <summary>The lessenbibliotheek: writing and publishing a lesson, who reads team and public lessons where, search and facets, bad input.</summary>
public sealed class LessonsTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private static string Str(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>A word of its own per test, so lessons of other tests in the shared database do not get in the way.</summary>
    private static string Word() => "proefwoord" + Guid.NewGuid().ToString("N")[..8];

    private static async Task<HttpResponseMessage> WriteAsync(Browser browser, int projectId, object values, int? from = null)
    {
        var page = await browser.OpenAsync($"/projecten/{projectId}/lessen/nieuw" + (from is { } f ? $"?van={f}" : ""));
        return await browser.SubmitAsync(page.FormFor("Input.Title"), Fields.Of(values));
    }

    [Fact]
    public async Task A_member_writes_a_lesson_from_a_journey_note_and_a_facilitator_publishes_it_with_an_audit_entry()
    {
        var team = await factory.Data.TeamProjectAsync(Visibility.Open, Phase.Test);
        var signpost = await factory.WithDbAsync(async db =>
        {
            var e = new JourneyEntry { ProjectId = team.Id, Type = JourneyEntryType.Signpost, Title = "Begin bij de verhalen", Text = "", OccurredOn = new DateOnly(2026, 11, 1), CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
            db.Items.Add(e);
            await db.SaveChangesAsync();
            return e.Id;
        });
        var word = Word();
        using var member = await factory.SignInAsync(team.Member.Email!);

        // The project page leads to its lessons; a member may write one, but not make it public.
        Assert.Contains((await member.OpenAsync($"/projecten/{team.Id}")).Document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == $"/lessen?project={team.Id}");
        var list = await member.OpenAsync($"/lessen?project={team.Id}");
        Assert.Contains(list.Document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == $"/projecten/{team.Id}/lessen/nieuw");
        var form = await member.OpenAsync($"/projecten/{team.Id}/lessen/nieuw?van={signpost}");
        Assert.Null(form.Document.QuerySelector("#Input_Visibility"));
        Assert.Contains("Begin bij de verhalen", form.MainText, StringComparison.Ordinal);
        int id;
        using (var made = await member.SubmitAsync(form.FormFor("Input.Title"), Fields.Of(new
        {
            Input_Title = $"Zondag is de moeilijkste dag {word}",
            Input_Text = "Eenzaamheid zit in **vaste momenten**.",
            Input_Context = "Ouderen die alleen wonen.",
            Input_Mechanism = "Het moment zelf is de drempel.",
            Input_Outcome = "Twaalf mensen per zondag.",
            Input_Result = "Worked",
            Input_Domains = "Care",
        })))
            id = Expect.RedirectToId(made, "/lessen/");
        var row = await factory.WithDbAsync(db => db.Items.OfType<Lesson>().AsNoTracking().SingleAsync(l => l.Id == id));
        Assert.Equal((LessonVisibility.Team, LessonResult.Worked, Domains.Care, Phase.Test, (DateTime?)null),
            (row.Visibility, row.Result, row.Domains, row.Phase, row.PublishedAt));
        Assert.Contains("<strong>vaste momenten</strong>", row.Html, StringComparison.Ordinal);
        var link = await factory.WithDbAsync(db => db.Links.AsNoTracking().SingleAsync(l => l.ToId == id));
        Assert.Equal((signpost, LinkType.LeadsTo), (link.FromId, link.Type));
        using (var draad = await member.GetAsync($"/draad/{id}")) Expect.Redirect(draad, $"/lessen/{id}");

        // The page: the lesson, its parts, and the thread back to where it came from.
        var page = await member.OpenAsync($"/lessen/{id}");
        Assert.Contains("Het moment zelf is de drempel.", page.MainText, StringComparison.Ordinal);
        Assert.Contains(page.Document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == $"/innovatiereis/{signpost}");

        // A member who sends "Public" anyway is refused, and nothing changes.
        using (var sneaky = await member.PostAsync($"/lessen/{id}/bewerken", new
        {
            Input_Title = "Zondag",
            Input_Text = "x",
            Input_Context = "y",
            Input_Result = "Worked",
            Input_Visibility = "Public",
        }))
            await Expect.FormErrorAsync(sneaky, "Alleen een begeleider of evaluator");
        Assert.Equal(LessonVisibility.Team, await factory.WithDbAsync(db => db.Items.OfType<Lesson>().Where(l => l.Id == id).Select(l => l.Visibility).SingleAsync()));

        // Signed out, the team lesson does not exist.
        var anonymous = factory.NewBrowser();
        using (var hidden = await anonymous.GetAsync($"/lessen/{id}")) Expect.Status(HttpStatusCode.NotFound, hidden);

        // The facilitator makes it public: an audit entry says so, and now everyone reads it.
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var edit = await facilitator.OpenAsync($"/lessen/{id}/bewerken");
        using (var published = await facilitator.SubmitAsync(edit.FormFor("Input.Title"), new { Input_Visibility = "Public" }))
            Expect.Redirect(published, $"/lessen/{id}");
        Assert.NotNull(await factory.WithDbAsync(db => db.Items.OfType<Lesson>().Where(l => l.Id == id).Select(l => l.PublishedAt).SingleAsync()));
        var audit = await factory.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(a => a.SubjectType == AuditSubjects.Lesson && a.SubjectId == Str(id)).ToListAsync());
        Assert.Equal([AuditAction.LessonPublished], audit.Select(a => a.Action));
        Assert.Contains("Het moment zelf is de drempel.", (await anonymous.OpenAsync($"/lessen/{id}")).MainText, StringComparison.Ordinal);
        var json = await anonymous.GetJsonAsync($"/api/v1/lessons/{id}");
        Assert.Equal(("worked", "public", "Ouderen die alleen wonen."), (json.GetProperty("result").GetString(), json.GetProperty("visibility").GetString(), json.GetProperty("context").GetString()));
    }

    [Fact]
    public async Task Team_lessons_stay_in_the_team_in_the_library_the_search_the_thread_and_the_api_for_every_role()
    {
        var team = await factory.Data.TeamProjectAsync(Visibility.Open, Phase.Test);
        var word = Word();
        var teamOnly = await factory.LessonAsync(team.Id, $"Teamles {word}", LessonVisibility.Team);
        var open = await factory.LessonAsync(team.Id, $"Openbare les {word}", LessonVisibility.Public);
        var outsider = await factory.Data.UserAsync();
        await factory.Data.ProjectAsync(members: [(outsider, ProjectRole.Member)]);
        var readers = new (string Who, Browser Browser, bool SeesTeam)[]
        {
            ("signed out", factory.NewBrowser(), false),
            ("another project's member", await factory.SignInAsync(outsider.Email!), false),
            ("observer", await factory.SignInAsync(team.Observer.Email!), true),
            ("member", await factory.SignInAsync(team.Member.Email!), true),
            ("facilitator", await factory.SignInAsync(team.Facilitator.Email!), true),
        };
        foreach (var (who, browser, seesTeam) in readers)
        {
            var library = await browser.OpenAsync($"/lessen?q={word}");
            Assert.True(library.Document.QuerySelectorAll("main a").Any(a => a.GetAttribute("href") == $"/lessen/{open}"), who);
            Assert.Equal(seesTeam, library.Document.QuerySelectorAll("main a").Any(a => a.GetAttribute("href") == $"/lessen/{teamOnly}"));
            var api = await browser.GetJsonAsync($"/api/v1/lessons?q={word}");
            Assert.Equal(seesTeam ? 2 : 1, api.GetProperty("total").GetInt32());
            using (var one = await browser.GetAsync($"/api/v1/lessons/{teamOnly}"))
                Assert.Equal(seesTeam ? HttpStatusCode.OK : HttpStatusCode.NotFound, one.StatusCode);
            using (var page = await browser.GetAsync($"/lessen/{teamOnly}"))
                Assert.Equal(seesTeam ? HttpStatusCode.OK : HttpStatusCode.NotFound, page.StatusCode);
            // The open project's own search and thread keep the team lesson in the team too.
            if (who != "another project's member")
            {
                var search = await browser.OpenAsync($"/projecten/{team.Id}/zoeken?q={word}");
                Assert.Equal(seesTeam, search.MainText.Contains("Teamles", StringComparison.Ordinal));
                Assert.Contains("Openbare les", search.MainText, StringComparison.Ordinal);
            }
            var openData = await browser.GetAsync("/lessen/open-data.json");
            var body = await openData.Content.ReadAsStringAsync();
            Assert.Contains($"Openbare les {word}", body, StringComparison.Ordinal);
            Assert.DoesNotContain($"Teamles {word}", body, StringComparison.Ordinal);
        }
        foreach (var r in readers) r.Browser.Dispose();
    }

    [Fact]
    public async Task A_public_lesson_of_a_closed_project_is_read_without_its_project_or_its_evidence()
    {
        var team = await factory.Data.TeamProjectAsync(Visibility.MembersOnly, Phase.Test);
        var word = Word();
        var id = await factory.LessonAsync(team.Id, $"Les uit een besloten project {word}", LessonVisibility.Public);
        var project = await factory.WithDbAsync(db => db.Projects.Where(p => p.Id == team.Id).Select(p => p.Title).SingleAsync());
        var anonymous = factory.NewBrowser();
        var page = await anonymous.OpenAsync($"/lessen/{id}");
        Assert.Contains("Uit een besloten project", page.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain(project, page.Text, StringComparison.Ordinal);
        var api = await anonymous.GetJsonAsync($"/api/v1/lessons/{id}");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, api.GetProperty("project").ValueKind);
        var openData = await (await anonymous.GetAsync("/lessen/open-data.json")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(project, openData, StringComparison.Ordinal);
        // Its project's lessons list does not name the project either.
        Assert.DoesNotContain(project, (await anonymous.OpenAsync($"/lessen?project={team.Id}")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_finds_eenzaam_in_eenzaamheid_ranks_title_matches_first_and_the_facets_narrow()
    {
        var team = await factory.Data.TeamProjectAsync(Visibility.Open, Phase.Test);
        var word = Word();
        var inTitle = await factory.LessonAsync(team.Id, $"Eenzaamheid op zondag {word}", LessonVisibility.Public, at: DateTime.UtcNow.AddDays(-10));
        var inText = await factory.LessonAsync(team.Id, $"Koffie in de buurtkamer {word}", LessonVisibility.Public,
            text: "Minder eenzaamheid door een vaste plek.", result: LessonResult.BrilliantFailure, domains: Domains.Housing);
        await factory.LessonAsync(team.Id, $"Iets anders {word}", LessonVisibility.Public, text: "Over werk.", result: LessonResult.DidNotWork);
        var anonymous = factory.NewBrowser();

        var found = await anonymous.GetJsonAsync($"/api/v1/lessons?q=eenzaam+{word}");
        Assert.Equal([inTitle, inText], found.GetProperty("lessons").EnumerateArray().Select(l => l.GetProperty("id").GetInt32()));
        var page = await anonymous.OpenAsync($"/lessen?q=eenzaam+{word}");
        Assert.Equal([$"/lessen/{inTitle}", $"/lessen/{inText}"], page.Document.QuerySelectorAll(".pt-lesson-card h3 a").Select(a => a.GetAttribute("href")));

        // Facets: outcome and domain, on the page (links) and in the API.
        var all = await anonymous.GetJsonAsync($"/api/v1/lessons?q={word}");
        Assert.Equal(3, all.GetProperty("total").GetInt32());
        Assert.Contains(all.GetProperty("outcomes").EnumerateArray(), f => f.GetProperty("value").GetString() == "brilliant-failure" && f.GetProperty("count").GetInt32() == 1);
        Assert.Equal([inText], (await anonymous.GetJsonAsync($"/api/v1/lessons?q={word}&outcome=brilliant-failure")).GetProperty("lessons").EnumerateArray().Select(l => l.GetProperty("id").GetInt32()));
        Assert.Equal([inText], (await anonymous.GetJsonAsync($"/api/v1/lessons?q={word}&domain=housing")).GetProperty("lessons").EnumerateArray().Select(l => l.GetProperty("id").GetInt32()));
        var facet = page.Document.QuerySelectorAll(".pt-facet-list a").First(a => a.TextContent.Contains("Briljante mislukking", StringComparison.Ordinal)).GetAttribute("href")!;
        var narrowed = await anonymous.OpenAsync(facet);
        Assert.Equal([$"/lessen/{inText}"], narrowed.Document.QuerySelectorAll(".pt-lesson-card h3 a").Select(a => a.GetAttribute("href")));

        // Similar lessons: the other Care lessons of the library show on a lesson's page.
        var lesson = await anonymous.OpenAsync($"/lessen/{inTitle}");
        Assert.Contains("Vergelijkbare lessen", lesson.MainText, StringComparison.Ordinal);
        Assert.Contains(lesson.Document.QuerySelectorAll("main a"), a => a.GetAttribute("href")!.StartsWith("/lessen/", StringComparison.Ordinal) && a.GetAttribute("href") != $"/lessen/{inTitle}");

        // The same search covers the werkvormen: "schrijven" finds the built-in "Stil schrijven" beside the lessons.
        Assert.Contains((await anonymous.OpenAsync("/lessen?q=schrijven")).Document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/werkvormen/stil-schrijven");

        // Bad filters: a clear 400 in the API, a message and the whole library on the page.
        using (var bad = await anonymous.GetAsync("/api/v1/lessons?outcome=maybe")) Expect.Status(HttpStatusCode.BadRequest, bad);
        using (var longQuery = await anonymous.GetAsync("/api/v1/lessons?q=" + new string('a', 300))) Expect.Status(HttpStatusCode.BadRequest, longQuery);
        using (var nul = await anonymous.GetAsync("/api/v1/lessons?theme=voor%00na")) Expect.Status(HttpStatusCode.BadRequest, nul);
        Assert.Contains("Dit filter kennen we niet", (await anonymous.OpenAsync("/lessen?uitkomst=misschien")).MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_gets_clear_Dutch_errors_and_saves_nothing()
    {
        var team = await factory.Data.TeamProjectAsync(Visibility.Open, Phase.Test);
        using var member = await factory.SignInAsync(team.Member.Email!);
        var before = await factory.WithDbAsync(db => db.Items.CountAsync(i => i.ProjectId == team.Id));
        var good = new Dictionary<string, string> { ["Input.Title"] = "Titel", ["Input.Text"] = "Les", ["Input.Context"] = "Context", ["Input.Result"] = "Worked" };
        async Task Refused(string field, string value, string message)
        {
            var page = await member.OpenAsync($"/projecten/{team.Id}/lessen/nieuw");
            var values = new Dictionary<string, string>(good) { [field] = value };
            using var response = await member.SubmitAsync(page.FormFor("Input.Title"), values);
            await Expect.FormErrorAsync(response, message);
        }
        await Refused("Input.Context", "   ", SaveLesson.NeedsContext);
        await Refused("Input.Title", "", "Vul een korte titel in.");
        await Refused("Input.Text", new string('x', LessonLimits.Text + 1), "te lang");
        await Refused("Input.Result", "Maybe", "Kies of het werkte");
        await Refused("Input.Domains", "Space", "Kies alleen domeinen uit de lijst.");
        await Refused("Input.ThemeIds", "999999", "Kies alleen thema's uit de lijst.");
        using (var wrongSource = await member.PostAsync($"/projecten/{team.Id}/lessen/nieuw?van=999999", good))
            await Expect.FormErrorAsync(wrongSource, "Dit onderdeel kennen we niet");
        Assert.Equal(before, await factory.WithDbAsync(db => db.Items.CountAsync(i => i.ProjectId == team.Id)));

        // Script is text, never markup.
        using (var made = await WriteAsync(member, team.Id, new { Input_Title = TestData.Script, Input_Text = "Les", Input_Context = TestData.Script, Input_Result = "Worked" }))
        {
            var id = Expect.RedirectToId(made, "/lessen/");
            Expect.ShownAsText(await member.OpenAsync($"/lessen/{id}"));
        }

        // Who may not: the observer and another project's member cannot write; signed out goes to sign in.
        using var observer = await factory.SignInAsync(team.Observer.Email!);
        using (var refused = await observer.GetAsync($"/projecten/{team.Id}/lessen/nieuw")) Expect.Status(HttpStatusCode.Forbidden, refused);
        using (var anonymous = await factory.NewBrowser().GetAsync($"/projecten/{team.Id}/lessen/nieuw")) Expect.RedirectToSignIn(anonymous);
    }
}
