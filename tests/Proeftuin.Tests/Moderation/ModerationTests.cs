using Proeftuin.Features.Audit;
using Proeftuin.Features.Moderation;
using Proeftuin.Features.Stories;
using Proeftuin.Features.Thread;
using Proeftuin.Tests.Thread;

namespace Proeftuin.Tests.Moderation;

/// <summary>
/// Melden and moderation: a report reaches the facilitator's queue; hidden content is gone from pages, API, search and
/// exports and keeps its place as "verborgen door moderatie"; edit-with-note and keep; reporters and authors are told;
/// who may not; bad input and flooding.
/// </summary>
public sealed class ModerationTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private static KeyValuePair<string, string> F(string name, string value) => new(name, value);

    private static string Word(string stem) => stem + new string(Guid.NewGuid().ToString("N").Where(char.IsAsciiLetter).Take(6).ToArray());

    private Task<int> CommentAsync(int projectId, int itemId, string authorId, string text) =>
        factory.WithDbAsync(async db =>
        {
            var c = new Comment { ProjectId = projectId, ItemId = itemId, AuthorId = authorId, Text = text, Html = "<p>" + text + "</p>", CreatedAt = DateTime.UtcNow };
            db.Comments.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });

    private static async Task ReportAsync(Browser browser, string kind, int id, string reason = "Offensive", string note = "")
    {
        var form = await browser.OpenAsync(ModerationRules.ReportPath(kind, id));
        using var sent = await browser.SubmitAsync(form.FormFor("Input.Note"), [F("Input.Reason", reason), F("Input.Note", note)]);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
    }

    [Fact]
    public async Task A_hidden_story_is_gone_from_every_surface_keeps_its_place_and_comes_back_when_restored()
    {
        var team = await factory.Data.TeamProjectAsync();
        var word = Word("buurtruzie");
        var story = await factory.StoryAsync(team.Id, ConsentScope.Project, title: "Verhaal over " + word, text: "De " + word + " met nummer 12.", tellerId: team.Member.Id);
        await factory.WithDbAsync(db => db.Items.Where(i => i.Id == story).ExecuteUpdateAsync(u => u.SetProperty(i => i.SearchTerms, DutchStems.ToSearchTerms("Verhaal over " + word, word))));
        var question = await factory.ItemAsync(team.Id, ItemKind.Question, "Hoe kunnen we ruzies in de straat voorkomen?");
        await factory.LinkAsync(story, question, byId: team.Facilitator.Id);

        // The observer reads the open project and reports the story; the facilitator gets one melding for it.
        using var observer = await factory.SignInAsync(team.Observer.Email!);
        var storyPage = await observer.OpenAsync($"/verhalen/{story}");
        Assert.NotNull(storyPage.Document.QuerySelector($"a[href='/melden/bijdrage/{story}']"));
        await ReportAsync(observer, "bijdrage", story, "PersonalData", "Er staat een huisnummer in.");
        Assert.True(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == team.Facilitator.Id && n.Url == $"/moderatie/bijdrage/{story}")));

        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var queue = await facilitator.OpenAsync("/moderatie");
        Assert.NotNull(queue.Document.QuerySelector($"a[href='/moderatie/bijdrage/{story}']"));
        Assert.Contains("Er staan persoonsgegevens in", queue.MainText, StringComparison.Ordinal);

        var surfaces = new[] { $"/projecten/{team.Id}/verhalen", $"/projecten/{team.Id}/zoeken?q={word}", $"/draad/{question}/spoor" };
        foreach (var url in surfaces)
            Assert.True((await facilitator.OpenAsync(url)).MainText.Contains(word, StringComparison.Ordinal), url);

        // Hiding asks for a reason; then it is hidden, the report is closed and both reporter and author are told.
        using (var noReason = await facilitator.PostAsync($"/moderatie/bijdrage/{story}", [F("Input.Step", "Hidden"), F("Input.Reason", " ")]))
            await Expect.FormErrorAsync(noReason, "Vul de reden in.");
        Assert.Null(await factory.WithDbAsync(db => db.Items.WithHidden().Where(i => i.Id == story).Select(i => i.HiddenAt).SingleAsync()));
        using (var hidden = await facilitator.PostAsync($"/moderatie/bijdrage/{story}", [F("Input.Step", "Hidden"), F("Input.Reason", "Er stond een adres in.")]))
            Expect.Redirect(hidden, $"/moderatie/bijdrage/{story}");
        Assert.NotNull(await factory.WithDbAsync(db => db.Items.WithHidden().Where(i => i.Id == story).Select(i => i.HiddenAt).SingleAsync()));
        Assert.Equal(ModerationStep.Hidden, await factory.WithDbAsync(db => db.Set<Report>().Where(r => r.TargetId == story && r.TargetKind == "bijdrage").Select(r => r.Outcome).SingleAsync()));
        Assert.True(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == team.Observer.Id && n.Text.Contains("is bekeken: het is verborgen"))));
        Assert.True(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == team.Member.Id && n.Text.Contains("Reden: Er stond een adres in."))));
        Assert.True(await factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditAction.ContentHidden && e.SubjectId == $"bijdrage/{story}" && e.ActorUserId == team.Facilitator.Id)));

        // Gone from pages, search, analysis, API and export, for the facilitator too; the trace keeps its place.
        foreach (var url in surfaces)
            Assert.DoesNotContain(word, (await facilitator.OpenAsync(url)).MainText, StringComparison.Ordinal);
        Assert.Contains(ModerationRules.Placeholder, (await facilitator.OpenAsync($"/draad/{question}/spoor")).MainText, StringComparison.Ordinal);
        Assert.Contains(ModerationRules.Placeholder, (await facilitator.OpenAsync($"/draad/{question}")).MainText, StringComparison.Ordinal);
        foreach (var who in new[] { facilitator, observer })
        {
            using var page = await who.GetAsync($"/verhalen/{story}");
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        }
        Assert.DoesNotContain(word, (await facilitator.GetJsonAsync($"/api/v1/projects/{team.Id}/stories")).GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(word, (await facilitator.GetJsonAsync($"/api/v1/projects/{team.Id}/questions")).GetRawText(), StringComparison.Ordinal);
        using (var export = await facilitator.GetAsync($"/projecten/{team.Id}/verhalen/export?format=csv"))
            Assert.DoesNotContain(word, await export.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using (var anonymousApi = await factory.NewBrowser().GetAsync($"/api/v1/items/{story}/trace"))
            Assert.Equal(HttpStatusCode.NotFound, anonymousApi.StatusCode);
        // It cannot be reported again while hidden; the moderator still reads it on the case page.
        using (var again = await observer.GetAsync(ModerationRules.ReportPath("bijdrage", story)))
            Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Contains(word, (await facilitator.OpenAsync($"/moderatie/bijdrage/{story}")).MainText, StringComparison.Ordinal);

        // Restored: back everywhere.
        using (var restored = await facilitator.PostAsync($"/moderatie/bijdrage/{story}", [F("Input.Step", "Restored"), F("Input.Reason", "Het adres is er niet meer.")]))
            Expect.Redirect(restored, $"/moderatie/bijdrage/{story}");
        foreach (var url in surfaces)
            Assert.Contains(word, (await facilitator.OpenAsync(url)).MainText, StringComparison.Ordinal);
        using (var twice = await facilitator.PostAsync($"/moderatie/bijdrage/{story}", [F("Input.Step", "Restored")]))
            await Expect.FormErrorAsync(twice, "Dit is niet verborgen.");
    }

    [Fact]
    public async Task A_hidden_comment_keeps_its_place_an_edit_shows_its_note_and_keeping_closes_the_reports()
    {
        var team = await factory.Data.TeamProjectAsync();
        var insight = await factory.ItemAsync(team.Id, ItemKind.Insight, "Buren kennen elkaar niet", "Bewoner **Jan de Vries** van nummer 4 zei het.", authorId: team.Member.Id);
        var rude = Word("scheldwoord");
        var comment = await CommentAsync(team.Id, insight, team.Member.Id, "Wat een " + rude);
        var later = await CommentAsync(team.Id, insight, team.Facilitator.Id, "Laten we het netjes houden.");

        using var observer = await factory.SignInAsync(team.Observer.Email!);
        var page = await observer.OpenAsync($"/draad/{insight}");
        Assert.NotNull(page.Document.QuerySelector($"a[href='/melden/reactie/{comment}']"));
        await ReportAsync(observer, "reactie", comment);
        await ReportAsync(observer, "bijdrage", insight, "PersonalData");

        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        using (var hidden = await facilitator.PostAsync($"/moderatie/reactie/{comment}", [F("Input.Step", "Hidden"), F("Input.Reason", "Schelden past hier niet.")]))
            Expect.Redirect(hidden, $"/moderatie/reactie/{comment}");
        page = await observer.OpenAsync($"/draad/{insight}");
        Assert.DoesNotContain(rude, page.MainText, StringComparison.Ordinal);
        Assert.Contains("Deze reactie is verborgen door moderatie.", page.MainText, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector($"#reactie-{later}"));

        // Edit with a note: the name goes, the rest stays, and the note shows with the text; the search no longer finds the name.
        using (var unchanged = await facilitator.PostAsync($"/moderatie/bijdrage/{insight}", [F("Input.Step", "Edited"), F("Input.Text", "Bewoner **Jan de Vries** van nummer 4 zei het."), F("Input.Note", "Naam weg")]))
            await Expect.FormErrorAsync(unchanged, "De tekst is niet veranderd.");
        using (var noNote = await facilitator.PostAsync($"/moderatie/bijdrage/{insight}", [F("Input.Step", "Edited"), F("Input.Text", "Een bewoner zei het."), F("Input.Note", "")]))
            await Expect.FormErrorAsync(noNote, "Vul wat je hebt aangepast en waarom in.");
        using (var edited = await facilitator.PostAsync($"/moderatie/bijdrage/{insight}", [F("Input.Step", "Edited"), F("Input.Text", "Een **bewoner** zei het."), F("Input.Note", "De naam is weggehaald.")]))
            Expect.Redirect(edited, $"/moderatie/bijdrage/{insight}");
        page = await observer.OpenAsync($"/draad/{insight}");
        Assert.DoesNotContain("Jan de Vries", page.MainText, StringComparison.Ordinal);
        Assert.Contains("Aangepast door moderatie: De naam is weggehaald.", page.MainText, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("main strong"));
        Assert.DoesNotContain("vries", await factory.WithDbAsync(db => db.Items.Where(i => i.Id == insight).Select(i => i.SearchTerms).SingleAsync()), StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == team.Observer.Id && n.Text.Contains("is bekeken: het is aangepast"))));

        // Keep: a new report is looked at and stays; the reporter is told; no text changes.
        using var member = await factory.SignInAsync(team.Member.Email!);
        await ReportAsync(member, "reactie", later, "Other", "Klinkt bazig.");
        using (var kept = await facilitator.PostAsync($"/moderatie/reactie/{later}", [F("Input.Step", "Kept"), F("Input.Reason", "")]))
            Expect.Redirect(kept, $"/moderatie/reactie/{later}");
        Assert.True(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == team.Member.Id && n.Text.Contains("bekeken en blijft staan"))));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<Report>().CountAsync(r => r.ProjectId == team.Id && r.HandledAt == null)));
        Assert.Contains("Laten we het netjes houden.", (await observer.OpenAsync($"/draad/{insight}")).MainText, StringComparison.Ordinal);
        Assert.Equal(3, await factory.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.ProjectId == team.Id && e.SubjectType == AuditSubjects.Contribution)));
    }

    [Fact]
    public async Task Who_may_not_report_or_moderate_is_refused_and_never_told_what_is_hidden()
    {
        var team = await factory.Data.TeamProjectAsync(Visibility.MembersOnly);
        var insight = await factory.ItemAsync(team.Id, ItemKind.Insight, "Alleen voor het team", authorId: team.Member.Id);
        var comment = await CommentAsync(team.Id, insight, team.Member.Id, "Teamreactie");
        var otherFacilitator = await factory.Data.UserAsync();
        await factory.Data.ProjectAsync(members: [(otherFacilitator, ProjectRole.Facilitator)]);

        // Signed out: to the sign-in page; another project's facilitator: 404 on both pages, and an empty-handed queue.
        using (var anonymous = await factory.NewBrowser().GetAsync(ModerationRules.ReportPath("bijdrage", insight)))
            Expect.RedirectToSignIn(anonymous);
        using var other = await factory.SignInAsync(otherFacilitator.Email!);
        foreach (var url in new[] { ModerationRules.ReportPath("bijdrage", insight), ModerationRules.ReportPath("reactie", comment), ModerationRules.CasePath("bijdrage", insight), ModerationRules.CasePath("reactie", comment) })
        {
            using var response = await other.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        using (var post = await other.PostAsync(ModerationRules.CasePath("bijdrage", insight), [F("Input.Step", "Hidden"), F("Input.Reason", "weg")]))
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.DoesNotContain("Alleen voor het team", (await other.OpenAsync("/moderatie")).MainText, StringComparison.Ordinal);

        // Members and observers report but do not moderate; with no project to facilitate, the queue is refused.
        using var member = await factory.SignInAsync(team.Member.Email!);
        using (var queue = await member.GetAsync("/moderatie"))
            Assert.Equal(HttpStatusCode.Forbidden, queue.StatusCode);
        using (var moderate = await member.PostAsync(ModerationRules.CasePath("reactie", comment), [F("Input.Step", "Hidden"), F("Input.Reason", "weg")]))
            Assert.Equal(HttpStatusCode.NotFound, moderate.StatusCode);
        Assert.Null(await factory.WithDbAsync(db => db.Comments.Where(c => c.Id == comment).Select(c => c.HiddenAt).SingleAsync()));

        // Unknown kinds and ids are simply not there.
        foreach (var url in new[] { "/melden/verhaal/1", $"/melden/bijdrage/{int.MaxValue}", "/moderatie/iets/1", $"/moderatie/reactie/{int.MaxValue}" })
        {
            using var response = await member.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task Bad_reports_get_a_clear_message_and_a_flood_stops_at_the_hourly_limit()
    {
        var team = await factory.Data.TeamProjectAsync();
        var items = new List<int>();
        for (var i = 0; i <= ModerationLimits.ReportsPerHour; i++)
            items.Add(await factory.ItemAsync(team.Id, ItemKind.Insight, "Inzicht " + i, authorId: team.Facilitator.Id));
        using var member = await factory.SignInAsync(team.Member.Email!);
        var path = ModerationRules.ReportPath("bijdrage", items[0]);

        using (var none = await member.PostAsync(path, [F("Input.Note", "")]))
            await Expect.FormErrorAsync(none, "Kies waarom je dit meldt.");
        using (var unknown = await member.PostAsync(path, [F("Input.Reason", "Boos"), F("Input.Note", "")]))
            await Expect.FormErrorAsync(unknown, "Kies waarom je dit meldt.");
        using (var otherWithoutNote = await member.PostAsync(path, [F("Input.Reason", "Other"), F("Input.Note", "")]))
            await Expect.FormErrorAsync(otherWithoutNote, "Vul wat er niet goed aan is in.");
        using (var huge = await member.PostAsync(path, [F("Input.Reason", "Spam"), F("Input.Note", new string('x', ModerationLimits.Note + 1))]))
            Assert.True((int)huge.StatusCode is 200 or 400);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<Report>().CountAsync(r => r.ProjectId == team.Id)));

        // Markup in a note is shown as text on the moderator's page.
        using (var script = await member.PostAsync(path, [F("Input.Reason", "Other"), F("Input.Note", TestData.Script)]))
            Assert.Equal(HttpStatusCode.Redirect, script.StatusCode);
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        Expect.ShownAsText(await facilitator.OpenAsync(ModerationRules.CasePath("bijdrage", items[0])));
        using (var twice = await member.PostAsync(path, [F("Input.Reason", "Spam")]))
            await Expect.FormErrorAsync(twice, "Je hebt dit al gemeld.");

        for (var i = 1; i < ModerationLimits.ReportsPerHour; i++)
        {
            using var sent = await member.PostAsync(ModerationRules.ReportPath("bijdrage", items[i]), [F("Input.Reason", "Spam")]);
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }
        using (var flood = await member.PostAsync(ModerationRules.ReportPath("bijdrage", items[^1]), [F("Input.Reason", "Spam")]))
            await Expect.FormErrorAsync(flood, "Je hebt het afgelopen uur al 10 keer iets gemeld.");
        Assert.Equal(ModerationLimits.ReportsPerHour, await factory.WithDbAsync(db => db.Set<Report>().CountAsync(r => r.ProjectId == team.Id)));
        // One melding for the facilitator per contribution, not per report.
        Assert.Equal(ModerationLimits.ReportsPerHour, await factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == team.Facilitator.Id && n.Url.StartsWith("/moderatie/"))));

        // A step that is not one of the four is a form error, and nothing changes.
        using (var wrongStep = await facilitator.PostAsync(ModerationRules.CasePath("bijdrage", items[0]), [F("Input.Step", "Delete"), F("Input.Reason", "x")]))
            await Expect.FormErrorAsync(wrongStep, "Kies wat je met deze bijdrage doet.");
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<ModerationAction>().CountAsync(a => a.ProjectId == team.Id)));
    }

    [Fact]
    public async Task A_new_account_adds_only_so_many_contributions_an_hour_and_a_facilitator_is_not_limited()
    {
        var team = await factory.Data.TeamProjectAsync();
        var insight = await factory.ItemAsync(team.Id, ItemKind.Insight, "Veel reacties", authorId: team.Facilitator.Id);
        var limit = new ModerationOptions().NewAccountPerHour;
        for (var i = 0; i < limit; i++) await CommentAsync(team.Id, insight, team.Member.Id, "Reactie " + i);

        using var member = await factory.SignInAsync(team.Member.Email!);
        using (var refused = await member.PostAsync($"/draad/{insight}/reactie", [F("Input.Text", "Nog een")]))
            await Expect.FormErrorAsync(refused, "Je account is nieuw.");
        using (var item = await member.PostAsync($"/projecten/{team.Id}/draad/nieuw?soort=inzicht", [F("Input.Title", "Nog een inzicht"), F("Input.Text", "")]))
            await Expect.FormErrorAsync(item, "Je account is nieuw.");
        Assert.Equal(limit, await factory.WithDbAsync(db => db.Comments.CountAsync(c => c.ItemId == insight && c.AuthorId == team.Member.Id)));

        // An account older than a day is not limited; nor is a facilitator on their first day.
        await factory.WithDbAsync(db => db.Users.Where(u => u.Id == team.Member.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.CreatedAt, DateTime.UtcNow.AddDays(-2))));
        using (var allowed = await member.PostAsync($"/draad/{insight}/reactie", [F("Input.Text", "Nu wel")]))
            Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
        for (var i = 0; i < limit; i++) await CommentAsync(team.Id, insight, team.Facilitator.Id, "Begeleider " + i);
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        using (var byFacilitator = await facilitator.PostAsync($"/draad/{insight}/reactie", [F("Input.Text", "Ook nu")]))
            Assert.Equal(HttpStatusCode.Redirect, byFacilitator.StatusCode);
    }

    [Fact]
    public async Task The_personal_data_export_holds_my_reports_and_erasure_keeps_them_without_my_name()
    {
        var team = await factory.Data.TeamProjectAsync();
        var insight = await factory.ItemAsync(team.Id, ItemKind.Insight, "Gemeld inzicht", authorId: team.Facilitator.Id);
        using var member = await factory.SignInAsync(team.Member.Email!);
        await ReportAsync(member, "bijdrage", insight, "Untrue", "Dit klopt niet.");
        await factory.WithDbAsync(async db =>
        {
            var data = new ModerationPersonalData(db);
            var person = new Proeftuin.Features.Privacy.PersonRef(team.Member.Id, team.Member.Email, team.Member.DisplayName);
            var section = await data.ExportAsync(person, CancellationToken.None);
            Assert.Contains(section.Rows, r => (string?)r["Toelichting"] == "Dit klopt niet.");
            await data.EraseAsync(person, Proeftuin.Features.Privacy.ErasureChoices.WithdrawAll, CancellationToken.None);
            return true;
        });
        var report = await factory.WithDbAsync(db => db.Set<Report>().SingleAsync(r => r.TargetId == insight && r.TargetKind == "bijdrage"));
        Assert.Null(report.ReporterId);
        Assert.Equal("Dit klopt niet.", report.Note);
    }

    [Fact]
    public async Task A_reported_initiative_is_edited_with_a_note_then_hidden_from_the_list_and_the_api()
    {
        var team = await factory.Data.TeamProjectAsync();
        var programme = await Proeftuin.Tests.Initiatives.InitiativeData.ProjectProgrammeAsync(factory, team.Id);
        var word = Word("soepavond");
        var id = await Proeftuin.Tests.Initiatives.InitiativeData.InitiativeAsync(factory, programme, team.Id, team.Member.Id, title: "Samen " + word, what: "Bel Kees op 06-11111111.");

        using var observer = await factory.SignInAsync(team.Observer.Email!);
        Assert.NotNull((await observer.OpenAsync($"/initiatieven/{id}")).Document.QuerySelector($"a[href='/melden/initiatief/{id}']"));
        await ReportAsync(observer, "initiatief", id, "PersonalData");
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        Assert.NotNull((await facilitator.OpenAsync("/moderatie")).Document.QuerySelector($"a[href='/moderatie/initiatief/{id}']"));
        using (var edited = await facilitator.PostAsync($"/moderatie/initiatief/{id}", [F("Input.Step", "Edited"), F("Input.Text", "Bel de buurtkamer."), F("Input.Note", "Telefoonnummer weggehaald.")]))
            Expect.Redirect(edited, $"/moderatie/initiatief/{id}");
        var page = await observer.OpenAsync($"/initiatieven/{id}");
        Assert.DoesNotContain("06-11111111", page.MainText, StringComparison.Ordinal);
        Assert.Contains("Aangepast door moderatie: Telefoonnummer weggehaald.", page.MainText, StringComparison.Ordinal);

        using (var hidden = await facilitator.PostAsync($"/moderatie/initiatief/{id}", [F("Input.Step", "Hidden"), F("Input.Reason", "Geen initiatief.")]))
            Expect.Redirect(hidden, $"/moderatie/initiatief/{id}");
        Assert.DoesNotContain(word, (await observer.OpenAsync($"/initiatieven?project={team.Id}")).MainText, StringComparison.Ordinal);
        Assert.DoesNotContain(word, (await observer.OpenAsync($"/initiatieven/{id}")).MainText, StringComparison.Ordinal);
        using (var api = await observer.GetAsync($"/api/v1/initiatives/{id}"))
            Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.DoesNotContain(word, (await observer.GetJsonAsync($"/api/v1/initiatives?programme={programme}")).GetRawText(), StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == team.Member.Id && n.Text.Contains("is verborgen door de moderatie"))));
    }
}
