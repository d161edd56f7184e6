using Proeftuin.Features.Audit;
using Proeftuin.Features.Experiments;
using Proeftuin.Features.Lessons;
using Proeftuin.Features.Thread;

namespace Proeftuin.Tests.Experiments;

public sealed class DecideExperimentTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private static string Str(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, string> ResultFields(SeededExperiment e) => new()
    {
        ["Input.Results[0].CriterionId"] = Str(e.Criterion),
        ["Input.Results[0].Result"] = "Met",
        ["Input.Results[0].Evidence"] = "Gemiddeld 18 bezoekers",
        ["Input.Results[1].CriterionId"] = Str(e.SecondCriterion),
        ["Input.Results[1].Result"] = "NotMet",
        ["Input.Results[1].Evidence"] = "Gemiddeld een 5",
    };

    private static Dictionary<string, string> Adjust(params (string Name, string Value)[] changes)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Choice"] = "Adjust",
            ["Input.BackToPhase"] = "Ideate",
            ["Input.WhatChanges"] = "Een gastvrouw bij de deur",
            ["Input.Reasoning"] = "Er kwamen **meer** mensen, maar ze voelden zich niet welkom.",
            ["Input.BrilliantFailure"] = "true",
            ["Input.FailureTaught"] = "Open zijn is niet genoeg.",
            ["Input.Lesson"] = "Welkom voelen vraagt een persoon <b>bij de deur</b>.\nNiet alleen een open deur.",
        };
        foreach (var (name, value) in changes) fields[name] = value;
        return fields;
    }

    [Fact]
    public async Task A_facilitator_records_results_then_decides_and_the_decision_and_lesson_join_the_thread()
    {
        var team = await factory.Data.TeamProjectAsync(phase: Phase.Test);
        var e = await factory.ExperimentAsync(team.Id, ExperimentStatus.Ended);
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var page = await facilitator.OpenAsync($"/proeven/{e.Id}");
        Assert.Contains(page.Document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == $"/proeven/{e.Id}/resultaten");
        Assert.DoesNotContain(page.Document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == $"/proeven/{e.Id}/besluit");

        var results = await facilitator.OpenAsync($"/proeven/{e.Id}/resultaten");
        using (var saved = await facilitator.SubmitAsync(results.FormFor("Input.Results[0].Result"), ResultFields(e)))
            Expect.Redirect(saved, $"/proeven/{e.Id}#besluit");
        var criteria = await factory.WithDbAsync(db => db.Set<SuccessCriterion>().AsNoTracking().Where(c => c.ExperimentId == e.Id).OrderBy(c => c.Position).ToListAsync());
        Assert.Equal([CriterionResult.Met, CriterionResult.NotMet], criteria.Select(c => c.Result!.Value));
        Assert.All(criteria, c => Assert.Equal(team.Facilitator.Id, c.ResultById));

        var decide = await facilitator.OpenAsync($"/proeven/{e.Id}/besluit");
        using (var decided = await facilitator.SubmitAsync(decide.FormFor("Input.Reasoning"), Adjust()))
            Expect.Redirect(decided, $"/proeven/{e.Id}#besluit");
        var decision = await factory.WithDbAsync(db => db.Items.OfType<Decision>().AsNoTracking().SingleAsync(d => d.ExperimentId == e.Id));
        Assert.Equal((DecisionChoice.Adjust, Phase.Ideate, "Een gastvrouw bij de deur", true, "Open zijn is niet genoeg."),
            (decision.Choice, decision.BackToPhase!.Value, decision.WhatChanges, decision.BrilliantFailure, decision.FailureTaught));
        Assert.Contains("<strong>meer</strong>", decision.Html, StringComparison.Ordinal);
        var lessonLink = await factory.WithDbAsync(db => db.Links.AsNoTracking().Include(l => l.To).SingleAsync(l => l.FromId == decision.Id));
        var lesson = Assert.IsType<Lesson>(lessonLink.To);
        Assert.Equal(LinkType.LeadsTo, lessonLink.Type);
        // Plain text: the tag is shown as text, the line break kept.
        Assert.Contains("&lt;b&gt;bij de deur&lt;/b&gt;.<br>Niet alleen", lesson.Html, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.Links.AnyAsync(l => l.FromId == e.Id && l.ToId == decision.Id && l.Type == LinkType.LeadsTo)));
        var audit = await factory.WithDbAsync(db => db.AuditEvents.Where(a => a.SubjectId == Str(e.Id)).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal([AuditAction.ExperimentResultsRecorded, AuditAction.ExperimentDecided], audit.Select(a => a.Action));
        Assert.Equal("Adjust → Ideate, briljante mislukking", audit[1].Detail);

        page = await facilitator.OpenAsync($"/proeven/{e.Id}");
        var outcome = page.Document.GetElementById("besluit")!.ParentElement!.TextContent;
        Assert.Contains("Bijsturen", outcome, StringComparison.Ordinal);
        Assert.Contains("Briljante mislukking", outcome, StringComparison.Ordinal);
        Assert.Contains("Welkom voelen vraagt een persoon", outcome, StringComparison.Ordinal);

        // One decision per proef: the form sends to the first one, a second post is refused and changes nothing.
        using (var form = await facilitator.GetAsync($"/proeven/{e.Id}/besluit"))
            Expect.Redirect(form, $"/proeven/{e.Id}#besluit");
        using (var second = await facilitator.PostAsync($"/proeven/{e.Id}/besluit", Adjust(("Input.Choice", "Stop"))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
            Assert.Contains("Over deze proef is al besloten.", (await HtmlPage.ReadAsync(second, "/")).ErrorText, StringComparison.Ordinal);
        }
        using (var resultsAgain = await facilitator.PostAsync($"/proeven/{e.Id}/resultaten", ResultFields(e)))
            Assert.Equal(HttpStatusCode.BadRequest, resultsAgain.StatusCode);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Items.OfType<Decision>().CountAsync(d => d.ExperimentId == e.Id)));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Items.OfType<Lesson>().CountAsync(l => l.ProjectId == team.Id)));
    }

    [Fact]
    public async Task A_decision_without_results_or_before_the_end_is_refused_clearly()
    {
        var team = await factory.Data.TeamProjectAsync();
        var running = await factory.ExperimentAsync(team.Id, ExperimentStatus.Running);
        var ended = await factory.ExperimentAsync(team.Id, ExperimentStatus.Ended);
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        using (var r = await facilitator.PostAsync($"/proeven/{ended.Id}/besluit", Adjust()))
        {
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.Contains("Leg eerst voor elk succescriterium het resultaat vast.", (await HtmlPage.ReadAsync(r, "/")).ErrorText, StringComparison.Ordinal);
        }
        using (var r = await facilitator.PostAsync($"/proeven/{running.Id}/besluit", Adjust()))
        {
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.Contains("De proef is nog niet afgerond.", (await HtmlPage.ReadAsync(r, "/")).ErrorText, StringComparison.Ordinal);
        }
        using (var r = await facilitator.PostAsync($"/proeven/{running.Id}/resultaten", ResultFields(running)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.Contains("De proef is nog niet afgerond.", (await HtmlPage.ReadAsync(r, "/")).ErrorText, StringComparison.Ordinal);
        }
        // Half the results is no result.
        var half = ResultFields(ended);
        half.Remove("Input.Results[1].CriterionId");
        half.Remove("Input.Results[1].Result");
        half.Remove("Input.Results[1].Evidence");
        using (var r = await facilitator.PostAsync($"/proeven/{ended.Id}/resultaten", half))
        {
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.Contains("Geef elk succescriterium een resultaat.", (await HtmlPage.ReadAsync(r, "/")).ErrorText, StringComparison.Ordinal);
        }
        var foreign = ResultFields(ended);
        foreign["Input.Results[1].CriterionId"] = Str(running.Criterion);
        using (var r = await facilitator.PostAsync($"/proeven/{ended.Id}/resultaten", foreign))
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<SuccessCriterion>().CountAsync(c => c.Result != null && (c.ExperimentId == ended.Id || c.ExperimentId == running.Id))));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Items.CountAsync(i => i.ProjectId == team.Id && (i.Kind == ItemKind.Decision || i.Kind == ItemKind.Lesson))));
    }

    public static TheoryData<string, string, string> BadDecisions => new()
    {
        { "Input.Choice", "", "Kies een besluit: doorgaan, bijsturen of stoppen." },
        { "Input.Choice", "9", "is niet geldig" },
        { "Input.Choice", "Opschalen", "is niet geldig" },
        { "Input.BackToPhase", "", "Kies naar welke eerdere fase het project teruggaat." },
        { "Input.BackToPhase", "Test", "Kies naar welke eerdere fase het project teruggaat." },
        { "Input.WhatChanges", "", "Vul wat er verandert in." },
        { "Input.Reasoning", "", "Vul waarom jullie zo besluiten in." },
        { "Input.FailureTaught", "", "Vul wat deze mislukking ons leerde in." },
        { "Input.Lesson", "", "Vul de les in." },
        { "Input.Lesson", "LONG", "is te lang: maximaal 5000 tekens" },
    };

    [Theory]
    [MemberData(nameof(BadDecisions))]
    public async Task A_bad_decision_gets_a_Dutch_message_and_saves_nothing(string field, string value, string message)
    {
        var team = await factory.Data.TeamProjectAsync();
        var e = await factory.ExperimentAsync(team.Id, ExperimentStatus.Ended);
        await factory.ResultsAsync(e.Id);
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var form = await facilitator.OpenAsync($"/proeven/{e.Id}/besluit");
        using var r = await facilitator.SubmitAsync(form.FormFor("Input.Reasoning"), Adjust((field, value == "LONG" ? TestData.Long(5001) : value)));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Contains(message, (await HtmlPage.ReadAsync(r, "/")).ErrorText, StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Items.CountAsync(i => i.ProjectId == team.Id && (i.Kind == ItemKind.Decision || i.Kind == ItemKind.Lesson))));
        Assert.Equal(0, await factory.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.ProjectId == team.Id)));
    }

    [Fact]
    public async Task Stoppen_needs_no_phase_and_keeps_none()
    {
        var team = await factory.Data.TeamProjectAsync();
        var e = await factory.ExperimentAsync(team.Id, ExperimentStatus.Ended);
        await factory.ResultsAsync(e.Id, CriterionResult.NotMet);
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        using var r = await facilitator.PostAsync($"/proeven/{e.Id}/besluit", Adjust(("Input.Choice", "Stop"), ("Input.BackToPhase", ""), ("Input.WhatChanges", ""), ("Input.BrilliantFailure", "false")));
        Expect.Redirect(r, $"/proeven/{e.Id}#besluit");
        var decision = await factory.WithDbAsync(db => db.Items.OfType<Decision>().AsNoTracking().SingleAsync(d => d.ExperimentId == e.Id));
        Assert.Equal((DecisionChoice.Stop, (Phase?)null, (string?)null, false, (string?)null),
            (decision.Choice, decision.BackToPhase, decision.WhatChanges, decision.BrilliantFailure, decision.FailureTaught));
    }

    [Fact]
    public async Task Only_this_projects_facilitator_records_results_and_decides()
    {
        var team = await factory.Data.TeamProjectAsync();
        var closed = await factory.Data.TeamProjectAsync(Visibility.MembersOnly);
        var e = await factory.ExperimentAsync(team.Id, ExperimentStatus.Ended);
        var hidden = await factory.ExperimentAsync(closed.Id, ExperimentStatus.Ended);
        await factory.ResultsAsync(hidden.Id);
        var stranger = await factory.Data.UserAsync();
        await factory.Data.ProjectAsync(null, Visibility.Open, Phase.Empathize, null, (stranger, ProjectRole.Facilitator));
        foreach (var email in new[] { team.Member.Email!, team.Observer.Email! })
        {
            using var browser = await factory.SignInAsync(email);
            using (var r = await browser.GetAsync($"/proeven/{e.Id}/resultaten")) Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
            using (var r = await browser.PostAsync($"/proeven/{e.Id}/resultaten", ResultFields(e))) Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
            using (var r = await browser.PostAsync($"/proeven/{e.Id}/besluit", Adjust())) Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
        }
        using (var other = await factory.SignInAsync(stranger.Email!))
        {
            using (var r = await other.PostAsync($"/proeven/{e.Id}/resultaten", ResultFields(e))) Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
            using (var r = await other.PostAsync($"/proeven/{hidden.Id}/besluit", Adjust())) Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        }
        using var anonymous = factory.NewBrowser();
        using (var r = await anonymous.GetAsync($"/proeven/{e.Id}/besluit")) Expect.RedirectToSignIn(r);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<SuccessCriterion>().CountAsync(c => c.ExperimentId == e.Id && c.Result != null)));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Items.OfType<Decision>().CountAsync(d => d.ExperimentId == e.Id || d.ExperimentId == hidden.Id)));
    }
}
