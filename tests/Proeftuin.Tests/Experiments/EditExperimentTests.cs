using Proeftuin.Features.Audit;
using Proeftuin.Features.Experiments;

namespace Proeftuin.Tests.Experiments;

/// <summary>Issue 12: the team changes a proef after it was set up (/proeven/{id}/bewerken), until it is decided.</summary>
public sealed class EditExperimentTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private static string Str(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Task<Experiment> RowAsync(ProeftuinFactory factory, int id) =>
        factory.WithDbAsync(db => db.Items.OfType<Experiment>().AsNoTracking().Include(e => e.Criteria).Include(e => e.Rules).SingleAsync(e => e.Id == id));

    private static Task MeasureAsync(ProeftuinFactory factory, SeededExperiment e, int criterion) =>
        factory.WithDbAsync(async db =>
        {
            db.Set<Measurement>().Add(new Measurement { ExperimentId = e.Id, CriterionId = criterion, Value = "16", MeasuredOn = factory.Today(), Note = "Geteld", CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });

    private static Task DecideAsync(ProeftuinFactory factory, int projectId, int experimentId) =>
        factory.WithDbAsync(async db =>
        {
            db.Items.Add(new Decision
            {
                ProjectId = projectId,
                ExperimentId = experimentId,
                Choice = DecisionChoice.Continue,
                Title = "Besluit",
                Text = "Doorgaan.",
                Html = "<p>Doorgaan.</p>",
                Phase = Phase.Test,
                KnowledgeSource = Perspective.Professional,
                CreatedAt = DateTime.UtcNow,
                UpdatedAt = DateTime.UtcNow,
                SearchTerms = " besluit ",
            });
            return await db.SaveChangesAsync();
        });

    private static async Task<(HtmlPage Page, HtmlForm Form)> OpenFormAsync(Browser browser, int id)
    {
        var page = await browser.OpenAsync($"/proeven/{id}/bewerken");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return (page, page.FormFor("Input.Title"));
    }

    [Fact]
    public async Task A_member_changes_the_plan_extends_the_regelruimte_rewords_adds_and_removes_criteria()
    {
        var team = await factory.Data.TeamProjectAsync(phase: Phase.Test);
        var prototype = await factory.PrototypeAsync(team.Id);
        var e = await factory.ExperimentAsync(team.Id, ExperimentStatus.Running, prototype);
        await MeasureAsync(factory, e, e.Criterion);
        var today = factory.Today();
        using var member = await factory.SignInAsync(team.Member.Email!);

        // The proef's page offers the change; the form shows the prototype (not as a field) and the begindatum as fixed text.
        var details = await member.OpenAsync($"/proeven/{e.Id}");
        Assert.Contains(details.Document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == $"/proeven/{e.Id}/bewerken");
        var (page, form) = await OpenFormAsync(member, e.Id);
        Assert.Equal("Proef aanpassen", page.H1);
        Assert.Contains("Buurtkamer op zondag", page.MainText, StringComparison.Ordinal);
        Assert.False(form.HasField("Input.PrototypeId"));
        Assert.Contains("De proef is al begonnen, dus de begindatum blijft staan.", page.MainText, StringComparison.Ordinal);
        Assert.Equal(Str(e.Criterion), page.Document.QuerySelector("input[name='Input.Criteria[0].Id']")?.GetAttribute("value"));
        // The measured criterion cannot be taken away; the other one can.
        Assert.False(form.HasField("Input.Criteria[0].Remove"));
        Assert.True(form.HasField("Input.Criteria[1].Remove"));

        var before = (await RowAsync(factory, e.Id)).UpdatedAt;
        var newUntil = today.AddDays(90);
        using var saved = await member.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Title"] = "Zondag én zaterdag open",
            ["Input.Place"] = "Buurthuis De Linde",
            ["Input.EndsOn"] = ExperimentData.Iso(today.AddDays(60)),
            ["Input.Safety"] = "Deelnemers kunnen **altijd** stoppen.",
            ["Input.Criteria[0].What"] = "Meer bezoekers in het weekend",
            ["Input.Criteria[1].Remove"] = "true",
            ["Input.Criteria[2].What"] = "Buren spreken elkaar vaker",
            ["Input.Criteria[2].Measure"] = "Korte vragenlijst",
            ["Input.Criteria[2].Threshold"] = "Helft zegt ja",
            ["Input.Rules[0].Until"] = ExperimentData.Iso(newUntil),
        });
        Expect.Redirect(saved, $"/proeven/{e.Id}");
        var shown = await member.FollowAsync(saved, $"/proeven/{e.Id}");
        Assert.Contains("De proef is aangepast.", shown.Text, StringComparison.Ordinal);
        Assert.Equal("Zondag én zaterdag open", shown.H1);

        var row = await RowAsync(factory, e.Id);
        Assert.Equal(("Zondag én zaterdag open", "Buurthuis De Linde", today.AddDays(60)), (row.Title, row.Place, row.EndsOn));
        Assert.Equal(today.AddDays(-10), row.StartsOn);
        Assert.Equal(prototype, row.PrototypeId);
        Assert.Contains("<strong>altijd</strong>", row.SafetyHtml, StringComparison.Ordinal);
        Assert.Contains("zaterdag", row.SearchTerms, StringComparison.Ordinal);
        Assert.NotEqual(before, row.UpdatedAt);
        var criteria = row.Criteria.OrderBy(c => c.Position).ToList();
        Assert.Equal(["Meer bezoekers in het weekend", "Buren spreken elkaar vaker"], criteria.Select(c => c.What));
        // The reworded criterion keeps its id, so its measurement stays with it; the unused one is gone.
        Assert.Equal(e.Criterion, criteria[0].Id);
        Assert.Equal(e.Criterion, await factory.WithDbAsync(db => db.Set<Measurement>().Where(m => m.ExperimentId == e.Id).Select(m => m.CriterionId).SingleAsync()));
        Assert.False(await factory.WithDbAsync(db => db.Set<SuccessCriterion>().AnyAsync(c => c.Id == e.SecondCriterion)));
        var rule = Assert.Single(row.Rules);
        Assert.Equal(newUntil, rule.Until);

        var audit = await factory.WithDbAsync(db => db.AuditEvents.Where(a => a.SubjectId == Str(e.Id)).ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Equal((AuditAction.ExperimentEdited, team.Member.Id), (entry.Action, entry.ActorUserId));
        Assert.Contains("succescriteria", entry.Detail, StringComparison.Ordinal);
        Assert.Contains("regelruimte", entry.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Linde", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task While_preparing_the_begindatum_may_move_but_not_after_the_end()
    {
        var team = await factory.Data.TeamProjectAsync();
        var e = await factory.ExperimentAsync(team.Id);
        var today = factory.Today();
        using var member = await factory.SignInAsync(team.Member.Email!);
        var (_, form) = await OpenFormAsync(member, e.Id);
        var refused = await Expect.FormErrorAsync(await member.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.StartsOn"] = ExperimentData.Iso(today.AddDays(50)),
            ["Input.EndsOn"] = ExperimentData.Iso(today.AddDays(40)),
        }), "De einddatum ligt voor de begindatum");
        Assert.Equal("true", refused.Document.GetElementById("Input_EndsOn")?.GetAttribute("aria-invalid"));
        Assert.Equal(today.AddDays(-10), (await RowAsync(factory, e.Id)).StartsOn);

        using var saved = await member.SubmitAsync(form, new Dictionary<string, string> { ["Input.StartsOn"] = ExperimentData.Iso(today.AddDays(2)) });
        Expect.Redirect(saved, $"/proeven/{e.Id}");
        Assert.Equal(today.AddDays(2), (await RowAsync(factory, e.Id)).StartsOn);
    }

    [Fact]
    public async Task Once_it_runs_a_posted_other_begindatum_is_refused()
    {
        var team = await factory.Data.TeamProjectAsync();
        var e = await factory.ExperimentAsync(team.Id, ExperimentStatus.Running);
        using var member = await factory.SignInAsync(team.Member.Email!);
        var (_, form) = await OpenFormAsync(member, e.Id);
        await Expect.FormErrorAsync(await member.SubmitAsync(form, new Dictionary<string, string> { ["Input.StartsOn"] = ExperimentData.Iso(factory.Today()) }),
            "De proef is al begonnen. De begindatum blijft");
        Assert.Equal(factory.Today().AddDays(-10), (await RowAsync(factory, e.Id)).StartsOn);
    }

    public static TheoryData<string, string, string> BadFields => new()
    {
        { "Input.Criteria[1].Measure", "", "Een criterium zonder meting kan niet" },
        { "Input.Criteria[0].What", "LONG", "is te lang: maximaal 1000 tekens" },
        { "Input.Title", "", "Vul een naam voor de proef in." },
        { "Input.Title", "HUGE", "is te lang: maximaal 200 tekens" },
        { "Input.Hypothesis", "Met \u0001 erin", "bevat tekens die niet kunnen" },
        { "Input.ParticipantCount", "-3", "Vul een aantal deelnemers in tussen 1 en" },
        { "Input.Rules[0].Until", "31-02-2026", "is geen datum" },
        { "Input.Criteria[0].Id", "FOREIGN", EditExperiment.NotOurs },
        { "Input.Criteria[1].Id", "SAME", EditExperiment.NotOurs },
        { "Input.Rules[0].Id", "FOREIGNRULE", EditExperiment.NotOurs },
        { "Input.Rules[0].Id", "99999999", EditExperiment.NotOurs },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task Bad_input_gets_a_Dutch_message_and_nothing_is_saved(string field, string value, string message)
    {
        var team = await factory.Data.TeamProjectAsync();
        var e = await factory.ExperimentAsync(team.Id);
        var other = await factory.ExperimentAsync(team.Id, title: "Andere proef");
        value = value switch
        {
            "LONG" => TestData.Long(1001),
            "HUGE" => TestData.Long(100_000),
            "FOREIGN" => Str(other.Criterion),
            "SAME" => Str(e.Criterion),
            "FOREIGNRULE" => Str(await factory.WithDbAsync(db => db.Set<RuleException>().Where(r => r.ExperimentId == other.Id).Select(r => r.Id).SingleAsync())),
            _ => value,
        };
        var before = await RowAsync(factory, e.Id);
        using var member = await factory.SignInAsync(team.Member.Email!);
        var (_, form) = await OpenFormAsync(member, e.Id);
        using var response = await member.SubmitAsync(form, new Dictionary<string, string> { ["Input.Title"] = "Nieuwe naam", [field] = value });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await HtmlPage.ReadAsync(response, "/");
        Assert.Contains(message, page.ErrorText, StringComparison.Ordinal);
        var after = await RowAsync(factory, e.Id);
        Assert.Equal(before.Title, after.Title);
        Assert.Equal(before.UpdatedAt, after.UpdatedAt);
        Assert.Equal(before.Criteria.OrderBy(c => c.Id).Select(c => (c.Id, c.What, c.Measure)), after.Criteria.OrderBy(c => c.Id).Select(c => (c.Id, c.What, c.Measure)));
        Assert.Equal(before.Rules.OrderBy(r => r.Id).Select(r => (r.Id, r.Rule, r.Until)), after.Rules.OrderBy(r => r.Id).Select(r => (r.Id, r.Rule, r.Until)));
        // The other proef is untouched too.
        Assert.Equal(2, await factory.WithDbAsync(db => db.Set<SuccessCriterion>().CountAsync(c => c.ExperimentId == other.Id)));
        Assert.Equal(0, await factory.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.ProjectId == team.Id)));
    }

    [Fact]
    public async Task A_criterion_with_a_measurement_or_an_observation_cannot_be_removed_but_can_be_reworded()
    {
        var team = await factory.Data.TeamProjectAsync();
        var e = await factory.ExperimentAsync(team.Id, ExperimentStatus.Running);
        await MeasureAsync(factory, e, e.Criterion);
        var observation = await Proeftuin.Tests.Feedback.FeedbackData.ObservationAsync(factory, team.Id, e.Id);
        await factory.WithDbAsync(async db =>
        {
            var o = await db.Items.OfType<Observation>().SingleAsync(x => x.Id == observation);
            o.CriterionId = e.SecondCriterion;
            return await db.SaveChangesAsync();
        });
        using var member = await factory.SignInAsync(team.Member.Email!);
        var (_, form) = await OpenFormAsync(member, e.Id);
        Assert.False(form.HasField("Input.Criteria[0].Remove"));
        Assert.False(form.HasField("Input.Criteria[1].Remove"));

        // Posted anyway (a stale page, or by hand): refused at the row, nothing saved.
        foreach (var (remove, blank) in new[] { ("Input.Criteria[0].Remove", false), ("Input.Criteria[1].Remove", false), ("Input.Criteria[0].What", true) })
        {
            var fields = new Dictionary<string, string> { ["Input.Title"] = "Nieuwe naam" };
            if (blank) fields["Input.Criteria[0].What"] = fields["Input.Criteria[0].Measure"] = fields["Input.Criteria[0].Threshold"] = "";
            else fields[remove] = "true";
            var page = await Expect.FormErrorAsync(await member.SubmitAsync(form, fields), "Dit succescriterium heeft al metingen, observaties of een resultaat.");
            Assert.Contains("Je kunt het niet weghalen", page.ErrorText, StringComparison.Ordinal);
        }
        var row = await RowAsync(factory, e.Id);
        Assert.Equal("Zondag open", row.Title);
        Assert.Equal(2, row.Criteria.Count);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Set<Measurement>().CountAsync(m => m.ExperimentId == e.Id)));

        using var saved = await member.SubmitAsync(form, new Dictionary<string, string> { ["Input.Criteria[1].What"] = "Nieuwe bezoekers voelen zich welkom" });
        Expect.Redirect(saved, $"/proeven/{e.Id}");
        var second = await factory.WithDbAsync(db => db.Set<SuccessCriterion>().SingleAsync(c => c.Id == e.SecondCriterion));
        Assert.Equal("Nieuwe bezoekers voelen zich welkom", second.What);
        Assert.Equal(e.SecondCriterion, await factory.WithDbAsync(db => db.Items.OfType<Observation>().Where(o => o.Id == observation).Select(o => o.CriterionId).SingleAsync()));
    }

    [Fact]
    public async Task A_criterion_with_a_result_stays_and_more_rows_than_a_proef_may_have_are_refused()
    {
        var team = await factory.Data.TeamProjectAsync();
        var e = await factory.ExperimentAsync(team.Id, ExperimentStatus.Ended);
        await factory.ResultsAsync(e.Id);
        using var member = await factory.SignInAsync(team.Member.Email!);
        var (_, form) = await OpenFormAsync(member, e.Id);
        Assert.False(form.HasField("Input.Criteria[0].Remove"));
        await Expect.FormErrorAsync(await member.SubmitAsync(form, new Dictionary<string, string> { ["Input.Criteria[0].Remove"] = "true" }),
            "Dit succescriterium heeft al metingen, observaties of een resultaat.");

        var many = new Dictionary<string, string>();
        for (var i = 0; i < 11; i++)
        {
            many[$"Input.Criteria[{i}].What"] = "Criterium " + i;
            many[$"Input.Criteria[{i}].Measure"] = "Tellen";
            many[$"Input.Criteria[{i}].Threshold"] = "10";
        }
        await Expect.FormErrorAsync(await member.SubmitAsync(form, many), "Een proef heeft hoogstens 10 succescriteria.");
        var row = await RowAsync(factory, e.Id);
        Assert.Equal(2, row.Criteria.Count);
        Assert.All(row.Criteria, c => Assert.NotNull(c.Result));
    }

    [Fact]
    public async Task Removing_every_criterion_is_refused_like_at_setup()
    {
        var team = await factory.Data.TeamProjectAsync();
        var e = await factory.ExperimentAsync(team.Id);
        using var member = await factory.SignInAsync(team.Member.Email!);
        var (_, form) = await OpenFormAsync(member, e.Id);
        await Expect.FormErrorAsync(await member.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Criteria[0].Remove"] = "true",
            ["Input.Criteria[1].Remove"] = "true",
        }), "Vul minstens één succescriterium in");
        Assert.Equal(2, (await RowAsync(factory, e.Id)).Criteria.Count);
    }

    [Fact]
    public async Task A_decided_proef_cannot_be_changed()
    {
        var team = await factory.Data.TeamProjectAsync();
        var e = await factory.ExperimentAsync(team.Id, ExperimentStatus.Ended);
        using var member = await factory.SignInAsync(team.Member.Email!);
        var (_, form) = await OpenFormAsync(member, e.Id);
        await DecideAsync(factory, team.Id, e.Id);

        // The page says so, without a form; a post from the page opened before is refused and saves nothing.
        var page = await member.OpenAsync($"/proeven/{e.Id}/bewerken");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(EditExperiment.Decided, page.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain(page.Forms, f => f.HasField("Input.Title"));
        var details = await member.OpenAsync($"/proeven/{e.Id}");
        Assert.DoesNotContain(details.Document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == $"/proeven/{e.Id}/bewerken");
        using var refused = await member.SubmitAsync(form, new Dictionary<string, string> { ["Input.Title"] = "Toch anders" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(EditExperiment.Decided, (await HtmlPage.ReadAsync(refused, "/")).ErrorText, StringComparison.Ordinal);
        Assert.Equal("Zondag open", (await RowAsync(factory, e.Id)).Title);
    }

    [Fact]
    public async Task Observers_get_403_strangers_to_a_closed_project_and_unknown_ids_404_anonymous_signs_in()
    {
        var team = await factory.Data.TeamProjectAsync();
        var closed = await factory.Data.TeamProjectAsync(Visibility.MembersOnly);
        var e = await factory.ExperimentAsync(team.Id);
        var hidden = await factory.ExperimentAsync(closed.Id);
        var stranger = await factory.Data.UserAsync();
        await factory.Data.ProjectAsync(null, Visibility.Open, Phase.Empathize, null, (stranger, ProjectRole.Member));
        var fields = new Dictionary<string, string> { ["Input.Title"] = "Overgenomen" };

        using (var anonymous = factory.NewBrowser())
        {
            using var r = await anonymous.GetAsync($"/proeven/{e.Id}/bewerken");
            Expect.RedirectToSignIn(r);
        }
        using (var observer = await factory.SignInAsync(team.Observer.Email!))
        {
            using var r = await observer.GetAsync($"/proeven/{e.Id}/bewerken");
            Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
            using var post = await observer.PostAsync($"/proeven/{e.Id}/bewerken", fields);
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
            var details = await observer.OpenAsync($"/proeven/{e.Id}");
            Assert.DoesNotContain(details.Document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == $"/proeven/{e.Id}/bewerken");
        }
        using (var other = await factory.SignInAsync(stranger.Email!))
        {
            using var open = await other.PostAsync($"/proeven/{e.Id}/bewerken", fields);
            Assert.Equal(HttpStatusCode.Forbidden, open.StatusCode);
            using var get = await other.GetAsync($"/proeven/{hidden.Id}/bewerken");
            Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
            using var post = await other.PostAsync($"/proeven/{hidden.Id}/bewerken", fields);
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }
        using (var member = await factory.SignInAsync(team.Member.Email!))
        {
            using var missing = await member.GetAsync("/proeven/999999999/bewerken");
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            // Another kind of item under the proef's address is not a proef.
            using var notAProef = await member.GetAsync($"/proeven/{await factory.PrototypeAsync(team.Id)}/bewerken");
            Assert.Equal(HttpStatusCode.NotFound, notAProef.StatusCode);
        }
        Assert.Equal("Zondag open", (await RowAsync(factory, e.Id)).Title);
        Assert.Equal("Zondag open", (await RowAsync(factory, hidden.Id)).Title);
    }

    [Fact]
    public async Task Html_and_script_are_stored_as_text_and_shown_escaped()
    {
        var team = await factory.Data.TeamProjectAsync();
        var e = await factory.ExperimentAsync(team.Id);
        using var member = await factory.SignInAsync(team.Member.Email!);
        var (_, form) = await OpenFormAsync(member, e.Id);
        using var saved = await member.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Title"] = TestData.Script,
            ["Input.Hypothesis"] = TestData.Script + " <img src=x onerror=alert(1)>",
            ["Input.Place"] = TestData.Script,
            ["Input.Criteria[0].What"] = TestData.Script,
            ["Input.Rules[0].Rule"] = TestData.Script,
        });
        Expect.Redirect(saved, $"/proeven/{e.Id}");
        var row = await RowAsync(factory, e.Id);
        Assert.Equal(TestData.Script, row.Title);
        Assert.DoesNotContain("<script", row.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", row.Html, StringComparison.OrdinalIgnoreCase);
        var page = await member.OpenAsync($"/proeven/{e.Id}");
        Assert.Equal(TestData.Script, page.H1);
        Expect.ShownAsText(page);
        Assert.Empty(page.Document.QuerySelectorAll("main [onerror], main script, main img"));
        var again = await member.OpenAsync($"/proeven/{e.Id}/bewerken");
        Expect.ShownAsText(again);
        Assert.Equal(TestData.Script, again.Document.QuerySelector("input[name='Input.Title']")?.GetAttribute("value"));
    }
}
