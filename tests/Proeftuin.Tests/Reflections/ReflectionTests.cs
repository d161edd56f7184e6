using System.Globalization;
using AngleSharp.Html.Dom;
using Proeftuin.Features.Accounts;
using Proeftuin.Features.Audit;
using Proeftuin.Features.Reflections;
using Proeftuin.Features.Sessions;
using Proeftuin.Features.Thread;
using Proeftuin.Tests.Thread;
using Proeftuin.Web;

namespace Proeftuin.Tests.Reflections;

/// <summary>Reflectiemomenten: plan, answers from members and guests (all three perspectives), outcome and advice; who may not; bad input.</summary>
public sealed class ReflectionTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private static KeyValuePair<string, string> F(string name, string value) => new(name, value);

    private static string Day(int days) => Proeftuin.Features.Experiments.ExperimentDates.Iso(DateOnly.FromDateTime(DateTime.Today).AddDays(days));

    private async Task<(TeamProject Team, AppUser Evaluator)> TeamWithEvaluatorAsync(Visibility visibility = Visibility.Open)
    {
        var team = await factory.Data.TeamProjectAsync(visibility, Phase.Test);
        var evaluator = await factory.Data.UserAsync(perspective: Perspective.Scientific, displayName: "Onderzoeker " + Guid.NewGuid().ToString("N")[..6]);
        await factory.WithDbAsync(async db =>
        {
            db.Memberships.Add(new Membership { ProjectId = team.Id, UserId = evaluator.Id, Role = ProjectRole.Evaluator, Perspective = Perspective.Scientific, JoinedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return true;
        });
        return (team, evaluator);
    }

    [Fact]
    public async Task An_evaluator_plans_a_reflection_the_team_and_a_guest_answer_and_the_outcome_closes_it()
    {
        var (team, evaluator) = await TeamWithEvaluatorAsync();
        var question = await factory.ItemAsync(team.Id, ItemKind.LearningQuestion, "Komen bewoners vaker naar de buurtkamer?");
        using var eva = await factory.SignInAsync(evaluator.Email!);
        Assert.Contains((await eva.OpenAsync($"/projecten/{team.Id}")).Document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == $"/projecten/{team.Id}/reflecties");

        // The plan starts with the three prompts of reflexive monitoring; the evaluator invites the member and picks the question.
        var form = await eva.OpenAsync($"/projecten/{team.Id}/reflecties/nieuw");
        Assert.Equal("Wat gebeurde er?", (form.Document.QuerySelector("#Input_Prompts_0_") as IHtmlInputElement)!.Value);
        Assert.Equal("Wat doen we anders?", (form.Document.QuerySelector("#Input_Prompts_2_") as IHtmlInputElement)!.Value);
        int id;
        using (var made = await eva.SubmitAsync(form.FormFor("Input.Title"),
            [F("Input.Title", "Terugkijken op de eerste proef"), F("Input.HeldOn", Day(7)), F("Input.Text", "Wat **leerden** we?"),
             F("Input.Prompts[3]", "Wie misten we?"), F("Input.ParticipantIds", team.Member.Id), F("Input.QuestionIds", question.ToString(CultureInfo.InvariantCulture))]))
            id = Expect.RedirectToId(made, "/reflecties/");
        var saved = await factory.WithDbAsync(db => db.Items.OfType<Reflection>().AsNoTracking().Include(r => r.Prompts).Include(r => r.Participants).SingleAsync(r => r.Id == id));
        Assert.Equal(["Wat gebeurde er?", "Wat verraste ons?", "Wat doen we anders?", "Wie misten we?"], saved.Prompts.OrderBy(p => p.Position).Select(p => p.Text));
        Assert.Equal([team.Member.Id], saved.Participants.Select(p => p.UserId));
        Assert.Equal((ReflectionStatus.Planned, Phase.Test, evaluator.Id), (saved.Status, saved.Phase, saved.AuthorId));
        Assert.Contains("<strong>leerden</strong>", saved.Html, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.Links.AnyAsync(l => l.FromId == id && l.ToId == question && l.Type == LinkType.Supports)));
        Assert.True(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == team.Member.Id && n.Url == $"/reflecties/{id}")));
        using (var draad = await eva.GetAsync($"/draad/{id}")) Expect.Redirect(draad, $"/reflecties/{id}");
        var prompts = saved.Prompts.OrderBy(p => p.Position).Select(p => p.Id).ToList();

        // The member answers two prompts with their own perspective (experience); the evaluator answers one (science).
        using var member = await factory.SignInAsync(team.Member.Email!);
        var answerForm = await member.OpenAsync($"/reflecties/{id}/antwoorden");
        using (var answered = await member.SubmitAsync(answerForm.FormFor("Answers[0].Text"), [F("Answers[0].Text", "Er kwamen zes nieuwe mensen."), F("Answers[1].Text", "Dat het koffie-uur het drukst was.")]))
            Expect.Redirect(answered, $"/reflecties/{id}#antwoorden");
        answerForm = await eva.OpenAsync($"/reflecties/{id}/antwoorden");
        using (var answered = await eva.SubmitAsync(answerForm.FormFor("Answers[0].Text"), [F("Answers[2].Text", "Meten per dagdeel.")]))
            Expect.Redirect(answered, $"/reflecties/{id}#antwoorden");
        // Answering again changes the answer, it does not add one; emptying a field takes it back.
        answerForm = await member.OpenAsync($"/reflecties/{id}/antwoorden");
        Assert.Equal("Er kwamen zes nieuwe mensen.", (answerForm.Document.QuerySelector("#Answers_0__Text") as IHtmlTextAreaElement)!.Value);
        using (var again = await member.SubmitAsync(answerForm.FormFor("Answers[0].Text"), [F("Answers[0].Text", "Er kwamen zeven nieuwe mensen."), F("Answers[1].Text", "")]))
            Expect.Redirect(again, $"/reflecties/{id}#antwoorden");
        var answers = await factory.WithDbAsync(db => db.Set<ReflectionAnswer>().AsNoTracking().Where(a => a.ReflectionId == id).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal([("Er kwamen zeven nieuwe mensen.", Perspective.Experience), ("Meten per dagdeel.", Perspective.Scientific)], answers.Select(a => (a.Text, a.Perspective)));

        // The facilitator gathers it in a live session: a writing step per prompt; a guest answers there as a professional.
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var page = await facilitator.OpenAsync($"/reflecties/{id}");
        string gatheredAt;
        using (var gathered = await facilitator.SubmitAsync(page.FormWithAction("handler=Session")))
            gatheredAt = Expect.LocationPath(gathered);
        Assert.StartsWith("/sessies/", gatheredAt, StringComparison.Ordinal);
        var (sessionId, steps) = await factory.WithDbAsync(async db =>
        {
            var r = await db.Items.OfType<Reflection>().AsNoTracking().SingleAsync(x => x.Id == id);
            var s = await db.Steps.AsNoTracking().Where(x => x.SessionId == r.SessionId).OrderBy(x => x.Position).ToListAsync();
            return (r.SessionId!.Value, s);
        });
        Assert.Equal(["Wat gebeurde er?", "Wat verraste ons?", "Wat doen we anders?", "Wie misten we?", "Delen"], steps.Select(s => s.Title));
        Assert.Equal(steps[0].Id, await factory.WithDbAsync(db => db.Set<ReflectionPrompt>().Where(p => p.Id == prompts[0]).Select(p => p.StepId).SingleAsync()));
        // A double click gets the first answer again; the button from another tab is refused in words.
        using (var twice = await facilitator.SubmitAsync(page.FormWithAction("handler=Session")))
            Assert.Equal(gatheredAt, Expect.LocationPath(twice));
        using (var otherTab = await facilitator.SubmitAsync(page.FormWithAction("handler=Session"), [new(RequestKeys.FormField, RequestKeys.New())]))
            await Expect.FormErrorAsync(otherTab, GatherInSession.AlreadyGathering);

        await factory.WithDbAsync(async db =>
        {
            var s = await db.Sessions.SingleAsync(x => x.Id == sessionId);
            s.State = SessionState.Running;
            s.CurrentStepId = steps[1].Id;
            await db.SaveChangesAsync();
            return true;
        });
        var joinCode = await factory.WithDbAsync(db => db.Sessions.Where(s => s.Id == sessionId).Select(s => s.JoinCode).SingleAsync());
        using var guest = factory.NewBrowser();
        var join = await guest.OpenAsync($"/doe-mee/{joinCode}");
        using (var joined = await guest.SubmitAsync(join.FormFor("Input.DisplayName"), new { Input_DisplayName = "Henk", Input_Perspective = nameof(Perspective.Professional) }))
            Expect.Redirect(joined, $"/sessies/{sessionId}");
        var sessionPage = await guest.OpenAsync($"/sessies/{sessionId}");
        using (var note = await guest.SubmitAsync(sessionPage.FormFor("Input.Text"), new { Input_Text = "Dat de huisarts mensen stuurde." }))
            Assert.True((int)note.StatusCode is 302 or 303 or 200, $"{(int)note.StatusCode}");
        // A guest reads nothing of the reflection page beyond what anyone may: no answers.
        var guestView = await guest.OpenAsync($"/reflecties/{id}");
        Assert.Contains("De antwoorden zijn alleen zichtbaar voor het team.", guestView.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain("zeven nieuwe mensen", guestView.MainText, StringComparison.Ordinal);

        // The step is private: its post-its show on the reflection once revealed.
        var teamView = await member.OpenAsync($"/reflecties/{id}");
        Assert.DoesNotContain("huisarts", teamView.MainText, StringComparison.Ordinal);
        await factory.WithDbAsync(async db =>
        {
            (await db.Steps.SingleAsync(s => s.Id == steps[1].Id)).Revealed = true;
            await db.SaveChangesAsync();
            return true;
        });
        teamView = await member.OpenAsync($"/reflecties/{id}");
        Assert.Contains("Dat de huisarts mensen stuurde.", teamView.MainText, StringComparison.Ordinal);
        Assert.Contains("3 antwoorden: 1 ervaringskennis, 1 professionele kennis, 1 wetenschappelijke kennis", teamView.MainText, StringComparison.Ordinal);
        Assert.Contains("uit de live sessie", teamView.MainText, StringComparison.Ordinal);
        Assert.Contains("heeft geantwoord", teamView.MainText, StringComparison.Ordinal);

        // The evaluator writes the outcome and advice: the reflection closes, advice is audited, answers stop.
        var outcomeForm = await eva.OpenAsync($"/reflecties/{id}/uitkomst");
        Assert.Contains("Dat de huisarts mensen stuurde.", outcomeForm.MainText, StringComparison.Ordinal);
        using (var closed = await eva.SubmitAsync(outcomeForm.FormFor("Input.Outcome"), new { Input_Outcome = "Verwijzen **werkt**.", Input_Advice = "Vraag de huisartsen mee." }))
            Expect.Redirect(closed, $"/reflecties/{id}#uitkomst");
        var done = await factory.WithDbAsync(db => db.Items.OfType<Reflection>().AsNoTracking().SingleAsync(r => r.Id == id));
        Assert.Equal(ReflectionStatus.Done, done.Status);
        Assert.NotNull(done.ClosedAt);
        Assert.Contains("<strong>werkt</strong>", done.OutcomeHtml, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditAction.ReflectionAdviceGiven && e.ProjectId == team.Id && e.SubjectId == id.ToString(CultureInfo.InvariantCulture))));
        var donePage = await member.OpenAsync($"/reflecties/{id}");
        Assert.Contains("Vraag de huisartsen mee.", donePage.MainText, StringComparison.Ordinal);
        Assert.NotNull(donePage.Document.QuerySelector($"a[href='/projecten/{team.Id}/lessen/nieuw?van={id}']"));
        using (var late = await member.PostAsync($"/reflecties/{id}/antwoorden", [F("Answers[0].PromptId", prompts[0].ToString(CultureInfo.InvariantCulture)), F("Answers[0].Text", "Te laat")]))
            await Expect.FormErrorAsync(late, ReflectionRules.Closed);
        using (var replan = await eva.PostAsync($"/reflecties/{id}/bewerken", [F("Input.Title", "Anders"), F("Input.HeldOn", Day(1)), F("Input.Prompts[0]", "Vraag")]))
            await Expect.FormErrorAsync(replan, ReflectionRules.ClosedPlan);

        // A lesson from the reflection is linked to it (reflectie → les).
        var lessonForm = await eva.OpenAsync($"/projecten/{team.Id}/lessen/nieuw?van={id}");
        Assert.True(lessonForm.FormFor("Input.Title").HasField("Input.FromId") || lessonForm.FormFor("Input.Title").HasField("van"));

        // The list shows it as done, with its answer count for the team only.
        var list = await member.OpenAsync($"/projecten/{team.Id}/reflecties");
        Assert.Contains("Terugkijken op de eerste proef", list.Document.QuerySelector("#afgerond")!.ParentElement!.TextContent, StringComparison.Ordinal);
        using var anonymous = factory.NewBrowser();
        var anonList = await anonymous.OpenAsync($"/projecten/{team.Id}/reflecties");
        Assert.DoesNotContain("antwoorden", anonList.Document.QuerySelector(".pt-agenda")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Who_may_not_plan_answer_or_close_is_refused_and_nothing_changes()
    {
        var (team, _) = await TeamWithEvaluatorAsync();
        var closedProject = await factory.Data.TeamProjectAsync(Visibility.MembersOnly);
        var (id, prompts) = await factory.ReflectionAsync(team.Id);
        var (hidden, _) = await factory.ReflectionAsync(closedProject.Id);
        var answer = new[] { F("Answers[0].PromptId", prompts[0].ToString(CultureInfo.InvariantCulture)), F("Answers[0].Text", "Mag niet") };
        var plan = new[] { F("Input.Title", "Mag niet"), F("Input.HeldOn", Day(3)), F("Input.Prompts[0]", "Vraag") };

        // A member answers but does not plan or close; an observer does neither; another project's facilitator sees nothing closed.
        using var member = await factory.SignInAsync(team.Member.Email!);
        Expect.Status(HttpStatusCode.Forbidden, await member.GetAsync($"/projecten/{team.Id}/reflecties/nieuw"));
        Expect.Status(HttpStatusCode.Forbidden, await member.PostAsync($"/projecten/{team.Id}/reflecties/nieuw", plan));
        Expect.Status(HttpStatusCode.Forbidden, await member.PostAsync($"/reflecties/{id}/uitkomst", [F("Input.Outcome", "Klaar")]));
        Expect.Status(HttpStatusCode.Forbidden, await member.PostAsync($"/reflecties/{id}?handler=Session"));
        Assert.Null((await member.OpenAsync($"/reflecties/{id}")).Document.QuerySelector($"a[href='/reflecties/{id}/uitkomst']"));
        using var observer = await factory.SignInAsync(team.Observer.Email!);
        Expect.Status(HttpStatusCode.Forbidden, await observer.GetAsync($"/reflecties/{id}/antwoorden"));
        Expect.Status(HttpStatusCode.Forbidden, await observer.PostAsync($"/reflecties/{id}/antwoorden", answer));
        Assert.Null((await observer.OpenAsync($"/reflecties/{id}")).Document.QuerySelector($"a[href='/reflecties/{id}/antwoorden']"));
        using var stranger = await factory.SignInAsync(closedProject.Facilitator.Email!);
        Expect.Status(HttpStatusCode.Forbidden, await stranger.PostAsync($"/reflecties/{id}/antwoorden", answer));
        using var outsider = await factory.SignInAsync(team.Facilitator.Email!);
        Expect.Status(HttpStatusCode.NotFound, await outsider.GetAsync($"/reflecties/{hidden}"));
        Expect.Status(HttpStatusCode.NotFound, await outsider.PostAsync($"/reflecties/{hidden}/uitkomst", [F("Input.Outcome", "Klaar")]));
        using var anonymous = factory.NewBrowser();
        Expect.Status(HttpStatusCode.NotFound, await anonymous.GetAsync($"/projecten/{closedProject.Id}/reflecties"));
        Expect.RedirectToSignIn(await anonymous.GetAsync($"/reflecties/{id}/antwoorden"));

        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<ReflectionAnswer>().CountAsync(a => a.ReflectionId == id)));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Items.CountAsync(i => i.ProjectId == team.Id && i.Kind == ItemKind.Reflection)));
        Assert.Equal(ReflectionStatus.Planned, await factory.WithDbAsync(db => db.Items.OfType<Reflection>().Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
        Assert.Null(await factory.WithDbAsync(db => db.Items.OfType<Reflection>().Where(r => r.Id == id).Select(r => r.SessionId).SingleAsync()));
    }

    [Fact]
    public async Task Bad_input_gets_a_Dutch_message_and_nothing_is_saved()
    {
        var (team, evaluator) = await TeamWithEvaluatorAsync();
        var other = await factory.Data.TeamProjectAsync();
        var foreignQuestion = await factory.ItemAsync(other.Id, ItemKind.LearningQuestion, "Vraag elders");
        using var eva = await factory.SignInAsync(evaluator.Email!);
        var url = $"/projecten/{team.Id}/reflecties/nieuw";
        async Task RefusedAsync(string message, params KeyValuePair<string, string>[] fields)
        {
            var form = await eva.OpenAsync(url);
            // Every default prompt is cleared unless the case sets it, so the case says exactly what is sent.
            var values = new List<KeyValuePair<string, string>> { F("Input.Title", "Reflectie"), F("Input.HeldOn", Day(2)), F("Input.Prompts[0]", "Wat gebeurde er?"), F("Input.Prompts[1]", ""), F("Input.Prompts[2]", "") };
            foreach (var f in fields) { values.RemoveAll(v => v.Key == f.Key); values.Add(f); }
            var page = await Expect.FormErrorAsync(await eva.SubmitAsync(form.FormFor("Input.Title"), values), message);
            Expect.ShownAsText(page, page.BodyText.Contains(TestData.Script, StringComparison.Ordinal) ? TestData.Script : "Reflectie");
        }

        await RefusedAsync("Vul de naam van de reflectie in.", F("Input.Title", "  "));
        await RefusedAsync("de naam van de reflectie is te lang", F("Input.Title", new string('x', ThreadLimits.Title + 1)));
        await RefusedAsync("Zet minstens één vraag in de reflectie.", F("Input.Prompts[0]", ""));
        await RefusedAsync("Elke vraag staat er maar één keer in.", F("Input.Prompts[1]", "wat gebeurde er?"));
        await RefusedAsync("de vraag is te lang", F("Input.Prompts[1]", new string('v', ReflectionLimits.Prompt + 1)));
        await RefusedAsync("Een reflectie heeft hoogstens 5 vragen.", F("Input.Prompts[5]", "Zesde"));
        await RefusedAsync("Kies een datum binnen twee jaar.", F("Input.HeldOn", Day(800)));
        await RefusedAsync("Kies mensen uit de lijst van het team.", F("Input.ParticipantIds", other.Member.Id));
        await RefusedAsync("Kies mensen uit de lijst van het team.", F("Input.ParticipantIds", team.Observer.Id));
        await RefusedAsync("Kies leervragen uit de lijst van dit project.", F("Input.QuestionIds", foreignQuestion.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Items.CountAsync(i => i.ProjectId == team.Id && i.Kind == ItemKind.Reflection)));

        // Markup is text; the outcome needs words; an empty answer form is refused; a prompt of another reflection is unknown.
        using (var made = await eva.SubmitAsync((await eva.OpenAsync(url)).FormFor("Input.Title"), [F("Input.Title", TestData.Script), F("Input.HeldOn", Day(2))]))
            Expect.ShownAsText(await eva.OpenAsync(Expect.LocationPath(made)));
        var (id, prompts) = await factory.ReflectionAsync(team.Id);
        var (elsewhere, otherPrompts) = await factory.ReflectionAsync(team.Id, "Een andere");
        using var member = await factory.SignInAsync(team.Member.Email!);
        var answerForm = await member.OpenAsync($"/reflecties/{id}/antwoorden");
        await Expect.FormErrorAsync(await member.SubmitAsync(answerForm.FormFor("Answers[0].Text"), []), AnswerReflection.NothingAnswered);
        await Expect.FormErrorAsync(await member.SubmitAsync(answerForm.FormFor("Answers[0].Text"), [F("Answers[0].Text", new string('a', ReflectionLimits.Answer + 1))]), "je antwoord is te lang");
        await Expect.FormErrorAsync(await member.SubmitAsync(answerForm.FormFor("Answers[0].Text"),
            [F("Answers[0].PromptId", otherPrompts[0].ToString(CultureInfo.InvariantCulture)), F("Answers[0].Text", "Hier")]), "Deze vraag hoort niet bij de reflectie.");
        var outcome = await eva.OpenAsync($"/reflecties/{id}/uitkomst");
        await Expect.FormErrorAsync(await eva.SubmitAsync(outcome.FormFor("Input.Outcome"), new { Input_Outcome = " " }), "Vul wat jullie geleerd hebben in.");
        await Expect.FormErrorAsync(await eva.SubmitAsync(outcome.FormFor("Input.Outcome"), new { Input_Outcome = "Goed", Input_Advice = new string('a', ReflectionLimits.Advice + 1) }), "het advies is te lang");
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<ReflectionAnswer>().CountAsync(a => a.ReflectionId == id || a.ReflectionId == elsewhere)));
        Assert.Equal(ReflectionStatus.Planned, await factory.WithDbAsync(db => db.Items.OfType<Reflection>().Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));
        Assert.Equal(3, prompts.Count);

        // Wrong ids: 404, never a 500.
        foreach (var path in new[] { "/reflecties/999999", "/reflecties/999999/antwoorden", "/reflecties/999999/uitkomst", "/reflecties/999999/bewerken", "/projecten/999999/reflecties", "/projecten/999999/reflecties/nieuw" })
            Expect.Status(HttpStatusCode.NotFound, await eva.GetAsync(path), path);
    }

    [Fact]
    public async Task Prompts_with_answers_stay_and_the_answers_follow_the_account_when_it_goes()
    {
        var (team, evaluator) = await TeamWithEvaluatorAsync();
        var (id, prompts) = await factory.ReflectionAsync(team.Id, authorId: evaluator.Id);
        await factory.AnswerAsync(id, prompts[0], team.Member.Id, "Mijn antwoord");
        using var eva = await factory.SignInAsync(evaluator.Email!);
        var edit = await eva.OpenAsync($"/reflecties/{id}/bewerken");
        await Expect.FormErrorAsync(await eva.SubmitAsync(edit.FormFor("Input.Title"), [F("Input.Prompts[0]", "Een andere vraag")]), PlanReflection.PromptsAnswered);
        // The rest of the plan still changes.
        using (var saved = await eva.SubmitAsync(edit.FormFor("Input.Title"), [F("Input.Title", "Nieuwe naam"), F("Input.ParticipantIds", team.Member.Id)]))
            Expect.Redirect(saved, $"/reflecties/{id}");
        Assert.Equal("Nieuwe naam", await factory.WithDbAsync(db => db.Items.Where(i => i.Id == id).Select(i => i.Title).SingleAsync()));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Set<ReflectionParticipant>().CountAsync(p => p.ReflectionId == id)));

        // The personal-data export lists the answer; erasing keeps it without the name and drops the invitation.
        var contributor = new ReflectionsPersonalData(null!);
        Assert.Contains(contributor.Describe(), c => c.Property == nameof(ReflectionAnswer.UserId));
        await factory.WithDbAsync(async db =>
        {
            var data = new ReflectionsPersonalData(db);
            var section = await data.ExportAsync(new Proeftuin.Features.Privacy.PersonRef(team.Member.Id, team.Member.Email, team.Member.DisplayName), CancellationToken.None);
            Assert.Contains(section.Rows, r => (string?)r["Antwoord"] == "Mijn antwoord");
            await data.EraseAsync(new Proeftuin.Features.Privacy.PersonRef(team.Member.Id, team.Member.Email, team.Member.DisplayName), Proeftuin.Features.Privacy.ErasureChoices.WithdrawAll, CancellationToken.None);
            return true;
        });
        Assert.Null(await factory.WithDbAsync(db => db.Set<ReflectionAnswer>().Where(a => a.ReflectionId == id).Select(a => a.UserId).SingleAsync()));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<ReflectionParticipant>().CountAsync(p => p.ReflectionId == id)));
        var page = await eva.OpenAsync($"/reflecties/{id}");
        Assert.Contains("Oud-deelnemer", page.MainText, StringComparison.Ordinal);
    }
}
