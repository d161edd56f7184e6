using Proeftuin.Features.Audit;
using Proeftuin.Features.Experiments;
using Proeftuin.Features.Thread;

namespace Proeftuin.Tests.Experiments;

public sealed class RunExperimentTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private static string Str(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private Task<ExperimentStatus> StatusAsync(int id) => factory.WithDbAsync(db => db.Items.OfType<Experiment>().Where(e => e.Id == id).Select(e => e.Status).SingleAsync());

    [Fact]
    public async Task The_team_starts_and_ends_a_proef_with_an_audit_entry_and_a_second_click_is_refused()
    {
        var team = await factory.Data.TeamProjectAsync();
        var e = await factory.ExperimentAsync(team.Id);
        using var member = await factory.SignInAsync(team.Member.Email!);
        var page = await member.OpenAsync($"/proeven/{e.Id}");
        using (var started = await member.SubmitAsync(page.FormWithAction("handler=Start"), new Dictionary<string, string>()))
            Expect.Redirect(started, $"/proeven/{e.Id}");
        Assert.Equal(ExperimentStatus.Running, await StatusAsync(e.Id));
        // A stale page posts Start again: refused with the reason, nothing changes.
        using (var again = await member.PostAsync($"/proeven/{e.Id}?handler=Start", new { }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
            Assert.Contains("Deze proef is al gestart.", (await HtmlPage.ReadAsync(again, "/")).ErrorText, StringComparison.Ordinal);
        }
        page = await member.OpenAsync($"/proeven/{e.Id}");
        using (var ended = await member.SubmitAsync(page.FormWithAction("handler=End"), new Dictionary<string, string>()))
            Expect.Redirect(ended, $"/proeven/{e.Id}");
        Assert.Equal(ExperimentStatus.Ended, await StatusAsync(e.Id));
        using (var afterEnd = await member.PostAsync($"/proeven/{e.Id}?handler=End", new { }))
            Assert.Equal(HttpStatusCode.BadRequest, afterEnd.StatusCode);
        var actions = await factory.WithDbAsync(db => db.AuditEvents.Where(a => a.ProjectId == team.Id && a.SubjectId == Str(e.Id)).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal([AuditAction.ExperimentStarted, AuditAction.ExperimentEnded], actions);
    }

    [Fact]
    public async Task Observers_strangers_and_the_signed_out_cannot_change_the_status()
    {
        var team = await factory.Data.TeamProjectAsync();
        var closed = await factory.Data.TeamProjectAsync(Visibility.MembersOnly);
        var e = await factory.ExperimentAsync(team.Id);
        var hidden = await factory.ExperimentAsync(closed.Id);
        var stranger = await factory.Data.UserAsync();
        using var anonymous = factory.NewBrowser();
        using (var r = await anonymous.PostAsync($"/proeven/{e.Id}?handler=Start", new { })) Expect.RedirectToSignIn(r);
        using (var observer = await factory.SignInAsync(team.Observer.Email!))
        using (var r = await observer.PostAsync($"/proeven/{e.Id}?handler=Start", new { }))
            Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
        using (var other = await factory.SignInAsync(stranger.Email!))
        {
            using var r = await other.PostAsync($"/proeven/{hidden.Id}?handler=Start", new { });
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
            using var read = await other.GetAsync($"/proeven/{hidden.Id}");
            Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
            using var report = await other.GetAsync($"/proeven/{hidden.Id}/verslag");
            Assert.Equal(HttpStatusCode.NotFound, report.StatusCode);
        }
        Assert.Equal(ExperimentStatus.Preparing, await StatusAsync(e.Id));
        Assert.Equal(ExperimentStatus.Preparing, await StatusAsync(hidden.Id));
    }

    [Fact]
    public async Task Observations_are_logged_while_it_runs_newest_first_on_the_page_and_on_the_thread()
    {
        var team = await factory.Data.TeamProjectAsync(phase: Phase.Test);
        var e = await factory.ExperimentAsync(team.Id, ExperimentStatus.Running);
        var today = factory.Today();
        using var member = await factory.SignInAsync(team.Member.Email!);
        var form = await member.OpenAsync($"/proeven/{e.Id}/observatie");
        Assert.Equal(ExperimentData.Iso(today), form.FormFor("Input.Text").Fields.Single(f => f.Key == "Input.ObservedOn").Value);
        using (var first = await member.SubmitAsync(form.FormFor("Input.Text"), new Dictionary<string, string>
        {
            ["Input.Text"] = "Mevrouw Jansen kwam voor het eerst, met haar buurvrouw.",
            ["Input.ObservedOn"] = ExperimentData.Iso(today.AddDays(-3)),
            ["Input.CriterionId"] = Str(e.Criterion),
        }))
            Expect.Redirect(first, $"/proeven/{e.Id}#observaties");
        using (var second = await member.SubmitAsync(form.FormFor("Input.Text"), new Dictionary<string, string>
        {
            ["Input.Text"] = "Het was **druk** rond de koffie.",
            ["Input.ObservedOn"] = ExperimentData.Iso(today),
            ["Input.KnowledgeSource"] = "Scientific",
        }))
            Expect.Redirect(second, $"/proeven/{e.Id}#observaties");

        var rows = await factory.WithDbAsync(db => db.Items.OfType<Observation>().AsNoTracking().Where(o => o.ExperimentId == e.Id).OrderBy(o => o.Id).ToListAsync());
        Assert.Equal(2, rows.Count);
        Assert.Equal((e.Criterion, Perspective.Experience, today.AddDays(-3)), (rows[0].CriterionId!.Value, rows[0].KnowledgeSource, rows[0].ObservedOn));
        Assert.Equal((Perspective.Scientific, Phase.Test, team.Member.Id), (rows[1].KnowledgeSource, rows[1].Phase, rows[1].AuthorId));
        Assert.Contains("<strong>druk</strong>", rows[1].Html, StringComparison.Ordinal);
        // Each observation onderbouwt the proef on the thread.
        Assert.Equal(2, await factory.WithDbAsync(db => db.Links.CountAsync(l => l.ToId == e.Id && l.Type == LinkType.Supports)));

        var page = await member.OpenAsync($"/proeven/{e.Id}");
        var shown = page.Document.QuerySelectorAll(".pt-observation").Select(li => li.TextContent).ToList();
        Assert.Equal(2, shown.Count);
        Assert.Contains("druk", shown[0], StringComparison.Ordinal);
        Assert.Contains("Mevrouw Jansen", shown[1], StringComparison.Ordinal);
        Assert.Contains("Meer bezoekers", shown[1], StringComparison.Ordinal);
        // On the thread as a kind of its own, counted in the knowledge balance of the phase.
        var item = await member.OpenAsync($"/draad/{rows[0].Id}");
        Assert.Equal(HttpStatusCode.OK, item.Status);
        Assert.Contains("Mevrouw Jansen", item.MainText, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> BadObservations => new()
    {
        { "Input.ObservedOn", "FUTURE", "De datum ligt in de toekomst" },
        { "Input.ObservedOn", "BEFORESTART", "De datum ligt voor het begin van de proef" },
        { "Input.ObservedOn", "gisteren", "is geen datum" },
        { "Input.ObservedOn", "", "Vul de datum in." },
        { "Input.Text", "", "Vul wat je zag of hoorde in." },
        { "Input.Text", "LONG", "is te lang: maximaal 5000 tekens" },
        { "Input.CriterionId", "OTHER", "Kies een succescriterium van deze proef, of geen." },
        { "Input.CriterionId", "abc", "is niet geldig" },
        { "Input.KnowledgeSource", "7", "is niet geldig" },
    };

    [Theory]
    [MemberData(nameof(BadObservations))]
    public async Task A_bad_observation_gets_a_Dutch_message_at_its_field_and_saves_nothing(string field, string value, string message)
    {
        var team = await factory.Data.TeamProjectAsync();
        var e = await factory.ExperimentAsync(team.Id, ExperimentStatus.Running);
        var other = await factory.ExperimentAsync(team.Id, ExperimentStatus.Running, title: "Andere proef");
        var today = factory.Today();
        value = value switch
        {
            "FUTURE" => ExperimentData.Iso(today.AddDays(1)),
            "BEFORESTART" => ExperimentData.Iso(today.AddDays(-11)),
            "LONG" => TestData.Long(5001),
            "OTHER" => Str(other.Criterion),
            _ => value,
        };
        using var member = await factory.SignInAsync(team.Member.Email!);
        var form = await member.OpenAsync($"/proeven/{e.Id}/observatie");
        var fields = new Dictionary<string, string> { ["Input.Text"] = "Het was druk.", ["Input.ObservedOn"] = ExperimentData.Iso(today), [field] = value };
        using var response = await member.SubmitAsync(form.FormFor("Input.Text"), fields);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await HtmlPage.ReadAsync(response, "/");
        Assert.Contains(message, page.ErrorText, StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Items.OfType<Observation>().CountAsync(o => o.ProjectId == team.Id)));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Links.CountAsync(l => l.ProjectId == team.Id)));
    }

    [Theory]
    [InlineData(ExperimentStatus.Preparing, "nog niet gestart")]
    [InlineData(ExperimentStatus.Ended, "is afgerond")]
    public async Task Observations_and_measurements_only_while_it_runs(ExperimentStatus status, string message)
    {
        var team = await factory.Data.TeamProjectAsync();
        var e = await factory.ExperimentAsync(team.Id, status);
        var today = ExperimentData.Iso(factory.Today());
        using var member = await factory.SignInAsync(team.Member.Email!);
        var form = await member.OpenAsync($"/proeven/{e.Id}/observatie");
        Assert.Contains(message, form.MainText, StringComparison.Ordinal);
        using (var observation = await member.SubmitAsync(form.FormFor("Input.Text"), new Dictionary<string, string> { ["Input.Text"] = "Gezien", ["Input.ObservedOn"] = today }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, observation.StatusCode);
            Assert.Contains(message, (await HtmlPage.ReadAsync(observation, "/")).ErrorText, StringComparison.Ordinal);
        }
        var measure = await member.OpenAsync($"/proeven/{e.Id}/meting");
        using (var measurement = await member.SubmitAsync(measure.FormFor("Input.Value"), new Dictionary<string, string> { ["Input.CriterionId"] = Str(e.Criterion), ["Input.Value"] = "12", ["Input.MeasuredOn"] = today }))
            Assert.Equal(HttpStatusCode.BadRequest, measurement.StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Items.OfType<Observation>().CountAsync(o => o.ProjectId == team.Id)));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<Measurement>().CountAsync(m => m.ExperimentId == e.Id)));
    }

    [Fact]
    public async Task Measurements_are_logged_per_criterion_and_refused_for_another_proefs_criterion()
    {
        var team = await factory.Data.TeamProjectAsync();
        var e = await factory.ExperimentAsync(team.Id, ExperimentStatus.Running);
        var other = await factory.ExperimentAsync(team.Id, ExperimentStatus.Running, title: "Andere proef");
        var today = factory.Today();
        using var member = await factory.SignInAsync(team.Member.Email!);
        var form = await member.OpenAsync($"/proeven/{e.Id}/meting");
        using (var saved = await member.SubmitAsync(form.FormFor("Input.Value"), new Dictionary<string, string>
        {
            ["Input.CriterionId"] = Str(e.Criterion),
            ["Input.Value"] = "17 bezoekers",
            ["Input.MeasuredOn"] = ExperimentData.Iso(today.AddDays(-1)),
            ["Input.Note"] = "=1+1",
        }))
            Expect.Redirect(saved, $"/proeven/{e.Id}#metingen");
        using (var refused = await member.SubmitAsync(form.FormFor("Input.Value"), new Dictionary<string, string>
        {
            ["Input.CriterionId"] = Str(other.Criterion),
            ["Input.Value"] = "3",
            ["Input.MeasuredOn"] = ExperimentData.Iso(today),
        }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("Kies een succescriterium van deze proef.", (await HtmlPage.ReadAsync(refused, "/")).ErrorText, StringComparison.Ordinal);
        }
        using (var future = await member.SubmitAsync(form.FormFor("Input.Value"), new Dictionary<string, string>
        {
            ["Input.CriterionId"] = Str(e.Criterion),
            ["Input.Value"] = "3",
            ["Input.MeasuredOn"] = ExperimentData.Iso(today.AddDays(2)),
        }))
            Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        var row = await factory.WithDbAsync(db => db.Set<Measurement>().AsNoTracking().SingleAsync(m => m.ExperimentId == e.Id));
        Assert.Equal((e.Criterion, "17 bezoekers", today.AddDays(-1), team.Member.Id), (row.CriterionId, row.Value, row.MeasuredOn, row.AuthorId));
        var page = await member.OpenAsync($"/proeven/{e.Id}");
        Assert.Contains("17 bezoekers", page.MainText, StringComparison.Ordinal);

        using var observer = await factory.SignInAsync(team.Observer.Email!);
        using (var denied = await observer.GetAsync($"/proeven/{e.Id}/meting"))
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        using (var denied = await observer.PostAsync($"/proeven/{e.Id}/meting", new Dictionary<string, string> { ["Input.CriterionId"] = Str(e.Criterion), ["Input.Value"] = "3", ["Input.MeasuredOn"] = ExperimentData.Iso(today) }))
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Set<Measurement>().CountAsync(m => m.ExperimentId == e.Id)));
    }

    [Fact]
    public async Task Regelruimte_that_lapses_within_14_days_is_warned_about_on_the_page_and_the_list()
    {
        var team = await factory.Data.TeamProjectAsync();
        var today = factory.Today();
        var soon = await factory.ExperimentAsync(team.Id, ExperimentStatus.Running, ruleUntil: today.AddDays(5), title: "Bijna verlopen");
        var later = await factory.ExperimentAsync(team.Id, ExperimentStatus.Running, ruleUntil: today.AddDays(40), title: "Nog lang");
        var ended = await factory.ExperimentAsync(team.Id, ExperimentStatus.Ended, ruleUntil: today.AddDays(-3), title: "Al klaar");
        using var anonymous = factory.NewBrowser();
        var page = await anonymous.OpenAsync($"/proeven/{soon.Id}");
        Assert.Contains("Let op: regelruimte loopt af", page.MainText, StringComparison.Ordinal);
        Assert.Contains("Loopt af over 5 dagen", page.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain("Let op: regelruimte loopt af", (await anonymous.OpenAsync($"/proeven/{later.Id}")).MainText, StringComparison.Ordinal);
        Assert.DoesNotContain("Let op: regelruimte loopt af", (await anonymous.OpenAsync($"/proeven/{ended.Id}")).MainText, StringComparison.Ordinal);

        var list = await anonymous.OpenAsync($"/projecten/{team.Id}/proeven");
        var warning = list.Document.QuerySelector(".pt-callout--warning")?.TextContent ?? "";
        Assert.Contains("Bijna verlopen", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("Nog lang", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("Al klaar", warning, StringComparison.Ordinal);
        var rows = list.Document.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Contains(rows, r => r.Contains("Nog lang", StringComparison.Ordinal) && r.Contains("Loopt", StringComparison.Ordinal) && r.Contains("30", StringComparison.Ordinal));
        // The workspace link on the project page.
        var project = await anonymous.OpenAsync($"/projecten/{team.Id}");
        Assert.Contains(project.Document.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/projecten/{team.Id}/proeven");
    }
}
