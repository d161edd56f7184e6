using Proeftuin.Features.Audit;
using Proeftuin.Features.Experiments;
using Proeftuin.Features.Feedback;
using Proeftuin.Tests.Experiments;

namespace Proeftuin.Tests.Feedback;

public sealed class FeedbackTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private static string Str(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private Task<int> FormCountAsync(int experimentId) => factory.WithDbAsync(db => db.Set<FeedbackForm>().CountAsync(f => f.ExperimentId == experimentId));

    private static Dictionary<string, string> NewForm(params (string Name, string Value)[] changes)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = "Hoe was de buurtkamer op zondag?",
            ["Input.Intro"] = "We willen leren wat beter kan.",
            ["Input.Questions[0].Text"] = "Hoe welkom voelde je je?",
            ["Input.Questions[0].Kind"] = "Scale",
            ["Input.Questions[1].Text"] = "Kom je nog eens?",
            ["Input.Questions[1].Kind"] = "Choice",
            ["Input.Questions[1].Options"] = "Ja\nNee\nWeet ik niet",
            ["Input.Questions[2].Text"] = "Wat kan beter?",
            ["Input.Questions[2].Kind"] = "Open",
        };
        for (var i = 3; i < FeedbackLimits.MaxQuestions; i++)
        {
            fields[$"Input.Questions[{i}].Text"] = "";
            fields[$"Input.Questions[{i}].Options"] = "";
        }
        foreach (var (name, value) in changes) fields[name] = value;
        return fields;
    }

    [Fact]
    public async Task A_member_makes_a_form_a_participant_answers_without_an_account_and_the_team_counts_links_and_exports()
    {
        var team = await factory.Data.TeamProjectAsync();
        var e = await factory.ExperimentAsync(team.Id, ExperimentStatus.Running);
        var observation = await factory.ObservationAsync(team.Id, e.Id);
        using var member = await factory.SignInAsync(team.Member.Email!);
        var page = await member.OpenAsync($"/proeven/{e.Id}/feedback/nieuw");
        int formId;
        using (var made = await member.SubmitAsync(page.FormFor("Input.Title"), NewForm()))
            formId = Expect.RedirectToId(made, "/feedback/");
        var details = await member.OpenAsync($"/feedback/{formId}");
        var svg = details.Document.QuerySelector("svg.pt-qr");
        Assert.NotNull(svg);
        Assert.Equal("img", svg!.GetAttribute("role"));
        var link = details.Document.QuerySelector(".pt-slip__url")!.TextContent.Trim();
        var token = link[(link.IndexOf("/f/", StringComparison.Ordinal) + 3)..];

        // A participant: no account, a phone.
        using var participant = factory.NewBrowser();
        var form = await participant.OpenAsync($"/f/{token}");
        Assert.Equal("Hoe was de buurtkamer op zondag?", form.H1);
        Assert.DoesNotContain(team.Member.DisplayName!, form.MainText, StringComparison.Ordinal);
        var questions = await factory.WithDbAsync(db => db.Set<FeedbackQuestion>().Where(q => q.FormId == formId).OrderBy(q => q.Position).Select(q => q.Id).ToListAsync());
        using (var sent = await participant.SubmitAsync(form.FormFor("Answers[0].QuestionId"), new Dictionary<string, string>
        {
            ["Answers[0].Value"] = "4",
            ["Answers[1].Value"] = "0",
            ["Answers[2].Value"] = "=HYPERLINK(\"http://example.nl\") " + TestData.Script,
            ["Perspective"] = "Experience",
        }))
            Expect.Redirect(sent, "/f/bedankt");
        var thanks = await participant.OpenAsync("/f/bedankt");
        Assert.Equal("Dank je wel!", thanks.H1);
        // Answers are team-only: the participant cannot read them.
        using (var peek = await participant.GetAsync($"/feedback/{formId}/antwoorden")) Expect.RedirectToSignIn(peek);

        var results = await member.OpenAsync($"/feedback/{formId}/antwoorden");
        Expect.ShownAsText(results);
        Assert.Equal(2, results.Document.QuerySelectorAll("svg.pt-feedback-bars").Length);
        var tableRows = results.Document.GetElementById("tabel-2")!.ParentElement!.QuerySelectorAll("tbody tr")
            .Select(r => string.Join("|", r.Children.Select(c => c.TextContent.Trim()))).ToList();
        Assert.Equal(["Ja|1", "Nee|0", "Weet ik niet|0"], tableRows);
        var responseId = await factory.WithDbAsync(db => db.Set<FeedbackResponse>().Where(r => r.FormId == formId).Select(r => r.Id).SingleAsync());
        using (var linked = await member.SubmitAsync(results.FormFor("ObservationId"), new Dictionary<string, string> { ["ObservationId"] = Str(observation) }))
            Expect.Redirect(linked, $"/feedback/{formId}/antwoorden#antwoord-{responseId}");
        // Twice is refused, nothing more stored.
        using (var again = await member.PostAsync($"/feedback/{formId}/antwoorden", new { ResponseId = Str(responseId), ObservationId = Str(observation) }))
            await Expect.FormErrorAsync(again, "Dit antwoord is al bewijs bij deze observatie.");
        Assert.Equal(1, await factory.WithDbAsync(db => db.Set<FeedbackEvidence>().CountAsync(x => x.ResponseId == responseId)));
        var proef = await member.OpenAsync($"/proeven/{e.Id}");
        Assert.Contains("Bewijs uit feedback", proef.MainText, StringComparison.Ordinal);

        using var csv = await member.GetAsync($"/projecten/{team.Id}/feedback/export?format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.Contains("Kom je nog eens?", text, StringComparison.Ordinal);
        Assert.Contains("Ervaringskennis", text, StringComparison.Ordinal);
        Assert.Contains("'=HYPERLINK", text, StringComparison.Ordinal);
        using var xlsx = await member.GetAsync($"/projecten/{team.Id}/feedback/export?format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var wrong = await member.GetAsync($"/projecten/{team.Id}/feedback/export?format=pdf");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.ProjectId == team.Id && a.Action == AuditAction.FeedbackExported)));
    }

    [Theory]
    [InlineData("too few", "Stel minstens 3 vragen. Nu zijn het er 2.")]
    [InlineData("too many", "Een formulier heeft hoogstens 7 vragen.")]
    [InlineData("choice without options", "Een keuzevraag heeft minstens 2 keuzes. Zet elke keuze op een eigen regel.")]
    [InlineData("one option", "Een keuzevraag heeft minstens 2 keuzes. Zet elke keuze op een eigen regel.")]
    [InlineData("no title", "Vul de titel in.")]
    [InlineData("huge title", "de titel is te lang")]
    [InlineData("wrong kind", null)]
    public async Task A_bad_form_is_refused_with_a_Dutch_message_and_nothing_is_saved(string what, string? message)
    {
        var team = await factory.Data.TeamProjectAsync();
        var e = await factory.ExperimentAsync(team.Id, ExperimentStatus.Running);
        using var member = await factory.SignInAsync(team.Member.Email!);
        var fields = what switch
        {
            "too few" => NewForm(("Input.Questions[2].Text", "")),
            "choice without options" => NewForm(("Input.Questions[1].Options", "")),
            "one option" => NewForm(("Input.Questions[1].Options", "Ja\n\nJa")),
            "no title" => NewForm(("Input.Title", "   ")),
            "huge title" => NewForm(("Input.Title", TestData.Long())),
            "wrong kind" => NewForm(("Input.Questions[0].Kind", "99")),
            _ => NewForm(),
        };
        if (what == "too many")
            for (var i = 3; i < 16; i++) { fields[$"Input.Questions[{i}].Text"] = $"Vraag {i}"; fields[$"Input.Questions[{i}].Kind"] = "Open"; }
        using var refused = await member.PostAsync($"/proeven/{e.Id}/feedback/nieuw", fields);
        var page = await HtmlPage.ReadAsync(refused, "/");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        if (message is not null) Assert.Contains(message, page.ErrorText + page.MainText, StringComparison.OrdinalIgnoreCase);
        Assert.NotEmpty(page.ErrorText);
        Assert.Equal(0, await FormCountAsync(e.Id));
    }

    [Fact]
    public async Task Seven_questions_are_allowed_and_eight_are_not()
    {
        var team = await factory.Data.TeamProjectAsync();
        var e = await factory.ExperimentAsync(team.Id, ExperimentStatus.Running);
        using var member = await factory.SignInAsync(team.Member.Email!);
        var fields = NewForm();
        for (var i = 3; i < 8; i++) { fields[$"Input.Questions[{i}].Text"] = $"Vraag {i}"; fields[$"Input.Questions[{i}].Kind"] = "Open"; }
        using (var eight = await member.PostAsync($"/proeven/{e.Id}/feedback/nieuw", fields))
            await Expect.FormErrorAsync(eight, "Stel hoogstens 7 vragen. Nu zijn het er 8.");
        fields.Remove("Input.Questions[7].Text");
        fields.Remove("Input.Questions[7].Kind");
        using (var seven = await member.PostAsync($"/proeven/{e.Id}/feedback/nieuw", fields))
            Expect.RedirectToId(seven, "/feedback/");
        Assert.Equal(1, await FormCountAsync(e.Id));
    }

    [Fact]
    public async Task Hostile_answers_are_refused_or_shown_as_text_and_nothing_is_half_saved()
    {
        var team = await factory.Data.TeamProjectAsync();
        var e = await factory.ExperimentAsync(team.Id, ExperimentStatus.Running);
        var form = await factory.FormAsync(team.Id, e.Id);
        using var participant = factory.NewBrowser();
        Dictionary<string, string> Answers(string scale, string choice, string open) => new()
        {
            ["Answers[0].QuestionId"] = Str(form.Questions[0]),
            ["Answers[0].Value"] = scale,
            ["Answers[1].QuestionId"] = Str(form.Questions[1]),
            ["Answers[1].Value"] = choice,
            ["Answers[2].QuestionId"] = Str(form.Questions[2]),
            ["Answers[2].Value"] = open,
        };
        using (var empty = await participant.PostAsync($"/f/{form.Token}", Answers("", "", "  ")))
            await Expect.FormErrorAsync(empty, "Je hebt nog niets ingevuld. Beantwoord minstens één vraag.");
        using (var huge = await participant.PostAsync($"/f/{form.Token}", Answers("3", "1", TestData.Long())))
            await Expect.FormErrorAsync(huge, "je antwoord is te lang");
        using (var scale = await participant.PostAsync($"/f/{form.Token}", Answers("6", "1", "Goed")))
            await Expect.FormErrorAsync(scale, "Kies een cijfer van 1 tot en met 5.");
        using (var choice = await participant.PostAsync($"/f/{form.Token}", Answers("3", "3", "Goed")))
            await Expect.FormErrorAsync(choice, "Kies een van de antwoorden.");
        using (var script = await participant.PostAsync($"/f/{form.Token}", Answers(TestData.Script, "0", "Goed")))
            await Expect.FormErrorAsync(script, "Kies een cijfer van 1 tot en met 5.");
        using (var perspective = await participant.PostAsync($"/f/{form.Token}", new Dictionary<string, string>(Answers("3", "0", "Goed")) { ["Perspective"] = "Alien" }))
            Assert.Equal(HttpStatusCode.BadRequest, perspective.StatusCode);
        // Another form's question id is ignored: nothing to save.
        var other = await factory.FormAsync(team.Id, e.Id, title: "Ander formulier");
        using (var wrongIds = await participant.PostAsync($"/f/{form.Token}", new Dictionary<string, string> { ["Answers[0].QuestionId"] = Str(other.Questions[2]), ["Answers[0].Value"] = "Hallo" }))
            await Expect.FormErrorAsync(wrongIds, "Je hebt nog niets ingevuld.");
        Assert.Equal(0, await factory.ResponseCountAsync(form.Id));
        Assert.Equal(0, await factory.ResponseCountAsync(other.Id));
        using (var ok = await participant.PostAsync($"/f/{form.Token}", Answers("5", "", TestData.Script)))
            Expect.Redirect(ok, "/f/bedankt");
        Assert.Equal(1, await factory.ResponseCountAsync(form.Id));
        Assert.Equal(2, await factory.WithDbAsync(db => db.Set<FeedbackAnswer>().CountAsync(a => db.Set<FeedbackResponse>().Any(r => r.Id == a.ResponseId && r.FormId == form.Id))));

        // Unknown or malformed links are a friendly 404; the link of one form never opens another.
        foreach (var bad in new[] { Proeftuin.Web.Tokens.New(), "kort", Uri.EscapeDataString(TestData.Script) })
        {
            using var r = await participant.GetAsync($"/f/{bad}");
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
            Assert.Contains("Deze link werkt niet", (await HtmlPage.ReadAsync(r, "/")).MainText, StringComparison.Ordinal);
        }
        var otherPage = await participant.OpenAsync($"/f/{other.Token}");
        Assert.Equal("Ander formulier", otherPage.H1);
    }

    [Fact]
    public async Task A_closed_form_says_so_and_takes_nothing()
    {
        var team = await factory.Data.TeamProjectAsync();
        var e = await factory.ExperimentAsync(team.Id, ExperimentStatus.Running);
        var form = await factory.FormAsync(team.Id, e.Id);
        using var member = await factory.SignInAsync(team.Member.Email!);
        var details = await member.OpenAsync($"/feedback/{form.Id}");
        using (var closed = await member.SubmitAsync(details.FormWithAction("handler=Close"), new Dictionary<string, string>()))
            Expect.Redirect(closed, $"/feedback/{form.Id}");
        using (var twice = await member.PostAsync($"/feedback/{form.Id}?handler=Close", new { }))
            await Expect.FormErrorAsync(twice, "Het formulier is al gesloten.");
        using var participant = factory.NewBrowser();
        var page = await participant.OpenAsync($"/f/{form.Token}");
        Assert.Contains("Dit formulier is gesloten.", page.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain(page.Forms, f => f.Element.Method == "post");
        using (var sent = await participant.PostAsync($"/f/{form.Token}", new Dictionary<string, string>
        {
            ["Answers[0].QuestionId"] = Str(form.Questions[0]),
            ["Answers[0].Value"] = "3",
        }))
            await Expect.FormErrorAsync(sent, "Dit formulier is gesloten.");
        Assert.Equal(0, await factory.ResponseCountAsync(form.Id));
    }

    [Fact]
    public async Task A_printed_slip_works_once_and_unknown_or_missing_codes_are_refused()
    {
        var team = await factory.Data.TeamProjectAsync();
        var e = await factory.ExperimentAsync(team.Id, ExperimentStatus.Running);
        var form = await factory.FormAsync(team.Id, e.Id, slips: true);
        using var member = await factory.SignInAsync(team.Member.Email!);
        var slips = await member.OpenAsync($"/feedback/{form.Id}/briefjes");
        using (var made = await member.SubmitAsync(slips.FormFor("Count"), new Dictionary<string, string> { ["Count"] = "3" }))
            Expect.Redirect(made, $"/feedback/{form.Id}/briefjes");
        foreach (var bad in new[] { "0", "101", "-1", "drie", TestData.Script })
            using (var refused = await member.PostAsync($"/feedback/{form.Id}/briefjes", new { Count = bad }))
                await Expect.FormErrorAsync(refused, "Vul een aantal in van 1 tot en met 100.");
        slips = await member.OpenAsync($"/feedback/{form.Id}/briefjes");
        Assert.Equal(3, slips.Document.QuerySelectorAll("section.pt-slip").Length);
        Assert.Equal(3, slips.Document.QuerySelectorAll("section.pt-slip svg.pt-qr").Length);
        var code = await factory.WithDbAsync(db => db.Set<FeedbackSlip>().Where(s => s.FormId == form.Id).OrderBy(s => s.Id).Select(s => s.Code).FirstAsync());

        using var participant = factory.NewBrowser();
        Dictionary<string, string> Fields(string? c) => new()
        {
            ["Code"] = c ?? "",
            ["Answers[0].QuestionId"] = Str(form.Questions[0]),
            ["Answers[0].Value"] = "4",
        };
        using (var none = await participant.PostAsync($"/f/{form.Token}", Fields(null)))
            await Expect.FormErrorAsync(none, "Vul de code van je kaartje in.");
        using (var unknown = await participant.PostAsync($"/f/{form.Token}", Fields("ZZZZ-ZZZZ")))
            await Expect.FormErrorAsync(unknown, "Deze code bestaat niet.");
        using (var junk = await participant.PostAsync($"/f/{form.Token}", Fields(TestData.Script)))
            await Expect.FormErrorAsync(junk, "Deze code bestaat niet.");
        // The code from the QR link fills the field; typed in lower case with a dash works too.
        var page = await participant.OpenAsync($"/f/{form.Token}?code={code}");
        Assert.Equal(code, page.FormFor("Code").Fields.Single(f => f.Key == "Code").Value);
        var typed = (code[..4] + "-" + code[4..]).ToLowerInvariant();
        using (var first = await participant.PostAsync($"/f/{form.Token}", Fields(typed)))
            Expect.Redirect(first, "/f/bedankt");
        using (var reused = await participant.PostAsync($"/f/{form.Token}", Fields(code)))
            await Expect.FormErrorAsync(reused, "Deze code is al gebruikt. Elk kaartje werkt maar één keer.");
        Assert.Equal(1, await factory.ResponseCountAsync(form.Id));
        slips = await member.OpenAsync($"/feedback/{form.Id}/briefjes");
        Assert.Equal(2, slips.Document.QuerySelectorAll("section.pt-slip").Length);
        // A code of another form does not open this one.
        var other = await factory.FormAsync(team.Id, e.Id, slips: true);
        var otherCode = (await factory.SlipsAsync(other.Id, 1))[0];
        using (var foreign = await participant.PostAsync($"/f/{form.Token}", Fields(otherCode)))
            await Expect.FormErrorAsync(foreign, "Deze code bestaat niet.");
        Assert.Equal(1, await factory.ResponseCountAsync(form.Id));
    }

    [Fact]
    public async Task Observers_read_but_cannot_change_and_strangers_see_nothing()
    {
        var team = await factory.Data.TeamProjectAsync();
        var closedTeam = await factory.Data.TeamProjectAsync(Proeftuin.Features.Projects.Visibility.MembersOnly);
        var e = await factory.ExperimentAsync(team.Id, ExperimentStatus.Running);
        var hiddenExperiment = await factory.ExperimentAsync(closedTeam.Id, ExperimentStatus.Running);
        var form = await factory.FormAsync(team.Id, e.Id);
        var hidden = await factory.FormAsync(closedTeam.Id, hiddenExperiment.Id, title: "Geheim formulier");
        var response = await factory.ResponseAsync(form);
        var observation = await factory.ObservationAsync(team.Id, e.Id);

        using (var observer = await factory.SignInAsync(team.Observer.Email!))
        {
            foreach (var url in new[] { $"/proeven/{e.Id}/feedback", $"/feedback/{form.Id}", $"/feedback/{form.Id}/briefjes", $"/feedback/{form.Id}/antwoorden" })
                using (var read = await observer.GetAsync(url)) Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            var results = await observer.OpenAsync($"/feedback/{form.Id}/antwoorden");
            Assert.Empty(results.Document.QuerySelectorAll("main form[method=post]"));
            using (var create = await observer.GetAsync($"/proeven/{e.Id}/feedback/nieuw")) Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
            using (var close = await observer.PostAsync($"/feedback/{form.Id}?handler=Close", new { })) Assert.Equal(HttpStatusCode.Forbidden, close.StatusCode);
            using (var slips = await observer.PostAsync($"/feedback/{form.Id}/briefjes", new { Count = "5" })) Assert.Equal(HttpStatusCode.Forbidden, slips.StatusCode);
            using (var link = await observer.PostAsync($"/feedback/{form.Id}/antwoorden", new { ResponseId = Str(response), ObservationId = Str(observation) }))
                Assert.Equal(HttpStatusCode.Forbidden, link.StatusCode);
            using (var export = await observer.GetAsync($"/projecten/{team.Id}/feedback/export?format=csv")) Assert.Equal(HttpStatusCode.Forbidden, export.StatusCode);
        }
        var stranger = await factory.Data.UserAsync();
        using (var other = await factory.SignInAsync(stranger.Email!))
        {
            foreach (var url in new[] { $"/proeven/{hiddenExperiment.Id}/feedback", $"/feedback/{hidden.Id}", $"/feedback/{hidden.Id}/briefjes", $"/feedback/{hidden.Id}/antwoorden",
                $"/projecten/{closedTeam.Id}/feedback/export?format=csv", "/feedback/999999", "/proeven/999999/feedback" })
                using (var read = await other.GetAsync(url)) Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
            // In an open project a stranger may read the proef, but not the answers.
            using (var answers = await other.GetAsync($"/feedback/{form.Id}/antwoorden")) Assert.Equal(HttpStatusCode.Forbidden, answers.StatusCode);
            using (var link = await other.PostAsync($"/feedback/{hidden.Id}/antwoorden", new { ResponseId = Str(response), ObservationId = Str(observation) }))
                Assert.Equal(HttpStatusCode.NotFound, link.StatusCode);
            var proef = await other.OpenAsync($"/proeven/{e.Id}");
            Assert.DoesNotContain("/feedback", proef.Text, StringComparison.Ordinal);
        }
        using var anonymous = factory.NewBrowser();
        using (var r = await anonymous.GetAsync($"/feedback/{form.Id}/antwoorden")) Expect.RedirectToSignIn(r);
        using (var r = await anonymous.GetAsync($"/feedback/{hidden.Id}")) Expect.RedirectToSignIn(r);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<FeedbackEvidence>().CountAsync(ev => ev.ResponseId == response)));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<FeedbackSlip>().CountAsync(s => s.FormId == form.Id)));
        Assert.True(await factory.WithDbAsync(db => db.Set<FeedbackForm>().Where(f => f.Id == form.Id).Select(f => f.IsOpen).SingleAsync()));
    }

    [Fact]
    public async Task A_response_cannot_be_linked_to_another_proefs_observation_or_from_another_form()
    {
        var team = await factory.Data.TeamProjectAsync();
        var e = await factory.ExperimentAsync(team.Id, ExperimentStatus.Running);
        var e2 = await factory.ExperimentAsync(team.Id, ExperimentStatus.Running);
        var form = await factory.FormAsync(team.Id, e.Id);
        var form2 = await factory.FormAsync(team.Id, e2.Id);
        var response = await factory.ResponseAsync(form);
        var response2 = await factory.ResponseAsync(form2);
        var observation = await factory.ObservationAsync(team.Id, e.Id);
        var observation2 = await factory.ObservationAsync(team.Id, e2.Id);
        using var member = await factory.SignInAsync(team.Member.Email!);
        using (var r = await member.PostAsync($"/feedback/{form.Id}/antwoorden", new { ResponseId = Str(response), ObservationId = Str(observation2) }))
            await Expect.FormErrorAsync(r, "Kies een observatie van deze proef.");
        using (var r = await member.PostAsync($"/feedback/{form.Id}/antwoorden", new { ResponseId = Str(response2), ObservationId = Str(observation) }))
            await Expect.FormErrorAsync(r, "Kies een antwoord van dit formulier.");
        using (var r = await member.PostAsync($"/feedback/{form.Id}/antwoorden", new { ResponseId = "x", ObservationId = TestData.Script }))
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        // The demo project has evidence of its own: only these two forms' responses count.
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<FeedbackEvidence>().CountAsync(ev => ev.ResponseId == response || ev.ResponseId == response2)));
    }
}

/// <summary>A form takes at most its configured number of responses.</summary>
public sealed class FeedbackCapFactory : ProeftuinFactory
{
    public FeedbackCapFactory() => WithSetting("Feedback:MaxResponsesPerForm", "2");
}

public sealed class FeedbackCapTests(FeedbackCapFactory factory) : IClassFixture<FeedbackCapFactory>
{
    [Fact]
    public async Task A_full_form_says_so_and_stores_no_more()
    {
        var team = await factory.Data.TeamProjectAsync();
        var e = await factory.ExperimentAsync(team.Id, ExperimentStatus.Running);
        var form = await factory.FormAsync(team.Id, e.Id);
        using var participant = factory.NewBrowser();
        var fields = new Dictionary<string, string> { ["Answers[0].QuestionId"] = form.Questions[0].ToString(System.Globalization.CultureInfo.InvariantCulture), ["Answers[0].Value"] = "2" };
        for (var i = 0; i < 2; i++)
            using (var ok = await participant.PostAsync($"/f/{form.Token}", fields)) Expect.Redirect(ok, "/f/bedankt");
        using (var full = await participant.PostAsync($"/f/{form.Token}", fields))
            await Expect.FormErrorAsync(full, "Dit formulier is vol");
        var page = await participant.OpenAsync($"/f/{form.Token}");
        Assert.Contains("Dit formulier is vol", page.MainText, StringComparison.Ordinal);
        Assert.Equal(2, await factory.ResponseCountAsync(form.Id));
    }
}

/// <summary>A low limit on answers per address, for the flood test.</summary>
public sealed class FeedbackFloodFactory : ProeftuinFactory
{
    public const int Limit = 5;
    public FeedbackFloodFactory() => WithSetting("RateLimits:FeedbackPerQuarter", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

public sealed class FeedbackFloodTests(FeedbackFloodFactory factory) : IClassFixture<FeedbackFloodFactory>
{
    [Fact]
    public async Task A_flood_from_one_address_is_stopped_with_a_Dutch_page_and_nothing_half_saved()
    {
        var team = await factory.Data.TeamProjectAsync();
        var e = await factory.ExperimentAsync(team.Id, ExperimentStatus.Running);
        var form = await factory.FormAsync(team.Id, e.Id);
        using var participant = factory.NewBrowser();
        var fields = new Dictionary<string, string>
        {
            ["Answers[0].QuestionId"] = form.Questions[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Answers[0].Value"] = "3",
            ["Answers[1].QuestionId"] = form.Questions[2].ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Answers[1].Value"] = "Prima",
        };
        for (var i = 0; i < FeedbackFloodFactory.Limit; i++)
            using (var ok = await participant.PostAsync($"/f/{form.Token}", fields)) Expect.Redirect(ok, "/f/bedankt");
        for (var i = 0; i < 20; i++)
        {
            using var refused = await participant.PostAsync($"/f/{form.Token}", fields);
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            if (i == 0) Assert.Contains("Even rustig aan", (await HtmlPage.ReadAsync(refused, "/")).MainText, StringComparison.Ordinal);
        }
        // Reading the form is never limited; every stored response is whole.
        using (var read = await participant.GetAsync($"/f/{form.Token}")) Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(FeedbackFloodFactory.Limit, await factory.ResponseCountAsync(form.Id));
        Assert.Equal(FeedbackFloodFactory.Limit * 2, await factory.WithDbAsync(db => db.Set<FeedbackAnswer>().CountAsync(a => db.Set<FeedbackResponse>().Any(r => r.Id == a.ResponseId && r.FormId == form.Id))));
    }
}
