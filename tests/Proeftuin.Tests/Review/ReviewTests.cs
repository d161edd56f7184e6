using Proeftuin.Features.Audit;
using Proeftuin.Features.Experiments;
using Proeftuin.Features.Gates;
using Proeftuin.Features.Review;
using Proeftuin.Features.Thread;
using Proeftuin.Tests.Gates;
using Proeftuin.Tests.Learning;
using Proeftuin.Tests.Thread;

namespace Proeftuin.Tests.Review;

public sealed class ReviewTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private static async Task<HttpResponseMessage> AdviseAsync(Browser browser, int projectId, string? text, string? aboutId = null)
    {
        var page = await browser.OpenAsync(ReviewData.Page(projectId));
        return await browser.SubmitAsync(page.FormFor("Input.Text"), new { Input_Text = text, Input_AboutId = aboutId });
    }

    private static Task<List<ReviewAdvice>> AdviceAsync(ProeftuinFactory factory, int projectId) =>
        factory.WithDbAsync(db => db.Set<ReviewAdvice>().AsNoTracking().Where(a => a.ProjectId == projectId).OrderBy(a => a.Id).ToListAsync());

    [Fact]
    public async Task Evaluator_advice_shows_beside_the_gate_form_and_the_decision_takes_it_into_the_history()
    {
        var team = await factory.Data.TeamProjectAsync(phase: Phase.Prototype);
        var evaluator = await GateData.EvaluatorAsync(factory, team.Id);
        var question = await factory.QuestionAsync(team.Id, "Komen bewoners terug na de eerste keer?", team.Member.Id, ownerId: team.Member.Id);
        var experiment = await factory.ItemAsync(team.Id, ItemKind.Experiment, "Proef met de buurtkamer");
        await factory.WithDbAsync(async db =>
        {
            db.Items.Add(new Decision { ProjectId = team.Id, Kind = ItemKind.Decision, ExperimentId = experiment, Title = "Besluit over de buurtkamer", Choice = DecisionChoice.Adjust, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        await factory.ItemAsync(team.Id, ItemKind.Lesson, "Persoonlijk uitnodigen werkt");

        using var e = await factory.SignInAsync(evaluator.Email!);
        var board = await e.OpenAsync(ReviewData.Page(team.Id));
        Assert.Contains("Komen bewoners terug na de eerste keer?", board.MainText, StringComparison.Ordinal);
        Assert.Contains(team.Member.DisplayName, board.Document.GetElementById("leeragenda")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Bijsturen", board.Document.GetElementById("besluiten")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Persoonlijk uitnodigen werkt", board.Document.GetElementById("lessen")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Er is nog geen advies voor het volgende besluit over de fase.", board.MainText, StringComparison.Ordinal);

        using (var r = await AdviseAsync(e, team.Id, "Test eerst met **twee** bewoners.", question.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            Expect.Redirect(r, ReviewData.Page(team.Id));
        var advice = Assert.Single(await AdviceAsync(factory, team.Id));
        Assert.Equal((evaluator.Id, Phase.Prototype, (int?)question, (int?)null), (advice.AuthorId, advice.Phase, advice.AboutQuestionId, advice.GateDecisionId));
        Assert.Contains("<strong>twee</strong>", advice.Html, StringComparison.Ordinal);

        // The facilitators are told, the audit log keeps that it was given (not what).
        var told = await factory.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.UserId == team.Facilitator.Id).ToListAsync());
        Assert.Equal(ReviewData.Page(team.Id), Assert.Single(told).Url);
        var given = await factory.WithDbAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(a => a.ProjectId == team.Id && a.Action == AuditAction.ReviewAdviceGiven));
        Assert.Equal((evaluator.Id, "Prototype"), (given.ActorUserId, given.Detail));

        // Beside the gate form.
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var gateForm = await facilitator.OpenAsync($"/projecten/{team.Id}/fase");
        var beside = gateForm.Document.GetElementById("reviewadvies")!.ParentElement!.TextContent;
        Assert.Contains("Test eerst met twee bewoners.", beside, StringComparison.Ordinal);
        Assert.Contains("Komen bewoners terug na de eerste keer?", beside, StringComparison.Ordinal);
        Assert.Contains(evaluator.DisplayName, beside, StringComparison.Ordinal);

        using (var r = await facilitator.SubmitAsync(gateForm.FormFor("Input.Reason"), new { Input_Verdict = "Go", Input_ToPhase = "Test", Input_Reason = "We testen, met twee bewoners erbij." }))
            Expect.Redirect(r, $"/projecten/{team.Id}");
        var gate = await factory.WithDbAsync(db => db.Set<GateDecision>().AsNoTracking().SingleAsync(g => g.ProjectId == team.Id));
        Assert.Equal(gate.Id, Assert.Single(await AdviceAsync(factory, team.Id)).GateDecisionId);

        // In the history: on the project's timeline and on the review board, with the decision; no longer open.
        var project = await facilitator.OpenAsync($"/projecten/{team.Id}");
        var timeline = project.Document.GetElementById("tijdlijn")!.ParentElement!.TextContent;
        Assert.Contains("1 advies van het reviewbord", timeline, StringComparison.Ordinal);
        Assert.Contains("Test eerst met twee bewoners.", timeline, StringComparison.Ordinal);
        using (var anonymous = factory.NewBrowser())
            Assert.DoesNotContain("Test eerst met", (await anonymous.OpenAsync($"/projecten/{team.Id}")).MainText, StringComparison.Ordinal);
        board = await e.OpenAsync(ReviewData.Page(team.Id));
        Assert.Contains("Test eerst met twee bewoners.", board.Document.GetElementById("fasebesluiten")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Er is nog geen advies voor het volgende besluit over de fase.", board.MainText, StringComparison.Ordinal);
        gateForm = await facilitator.OpenAsync($"/projecten/{team.Id}/fase");
        Assert.Contains("Er is nog geen advies van het reviewbord voor dit besluit.", gateForm.MainText, StringComparison.Ordinal);

        // The API says the same.
        var json = await e.GetJsonAsync($"/api/v1/projects/{team.Id}/review-advice");
        var first = json[0];
        Assert.Equal(("Attached", gate.Id, "Prototype", question), (first.GetProperty("state").GetString(), first.GetProperty("gateDecisionId").GetInt32(),
            first.GetProperty("phase").GetString(), first.GetProperty("aboutQuestionId").GetInt32()));
        Assert.Equal("Test eerst met **twee** bewoners.", first.GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_facilitator_makes_an_observer_an_external_reviewer_who_reads_advises_and_comments_but_does_not_build()
    {
        var team = await factory.Data.TeamProjectAsync(visibility: Visibility.MembersOnly, phase: Phase.Define);
        var insight = await factory.ItemAsync(team.Id, ItemKind.Insight, "Zondag is de langste dag");
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var membershipId = await factory.Data.MembershipIdAsync(team.Id, team.Observer.Id);
        using (var r = await facilitator.PostAsync($"/projecten/{team.Id}/leden?handler=Role", new { membershipId, role = "Reviewer" }))
            Expect.Redirect(r, $"/projecten/{team.Id}/leden");
        var membership = (await factory.Data.MembershipAsync(team.Id, team.Observer.Id))!;
        Assert.Equal((ProjectRole.Observer, true), (membership.Role, membership.Reviewer));
        var members = await facilitator.OpenAsync($"/projecten/{team.Id}/leden");
        Assert.Contains("Externe reviewer", members.Document.QuerySelector("#ledenlijst")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Reviewer", members.Document.QuerySelector($"#rol-{membershipId} option[selected]")!.GetAttribute("value"));
        var audit = await factory.WithDbAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(a => a.ProjectId == team.Id && a.Action == AuditAction.RoleChanged));
        Assert.Equal("Rol: Toeschouwer → Externe reviewer", audit.Detail);
        var api = await facilitator.GetJsonAsync($"/api/v1/projects/{team.Id}");
        Assert.Contains(api.GetProperty("membersByPerspective").EnumerateArray().SelectMany(g => g.GetProperty("members").EnumerateArray()),
            m => m.GetProperty("reviewer").GetBoolean() && m.GetProperty("role").GetString() == "Observer");

        using (var reviewer = await factory.SignInAsync(team.Observer.Email!))
        {
            var board = await reviewer.OpenAsync(ReviewData.Page(team.Id));
            Assert.True(board.FormFor("Input.Text").HasField("Input.Text"));
            using (var r = await AdviseAsync(reviewer, team.Id, "Kijk ook naar de regels van de woningcorporatie."))
                Expect.Redirect(r, ReviewData.Page(team.Id));
            Assert.Equal(team.Observer.Id, Assert.Single(await AdviceAsync(factory, team.Id)).AuthorId);

            var item = await reviewer.OpenAsync($"/draad/{insight}");
            using (var r = await reviewer.SubmitAsync(item.FormFor("Input.Text"), new { Input_Text = "Geldt dit ook voor de feestdagen?" }))
                Assert.True(Browser.IsRedirect(r.StatusCode), $"{(int)r.StatusCode}");
            Assert.Equal(team.Observer.Id, await factory.WithDbAsync(db => db.Comments.Where(c => c.ItemId == insight).Select(c => c.AuthorId).SingleAsync()));

            // Not the team: no new items, no agenda, no gate.
            using (var r = await reviewer.PostAsync($"/projecten/{team.Id}/draad/nieuw?soort=inzicht", new { Input_Title = "Binnengesmokkeld", Input_KnowledgeSource = "Scientific" }))
                Expect.Status(HttpStatusCode.Forbidden, r);
            using (var r = await reviewer.PostAsync($"/projecten/{team.Id}/leeragenda/nieuw?soort=leervraag", new { Input_Title = "Mag niet", Input_Detail = "Niemand" }))
                Expect.Status(HttpStatusCode.Forbidden, r);
            using (var r = await reviewer.GetAsync($"/projecten/{team.Id}/fase")) Expect.Status(HttpStatusCode.Forbidden, r);
            using (var r = await reviewer.PostAsync($"/projecten/{team.Id}/fase", new { Input_Verdict = "Go", Input_ToPhase = "Ideate", Input_Reason = "Mag niet" }))
                Expect.Status(HttpStatusCode.Forbidden, r);
        }
        Assert.Equal(1, await factory.WithDbAsync(db => db.Items.CountAsync(i => i.ProjectId == team.Id)));
        Assert.False(await factory.WithDbAsync(db => db.Set<GateDecision>().AnyAsync(g => g.ProjectId == team.Id)));

        // Another role ends the flag.
        using (var r = await facilitator.PostAsync($"/projecten/{team.Id}/leden?handler=Role", new { membershipId, role = "Member" }))
            Expect.Redirect(r, $"/projecten/{team.Id}/leden");
        membership = (await factory.Data.MembershipAsync(team.Id, team.Observer.Id))!;
        Assert.Equal((ProjectRole.Member, false), (membership.Role, membership.Reviewer));
    }

    [Fact]
    public async Task Observers_and_members_read_but_do_not_advise_and_outsiders_get_nothing()
    {
        var team = await factory.Data.TeamProjectAsync(visibility: Visibility.MembersOnly, phase: Phase.Define);
        var evaluator = await GateData.EvaluatorAsync(factory, team.Id);
        var adviceId = await ReviewData.AdviceAsync(factory, team.Id, evaluator.Id, "Het advies van de evaluator.");
        var insight = await factory.ItemAsync(team.Id, ItemKind.Insight, "Zondag is de langste dag");
        var other = await factory.Data.TeamProjectAsync();
        var otherEvaluator = await GateData.EvaluatorAsync(factory, other.Id);
        var url = ReviewData.Page(team.Id);
        var advise = new { Input_Text = "Mag niet" };

        foreach (var who in new[] { team.Observer, team.Member })
        {
            using var b = await factory.SignInAsync(who.Email!);
            var board = await b.OpenAsync(url);
            Assert.Contains("Het advies van de evaluator.", board.MainText, StringComparison.Ordinal);
            Assert.DoesNotContain(board.Forms, f => f.HasField("Input.Text"));
            Assert.DoesNotContain(board.Forms, f => f.HasField("adviceId"));
            using (var r = await b.PostAsync(url, advise)) Expect.Status(HttpStatusCode.Forbidden, r, who.DisplayName);
            using (var r = await b.PostAsync(url + "?handler=Withdraw", new { adviceId })) Expect.Status(HttpStatusCode.Forbidden, r, who.DisplayName);
        }
        using (var observer = await factory.SignInAsync(team.Observer.Email!))
        {
            var item = await observer.OpenAsync($"/draad/{insight}");
            Assert.DoesNotContain(item.Forms, f => f.Action.Contains("/reactie", StringComparison.Ordinal));
            using var r = await observer.PostAsync($"/draad/{insight}/reactie", new { Input_Text = "Mag niet" });
            Expect.Status(HttpStatusCode.Forbidden, r);
        }
        using (var outsider = await factory.SignInAsync(otherEvaluator.Email!))
        {
            using (var r = await outsider.GetAsync(url)) Expect.Status(HttpStatusCode.NotFound, r);
            using (var r = await outsider.PostAsync(url, advise)) Expect.Status(HttpStatusCode.NotFound, r);
            using (var r = await outsider.GetAsync($"/api/v1/projects/{team.Id}/review-advice")) Expect.Status(HttpStatusCode.NotFound, r);
            // Their own open project's board is not theirs either when they are not on it.
            using (var r = await outsider.GetAsync(ReviewData.Page((await factory.Data.TeamProjectAsync()).Id))) Expect.Status(HttpStatusCode.Forbidden, r);
        }
        using (var anonymous = factory.NewBrowser())
        {
            using (var r = await anonymous.GetAsync(url)) Expect.RedirectToSignIn(r);
            using (var r = await anonymous.GetAsync($"/api/v1/projects/{team.Id}/review-advice")) Expect.Status(HttpStatusCode.NotFound, r);
            using (var r = await anonymous.GetAsync($"/api/v1/projects/{other.Id}/review-advice")) Expect.Status(HttpStatusCode.Forbidden, r);
        }
        Assert.Equal(adviceId, Assert.Single(await AdviceAsync(factory, team.Id)).Id);
        Assert.Empty(await factory.WithDbAsync(db => db.Comments.Where(c => c.ItemId == insight).ToListAsync()));
    }

    [Fact]
    public async Task Bad_advice_gets_a_Dutch_message_and_saves_nothing()
    {
        var team = await factory.Data.TeamProjectAsync(phase: Phase.Ideate);
        var evaluator = await GateData.EvaluatorAsync(factory, team.Id);
        var other = await factory.Data.TeamProjectAsync();
        var foreignQuestion = await factory.QuestionAsync(other.Id, "Een vraag van een ander project", other.Member.Id);
        using var e = await factory.SignInAsync(evaluator.Email!);
        var url = ReviewData.Page(team.Id);

        await Expect.FormErrorAsync(await AdviseAsync(e, team.Id, ""), "Vul je advies in.");
        await Expect.FormErrorAsync(await AdviseAsync(e, team.Id, "   "), "Vul je advies in.");
        await Expect.FormErrorAsync(await AdviseAsync(e, team.Id, TestData.Long(100_000)), "is te lang: maximaal 4000 tekens.");
        using (var nul = await AdviseAsync(e, team.Id, "Met een \0 erin"))
            Assert.True((int)nul.StatusCode is >= 400 and < 500 || (await nul.Content.ReadAsStringAsync()).Contains("bevat tekens die niet kunnen", StringComparison.Ordinal), $"{(int)nul.StatusCode}");
        await Expect.FormErrorAsync(await AdviseAsync(e, team.Id, "Met een \u0007 erin"), "bevat tekens die niet kunnen");
        using (var r = await e.PostAsync(url, new { Input_Text = "Over een onbekende vraag", Input_AboutId = "999999" }))
            await Expect.FormErrorAsync(r, "Kies een leervraag uit de lijst, of geen.");
        using (var r = await e.PostAsync(url, new { Input_Text = "Over een vraag van een ander project", Input_AboutId = foreignQuestion.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
            await Expect.FormErrorAsync(r, "Kies een leervraag uit de lijst, of geen.");
        using (var r = await e.PostAsync(url, new { Input_Text = "Geen getal", Input_AboutId = "abc" }))
            await Expect.FormErrorAsync(r, "is niet geldig");
        using (var r = await e.PostAsync("/projecten/999999/review", new { Input_Text = "Geen project" })) Expect.Status(HttpStatusCode.NotFound, r);
        using (var r = await e.GetAsync("/projecten/999999/review")) Expect.Status(HttpStatusCode.NotFound, r);
        Assert.Empty(await AdviceAsync(factory, team.Id));

        // HTML is text, never markup.
        using (var r = await AdviseAsync(e, team.Id, TestData.Script)) Expect.Redirect(r, url);
        Expect.ShownAsText(await e.OpenAsync(url));
        Assert.DoesNotContain("<script", Assert.Single(await AdviceAsync(factory, team.Id)).Html, StringComparison.OrdinalIgnoreCase);

        // A finished project takes no more advice.
        await factory.WithDbAsync(db => db.Projects.Where(p => p.Id == team.Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, ProjectStatus.Finished)));
        var board = await e.OpenAsync(url);
        Assert.Contains(ReviewRules.Finished, board.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain(board.Forms, f => f.HasField("Input.Text"));
        using (var r = await e.PostAsync(url, new { Input_Text = "Te laat" })) await Expect.FormErrorAsync(r, "Dit project is gestopt.");
        Assert.Single(await AdviceAsync(factory, team.Id));
    }

    [Fact]
    public async Task The_author_withdraws_open_advice_but_not_advice_a_decision_took()
    {
        var team = await factory.Data.TeamProjectAsync(phase: Phase.Ideate);
        var evaluator = await GateData.EvaluatorAsync(factory, team.Id);
        var second = await GateData.EvaluatorAsync(factory, team.Id);
        var mine = await ReviewData.AdviceAsync(factory, team.Id, evaluator.Id, "Eerste advies.");
        var theirs = await ReviewData.AdviceAsync(factory, team.Id, second.Id, "Advies van de ander.");
        using var e = await factory.SignInAsync(evaluator.Email!);
        var url = ReviewData.Page(team.Id);

        var board = await e.OpenAsync(url);
        Assert.Single(board.Forms, f => f.HasField("adviceId"));
        using (var r = await e.PostAsync(url + "?handler=Withdraw", new { adviceId = theirs })) Expect.Status(HttpStatusCode.Forbidden, r);
        using (var r = await e.PostAsync(url + "?handler=Withdraw", new { adviceId = 999999 })) Expect.Status(HttpStatusCode.NotFound, r);
        using (var r = await e.SubmitAsync(board.Forms.Single(f => f.HasField("adviceId")))) Expect.Redirect(r, url);
        Assert.Equal(theirs, Assert.Single(await AdviceAsync(factory, team.Id)).Id);
        var withdrawn = await factory.WithDbAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(a => a.ProjectId == team.Id && a.Action == AuditAction.ReviewAdviceWithdrawn));
        Assert.Equal(mine.ToString(System.Globalization.CultureInfo.InvariantCulture), withdrawn.SubjectId);

        // Once a gate decision has it, it stays.
        using (var f = await factory.SignInAsync(team.Facilitator.Email!))
        using (var r = await f.PostAsync($"/projecten/{team.Id}/fase", new { Input_Verdict = "Go", Input_ToPhase = "Prototype", Input_Reason = "Door." }))
            Expect.Redirect(r, $"/projecten/{team.Id}");
        using (var s = await factory.SignInAsync(second.Email!))
        {
            Assert.DoesNotContain((await s.OpenAsync(url)).Forms, f => f.HasField("adviceId"));
            using var r = await s.PostAsync(url + "?handler=Withdraw", new { adviceId = theirs });
            await Expect.FormErrorAsync(r, "Over deze fase is al besloten.");
        }
        Assert.NotNull(Assert.Single(await AdviceAsync(factory, team.Id)).GateDecisionId);
    }

    [Fact]
    public async Task Erasing_the_author_keeps_the_advice_without_a_name()
    {
        var team = await factory.Data.TeamProjectAsync();
        var evaluator = await GateData.EvaluatorAsync(factory, team.Id);
        var id = await ReviewData.AdviceAsync(factory, team.Id, evaluator.Id, "Blijft staan.");
        await factory.WithDbAsync(async db =>
        {
            var person = Proeftuin.Features.Privacy.PersonRef.Of(evaluator.Id, evaluator.Email, true, evaluator.DisplayName);
            var contributor = new ReviewPersonalData(db);
            var export = await contributor.ExportAsync(person, default);
            Assert.Equal("Blijft staan.", Assert.Single(export.Rows, r => Equals(r["Nummer"], id))["Advies"]);
            await contributor.EraseAsync(person, Proeftuin.Features.Privacy.ErasureChoices.WithdrawAll, default);
            return 0;
        });
        var advice = Assert.Single(await AdviceAsync(factory, team.Id));
        Assert.Equal(("Blijft staan.", (string?)null), (advice.Text, advice.AuthorId));
    }
}
