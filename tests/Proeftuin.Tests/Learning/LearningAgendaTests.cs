using System.Globalization;
using Proeftuin.Features.Learning;
using Proeftuin.Features.Thread;
using Proeftuin.Tests.Thread;

namespace Proeftuin.Tests.Learning;

/// <summary>The learning agenda: a question from asked to answered with its evidence and history, barriers, who may not, and bad input.</summary>
public sealed class LearningAgendaTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private static string Str(int id) => id.ToString(CultureInfo.InvariantCulture);

    private Task<(int Items, int Versions, int Links)> CountsAsync(int projectId) => factory.WithDbAsync(async db =>
        (await db.Items.CountAsync(i => i.ProjectId == projectId), await db.Set<AgendaVersion>().CountAsync(v => v.ProjectId == projectId),
         await db.Links.CountAsync(l => l.ProjectId == projectId)));

    private static async Task<HttpResponseMessage> AddAsync(Browser browser, int projectId, object values, string soort = "leervraag")
    {
        var page = await browser.OpenAsync($"/projecten/{projectId}/leeragenda/nieuw?soort={soort}");
        return await browser.SubmitAsync(page.FormFor("Input.Title"), Fields.Of(values));
    }

    private static async Task<HttpResponseMessage> EditAsync(Browser browser, int id, object values)
    {
        var page = await browser.OpenAsync($"/leeragenda/{id}/bewerken");
        return await browser.SubmitAsync(page.FormFor("Input.Title"), Fields.Of(values));
    }

    [Fact]
    public async Task A_team_asks_a_learning_question_links_evidence_answers_it_and_keeps_its_history()
    {
        var team = await factory.Data.TeamProjectAsync(Visibility.Open, Phase.Test);
        var observation = await factory.ItemAsync(team.Id, ItemKind.Insight, "Nieuwe bezoekers zitten alleen aan de kant", authorId: team.Member.Id);
        using var member = await factory.SignInAsync(team.Member.Email!);

        // The agenda is one click from the project page, and starts empty.
        Assert.Contains((await member.OpenAsync($"/projecten/{team.Id}")).Document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == $"/projecten/{team.Id}/leeragenda");
        var empty = await member.OpenAsync($"/projecten/{team.Id}/leeragenda");
        Assert.Contains("Nog geen leervragen", empty.MainText, StringComparison.Ordinal);

        // Whoever writes a question down looks after it, unless they choose someone else.
        var form = await member.OpenAsync($"/projecten/{team.Id}/leeragenda/nieuw");
        Assert.Equal(team.Member.Id, form.Document.QuerySelector("#Input_OwnerId option[selected]")?.GetAttribute("value"));
        Assert.DoesNotContain(form.FormFor("Input.OwnerId").Options("Input.OwnerId"), o => o == team.Observer.Id); // observers do not own questions
        int id;
        using (var made = await member.SubmitAsync(form.FormFor("Input.Title"), Fields.Of(new
        {
            Input_Title = "Voelen nieuwe bezoekers zich welkom?",
            Input_Detail = "Het wijkteam",
            Input_DueOn = "2027-03-31",
            Input_Text = "Zonder welkom komt **niemand** terug.",
        })))
            id = Expect.RedirectToId(made, "/leeragenda/");
        var row = await factory.WithDbAsync(db => db.Items.OfType<LearningQuestion>().AsNoTracking().SingleAsync(q => q.Id == id));
        Assert.Equal((LearningStatus.Open, team.Member.Id, new DateOnly(2027, 3, 31), Phase.Test), (row.Status, row.OwnerId, row.DueOn, row.Phase));
        Assert.Contains("<strong>niemand</strong>", row.Html, StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Set<AgendaVersion>().CountAsync(v => v.ItemId == id)));
        using (var draad = await member.GetAsync($"/draad/{id}")) Expect.Redirect(draad, $"/leeragenda/{id}");

        // Evidence: an item of the project, linked as "onderbouwt deze leervraag".
        var page = await member.OpenAsync($"/leeragenda/{id}");
        Assert.Contains(page.FormFor("Evidence.OtherId").Options("Evidence.OtherId"), o => o == Str(observation));
        using (var linked = await member.SubmitAsync(page.FormFor("Evidence.OtherId"), new { Evidence_OtherId = Str(observation) }))
            Expect.Redirect(linked, $"/leeragenda/{id}#bewijs");
        var link = await factory.WithDbAsync(db => db.Links.AsNoTracking().SingleAsync(l => l.ToId == id));
        Assert.Equal((observation, LinkType.Supports, team.Member.Id), (link.FromId, link.Type, link.CreatedById));
        page = await member.OpenAsync($"/leeragenda/{id}");
        Assert.Contains(page.Document.QuerySelectorAll("#bewijs a"), a => a.GetAttribute("href") == $"/draad/{observation}");
        // The same item twice is refused with the thread's own words, and nothing is added.
        using (var twice = await member.PostAsync($"/leeragenda/{id}?handler=Evidence", new { Evidence_OtherId = Str(observation) }))
            Assert.Contains("al een verband", (await Expect.FormErrorAsync(twice, "al een verband")).ErrorText, StringComparison.Ordinal);

        // Answered needs an answer.
        using (var noAnswer = await EditAsync(member, id, new { Input_Status = "Answered" }))
            await Expect.FormErrorAsync(noAnswer, "Schrijf op wat jullie geleerd hebben");
        using (var answered = await EditAsync(member, id, new
        {
            Input_Title = "Voelen nieuwe bezoekers zich welkom op zondag?",
            Input_Status = "Answered",
            Input_Answer = "Minder dan vaste bezoekers: 3,1 tegen 4,6.",
            Input_Reason = "De proef is klaar.",
        }))
            Expect.Redirect(answered, $"/leeragenda/{id}");
        var versions = await factory.WithDbAsync(db => db.Set<AgendaVersion>().AsNoTracking().Where(v => v.ItemId == id).OrderBy(v => v.Number).ToListAsync());
        Assert.Equal([AgendaChange.Added, AgendaChange.StatusChanged], versions.Select(v => v.Change));
        Assert.Equal(("Voelen nieuwe bezoekers zich welkom?", "Voelen nieuwe bezoekers zich welkom op zondag?"), (versions[0].Title, versions[1].Title));
        Assert.Equal(("De proef is klaar.", (int)LearningStatus.Answered, team.Member.Id), (versions[1].Reason, versions[1].Status, versions[1].ChangedById));

        // The page tells the history, newest first, field by field.
        page = await member.OpenAsync($"/leeragenda/{id}");
        var history = page.Document.QuerySelector("#geschiedenis")!.TextContent;
        Assert.Contains("Status: Open werd Beantwoord", history, StringComparison.Ordinal);
        Assert.Contains("„Voelen nieuwe bezoekers zich welkom?” werd „Voelen nieuwe bezoekers zich welkom op zondag?”", history, StringComparison.Ordinal);
        Assert.Contains("De proef is klaar.", history, StringComparison.Ordinal);
        Assert.True(history.IndexOf("Versie 2", StringComparison.Ordinal) < history.IndexOf("Versie 1", StringComparison.Ordinal));
        Assert.Contains("3,1 tegen 4,6", page.Document.QuerySelector(".pt-agenda__answer")!.TextContent, StringComparison.Ordinal);

        // Saving without a change adds no version.
        using (var same = await EditAsync(member, id, new { })) Expect.Redirect(same, $"/leeragenda/{id}");
        Assert.Equal(2, await factory.WithDbAsync(db => db.Set<AgendaVersion>().CountAsync(v => v.ItemId == id)));

        // The agenda lists it among the settled ones; the API and the export carry the same.
        var agenda = await member.OpenAsync($"/projecten/{team.Id}/leeragenda");
        Assert.Contains("Beantwoord of vervallen", agenda.MainText, StringComparison.Ordinal);
        var json = await member.GetJsonAsync($"/api/v1/projects/{team.Id}/learning-agenda");
        var q = json.GetProperty("questions")[0];
        Assert.Equal(("answered", "LearningQuestion", 2), (q.GetProperty("status").GetString(), q.GetProperty("kind").GetString(), q.GetProperty("versions").GetInt32()));
        Assert.Equal(observation, q.GetProperty("evidence")[0].GetProperty("id").GetInt32());
        using var csv = await member.GetAsync($"/projecten/{team.Id}/leeragenda/export?format=csv");
        Expect.Status(HttpStatusCode.OK, csv);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.Contains("Voelen nieuwe bezoekers zich welkom op zondag?", text, StringComparison.Ordinal);
        Assert.Contains("Nieuwe bezoekers zitten alleen aan de kant", text, StringComparison.Ordinal);
        using var xlsx = await member.GetAsync($"/projecten/{team.Id}/leeragenda/export?format=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        using var bad = await member.GetAsync($"/projecten/{team.Id}/leeragenda/export?format=pdf");
        Expect.Status(HttpStatusCode.BadRequest, bad);
    }

    [Fact]
    public async Task A_dropped_question_says_why_and_a_barrier_says_who_can_move_it()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var lead = await factory.SignInAsync(team.Facilitator.Email!);
        var id = await factory.QuestionAsync(team.Id, "Helpt een buurtapp?", team.Member.Id);
        using (var noReason = await EditAsync(lead, id, new { Input_Status = "Dropped" }))
            await Expect.FormErrorAsync(noReason, "Schrijf op waarom deze leervraag vervalt");
        using (var dropped = await EditAsync(lead, id, new { Input_Status = "Dropped", Input_Reason = "De app bleek niet te werken voor ouderen." }))
            Expect.Redirect(dropped, $"/leeragenda/{id}");

        var before = await CountsAsync(team.Id);
        using (var noMover = await AddAsync(lead, team.Id, new { Input_Title = "Buurthuizen zijn op zondag dicht", Input_Detail = "" }, "systeembarriere"))
            await Expect.FormErrorAsync(noMover, "Vul wie hem kan wegnemen in.");
        Assert.Equal(before, await CountsAsync(team.Id));
        int barrier;
        using (var made = await AddAsync(lead, team.Id, new { Input_Title = "Buurthuizen zijn op zondag dicht", Input_Detail = "De wethouder" }, "systeembarriere"))
            barrier = Expect.RedirectToId(made, "/leeragenda/");
        Assert.Equal(ItemKind.SystemBarrier, await factory.WithDbAsync(db => db.Items.Where(i => i.Id == barrier).Select(i => i.Kind).SingleAsync()));
        using (var noOutcome = await EditAsync(lead, barrier, new { Input_Status = "Moved" }))
            await Expect.FormErrorAsync(noOutcome, "Schrijf op wat er met de barrière gebeurd is");
        using (var raised = await EditAsync(lead, barrier, new { Input_Status = "Raised", Input_Reason = "Besproken met de wethouder." }))
            Expect.Redirect(raised, $"/leeragenda/{barrier}");

        var agenda = await lead.OpenAsync($"/projecten/{team.Id}/leeragenda");
        Assert.Contains("Aangekaart", agenda.Document.QuerySelector("#barrieres")!.ParentElement!.TextContent, StringComparison.Ordinal);
        var json = await lead.GetJsonAsync($"/api/v1/projects/{team.Id}/learning-agenda");
        Assert.Equal(("raised", "De wethouder"), (json.GetProperty("barriers")[0].GetProperty("status").GetString(), json.GetProperty("barriers")[0].GetProperty("whoCanMove").GetString()));
        Assert.Equal("dropped", json.GetProperty("questions")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Who_may_not_keep_the_agenda_is_refused_and_nothing_changes()
    {
        var team = await factory.Data.TeamProjectAsync();
        var closed = await factory.Data.TeamProjectAsync(Visibility.MembersOnly);
        var id = await factory.QuestionAsync(team.Id, "Open vraag", team.Member.Id, ownerId: team.Member.Id);
        var closedId = await factory.QuestionAsync(closed.Id, "Vraag van het dichte project", closed.Member.Id);
        var insight = await factory.ItemAsync(team.Id, ItemKind.Insight, "Een inzicht", authorId: team.Member.Id);
        var before = await CountsAsync(team.Id);

        // Anonymous readers of an open project see the agenda, not the team's names, and no forms.
        using (var anonymous = factory.NewBrowser())
        {
            var agenda = await anonymous.OpenAsync($"/projecten/{team.Id}/leeragenda");
            Assert.Contains("Open vraag", agenda.MainText, StringComparison.Ordinal);
            Assert.DoesNotContain(team.Member.DisplayName, agenda.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("Nieuwe leervraag", agenda.MainText, StringComparison.Ordinal);
            var item = await anonymous.OpenAsync($"/leeragenda/{id}");
            Assert.DoesNotContain(team.Member.DisplayName, item.Text, StringComparison.Ordinal);
            Assert.Null(item.Document.QuerySelector("[name='Evidence.OtherId']"));
            Assert.True((await anonymous.GetJsonAsync($"/api/v1/projects/{team.Id}/learning-agenda")).GetProperty("questions")[0].GetProperty("owner").ValueKind == System.Text.Json.JsonValueKind.Null);
            using (var form = await anonymous.GetAsync($"/projecten/{team.Id}/leeragenda/nieuw")) Expect.RedirectToSignIn(form);
            using (var export = await anonymous.GetAsync($"/projecten/{team.Id}/leeragenda/export")) Expect.RedirectToSignIn(export);
            using (var evidence = await anonymous.PostAsync($"/leeragenda/{id}?handler=Evidence", new { Evidence_OtherId = Str(insight) })) Expect.RedirectToSignIn(evidence);
            // A members-only project's agenda does not exist for them.
            foreach (var url in new[] { $"/projecten/{closed.Id}/leeragenda", $"/leeragenda/{closedId}", $"/api/v1/projects/{closed.Id}/learning-agenda" })
                using (var hidden = await anonymous.GetAsync(url)) Expect.Status(HttpStatusCode.NotFound, hidden, url);
        }

        // An observer reads, and may do nothing else.
        using (var observer = await factory.SignInAsync(team.Observer.Email!))
        {
            Assert.Contains(team.Member.DisplayName, (await observer.OpenAsync($"/leeragenda/{id}")).MainText, StringComparison.Ordinal);
            foreach (var url in new[] { $"/projecten/{team.Id}/leeragenda/nieuw", $"/leeragenda/{id}/bewerken", $"/projecten/{team.Id}/leeragenda/export" })
                using (var denied = await observer.GetAsync(url)) Expect.Status(HttpStatusCode.Forbidden, denied, url);
            using (var post = await observer.PostAsync($"/projecten/{team.Id}/leeragenda/nieuw?soort=leervraag", new { Input_Title = "Mag niet", Input_Detail = "x" }))
                Expect.Status(HttpStatusCode.Forbidden, post);
            using (var edit = await observer.PostAsync($"/leeragenda/{id}/bewerken", new { Input_Title = "Mag niet", Input_Detail = "x", Input_Status = "Open" }))
                Expect.Status(HttpStatusCode.Forbidden, edit);
            using (var evidence = await observer.PostAsync($"/leeragenda/{id}?handler=Evidence", new { Evidence_OtherId = Str(insight) }))
                Expect.Status(HttpStatusCode.Forbidden, evidence);
        }

        // Another project's facilitator: the open project's agenda is readable, not theirs to keep; the closed one is not there.
        using (var stranger = await factory.SignInAsync(closed.Facilitator.Email!))
        {
            using (var edit = await stranger.PostAsync($"/leeragenda/{id}/bewerken", new { Input_Title = "Mag niet", Input_Detail = "x", Input_Status = "Open" }))
                Expect.Status(HttpStatusCode.Forbidden, edit);
        }
        using (var outsider = await factory.SignInAsync(team.Facilitator.Email!))
        using (var hidden = await outsider.GetAsync($"/leeragenda/{closedId}/bewerken"))
            Expect.Status(HttpStatusCode.NotFound, hidden);
        Assert.Equal(before, await CountsAsync(team.Id));
        Assert.Equal("Open vraag", await factory.WithDbAsync(db => db.Items.Where(i => i.Id == id).Select(i => i.Title).SingleAsync()));
    }

    [Fact]
    public async Task Bad_input_gets_a_clear_Dutch_message_and_nothing_is_half_saved()
    {
        var team = await factory.Data.TeamProjectAsync();
        var other = await factory.Data.TeamProjectAsync();
        var insight = await factory.ItemAsync(team.Id, ItemKind.Insight, "Een inzicht", authorId: team.Member.Id);
        var foreign = await factory.ItemAsync(other.Id, ItemKind.Insight, "Inzicht van een ander project", authorId: other.Member.Id);
        var id = await factory.QuestionAsync(team.Id, "Een vraag", team.Member.Id);
        using var member = await factory.SignInAsync(team.Member.Email!);
        var before = await CountsAsync(team.Id);

        var cases = new (object Values, string Message)[]
        {
            (new { Input_Title = "", Input_Detail = "Het team" }, "Vul de leervraag in."),
            (new { Input_Title = new string('a', ThreadLimits.Title + 1), Input_Detail = "Het team" }, "is te lang"),
            (new { Input_Title = "Vraag", Input_Detail = "Het team", Input_DueOn = "morgen" }, "is geen datum"),
            (new { Input_Title = "Vraag", Input_Detail = "Het team", Input_OwnerId = team.Observer.Id }, "Kies iemand uit de lijst van het team."),
            (new { Input_Title = "Vraag", Input_Detail = "Het team", Input_OwnerId = other.Member.Id }, "Kies iemand uit de lijst van het team."),
            (new { Input_Title = "Vraag", Input_Detail = "Het team", Input_OwnerId = new string('x', 5000) }, "Kies iemand uit de lijst van het team."),
            (new { Input_Title = "Vraag\u0001", Input_Detail = "Het team" }, "bevat tekens die niet kunnen"),
            (new { Input_Title = "Vraag", Input_Detail = "Het team", Input_Status = "5" }, "Kies een status uit de lijst."),
        };
        foreach (var (values, message) in cases)
            using (var response = await AddAsync(member, team.Id, values)) await Expect.FormErrorAsync(response, message);
        // A NUL never reaches the use case: the form is refused as a whole (as for stories).
        using (var nul = await AddAsync(member, team.Id, new { Input_Title = "Vraag\u0000", Input_Detail = "Het team" }))
            Assert.True((int)nul.StatusCode is >= 400 and < 500, $"{(int)nul.StatusCode}");
        foreach (var status in new[] { "4", "Beantwoord", "answered", "Stays" })
            using (var response = await EditAsync(member, id, new { Input_Status = status })) await Expect.FormErrorAsync(response, "Kies een status uit de lijst.");
        using (var unknownKind = await member.GetAsync($"/projecten/{team.Id}/leeragenda/nieuw?soort=inzicht")) Expect.Status(HttpStatusCode.NotFound, unknownKind);
        // Evidence from another project, nothing, or the question itself.
        foreach (var (value, message) in new[] { (Str(foreign), "Kies een onderdeel uit de lijst van dit project."), ("", "Kies het andere onderdeel."), (Str(id), "geen verband met zichzelf") })
            using (var response = await member.PostAsync($"/leeragenda/{id}?handler=Evidence", new { Evidence_OtherId = value })) await Expect.FormErrorAsync(response, message);
        // Only agenda items have agenda pages.
        foreach (var url in new[] { $"/leeragenda/{insight}", $"/leeragenda/{insight}/bewerken", "/leeragenda/999999", "/leeragenda/999999/bewerken" })
            using (var response = await member.GetAsync(url)) Expect.Status(HttpStatusCode.NotFound, response, url);
        Assert.Equal(before, await CountsAsync(team.Id));

        // Markup is text.
        int hostile;
        using (var made = await AddAsync(member, team.Id, new { Input_Title = TestData.Script, Input_Detail = TestData.Script, Input_Text = TestData.Script }))
            hostile = Expect.RedirectToId(made, "/leeragenda/");
        Expect.ShownAsText(await member.OpenAsync($"/leeragenda/{hostile}"));
        Expect.ShownAsText(await member.OpenAsync($"/projecten/{team.Id}/leeragenda"));
        using (var renamed = await EditAsync(member, hostile, new { Input_Title = "Gewoon", Input_Reason = TestData.Script })) Expect.Redirect(renamed, $"/leeragenda/{hostile}");
        Expect.ShownAsText(await member.OpenAsync($"/leeragenda/{hostile}"));
    }

    [Fact]
    public async Task The_demo_project_has_an_agenda_with_an_answered_question_and_a_barrier()
    {
        using var evaluator = await factory.SignInDemoAsync("onderzoeker");
        var project = await factory.WithDbAsync(db => db.Projects.Where(p => p.Title == TestData.Loneliness).Select(p => p.Id).SingleAsync());
        var json = await evaluator.GetJsonAsync($"/api/v1/projects/{project}/learning-agenda");
        var statuses = json.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("status").GetString()).ToList();
        Assert.Equal(3, statuses.Count);
        Assert.Equal(1, statuses.Count(s => s == "answered"));
        var answered = json.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("status").GetString() == "answered");
        Assert.True(answered.GetProperty("evidence").GetArrayLength() >= 2);
        Assert.Equal(3, answered.GetProperty("versions").GetInt32());
        Assert.Equal("raised", json.GetProperty("barriers")[0].GetProperty("status").GetString());
        var page = await evaluator.OpenAsync($"/leeragenda/{answered.GetProperty("id").GetInt32()}");
        Assert.Contains("Status: Open werd Beantwoord", page.Document.QuerySelector("#geschiedenis")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erasing_an_account_takes_the_person_off_the_agenda_and_keeps_the_questions()
    {
        var team = await factory.Data.TeamProjectAsync();
        var id = await factory.QuestionAsync(team.Id, "Wie zorgt hiervoor?", team.Member.Id, ownerId: team.Member.Id);
        await factory.WithDbAsync(async db =>
        {
            var person = Proeftuin.Features.Privacy.PersonRef.Of(team.Member.Id, team.Member.Email, true, team.Member.DisplayName);
            var contributor = new LearningPersonalData(db);
            var export = await contributor.ExportAsync(person, default);
            Assert.Contains(export.Rows, r => Equals(r["Nummer"], id));
            await contributor.EraseAsync(person, Proeftuin.Features.Privacy.ErasureChoices.WithdrawAll, default);
            return 0;
        });
        var (owner, versionPeople) = await factory.WithDbAsync(async db => (
            await db.Items.OfType<LearningQuestion>().Where(q => q.Id == id).Select(q => q.OwnerId).SingleAsync(),
            await db.Set<AgendaVersion>().Where(v => v.ItemId == id).Select(v => v.ChangedById ?? v.OwnerId).ToListAsync()));
        Assert.Null(owner);
        Assert.All(versionPeople, Assert.Null);
    }
}
