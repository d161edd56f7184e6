using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Proeftuin.Features.Experiments;

namespace Proeftuin.Tests.Experiments;

public sealed class ReportExportApiTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private static string Str(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An ended proef with results, a decision and a lesson, made through the pages.</summary>
    private async Task<(TeamProject Team, SeededExperiment Experiment)> DecidedAsync(string title = "Zondag open")
    {
        var team = await factory.Data.TeamProjectAsync();
        var e = await factory.ExperimentAsync(team.Id, ExperimentStatus.Ended, title: title);
        await factory.ResultsAsync(e.Id, CriterionResult.Met);
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        using var r = await facilitator.PostAsync($"/proeven/{e.Id}/besluit", new Dictionary<string, string>
        {
            ["Input.Choice"] = "Continue",
            ["Input.Reasoning"] = "Het werkte.",
            ["Input.Lesson"] = "=HYPERLINK(\"http://x\") een les",
        });
        Expect.Redirect(r, $"/proeven/{e.Id}#besluit");
        return (team, e);
    }

    [Fact]
    public async Task The_report_shows_hypothesis_rules_criteria_results_decision_and_lesson()
    {
        var (team, e) = await DecidedAsync();
        using var anonymous = factory.NewBrowser();
        var report = await anonymous.OpenAsync($"/proeven/{e.Id}/verslag");
        Assert.Equal(HttpStatusCode.OK, report.Status);
        Assert.NotNull(report.Document.QuerySelector("article.pt-report"));
        var text = report.MainText;
        foreach (var part in new[] { "Als de buurtkamer op zondag open is", "Openingstijden buurthuis", "Wethouder Zorg", "Meer bezoekers", "Tellen bij de deur", "Gehaald", "Doorgaan (opschalen)", "Het werkte." })
            Assert.Contains(part, text, StringComparison.Ordinal);
        Assert.DoesNotContain(report.Forms, f => f.Method == "post");
        // The lesson is the team's until it is made public (ADR 0034): the team reads it in the report, others do not.
        Assert.DoesNotContain("een les", text, StringComparison.Ordinal);
        using var member = await factory.SignInAsync(team.Member.Email!);
        Assert.Contains("een les", (await member.OpenAsync($"/proeven/{e.Id}/verslag")).MainText, StringComparison.Ordinal);
        Assert.True(team.Id > 0);
    }

    [Fact]
    public async Task The_team_exports_csv_and_xlsx_with_formulas_defused_and_others_may_not()
    {
        var (team, e) = await DecidedAsync("=1+1 proef");
        using var member = await factory.SignInAsync(team.Member.Email!);
        using (var csv = await member.GetAsync($"/projecten/{team.Id}/proeven/export?format=csv"))
        {
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
            Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
            var body = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
            var lines = body.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.StartsWith("Proef,Naam,Status", lines[0], StringComparison.Ordinal);
            Assert.Equal(3, lines.Length); // a header and one line per criterion
            Assert.Contains("'=1+1 proef", lines[1], StringComparison.Ordinal);
            Assert.Contains("'=HYPERLINK", lines[1], StringComparison.Ordinal);
            Assert.Contains(",Ended,", lines[1], StringComparison.Ordinal);
            Assert.Contains(",Continue,", lines[1], StringComparison.Ordinal);
            Assert.StartsWith(Str(e.Id) + ",", lines[2], StringComparison.Ordinal);
        }
        using (var xlsx = await member.GetAsync($"/projecten/{team.Id}/proeven/export?format=xlsx"))
        {
            Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
            using var zip = new ZipArchive(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
            var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open()).ReadToEnd();
            Assert.Contains("'=1+1 proef", sheet, StringComparison.Ordinal);
            Assert.DoesNotContain("<x:f>", sheet, StringComparison.Ordinal);
            Assert.DoesNotContain("<f>", sheet, StringComparison.Ordinal);
        }
        using (var bad = await member.GetAsync($"/projecten/{team.Id}/proeven/export?format=pdf"))
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using (var observer = await factory.SignInAsync(team.Observer.Email!))
        using (var denied = await observer.GetAsync($"/projecten/{team.Id}/proeven/export?format=csv"))
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        using var anonymous = factory.NewBrowser();
        using (var r = await anonymous.GetAsync($"/projecten/{team.Id}/proeven/export?format=csv")) Expect.RedirectToSignIn(r);
        Assert.True(await factory.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.ProjectId == team.Id && a.Action == Proeftuin.Features.Audit.AuditAction.ExperimentsExported)));
    }

    [Fact]
    public async Task The_api_gives_the_whole_proef_with_slugs_and_hides_a_closed_project()
    {
        var (team, e) = await DecidedAsync();
        using var anonymous = factory.NewBrowser();
        var json = await anonymous.GetJsonAsync($"/api/v1/experiments/{e.Id}");
        Assert.Equal("Ended", json.GetProperty("status").GetString());
        Assert.Equal(20, json.GetProperty("participants").GetProperty("count").GetInt32());
        Assert.Equal(["Met", "Met"], json.GetProperty("criteria").EnumerateArray().Select(c => c.GetProperty("result").GetString()));
        Assert.Equal("Openingstijden buurthuis", json.GetProperty("rules")[0].GetProperty("rule").GetString());
        Assert.Equal("Continue", json.GetProperty("decision").GetProperty("choice").GetString());
        // The lesson stays in the team until it is made public (ADR 0034).
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("decision").GetProperty("lesson").ValueKind);
        using (var member = await factory.SignInAsync(team.Member.Email!))
            Assert.Contains("een les", (await member.GetJsonAsync($"/api/v1/experiments/{e.Id}")).GetProperty("decision").GetProperty("lesson").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(ExperimentData.Iso(factory.Today().AddDays(30)), json.GetProperty("endsOn").GetString());

        var closed = await factory.Data.TeamProjectAsync(Visibility.MembersOnly);
        var hidden = await factory.ExperimentAsync(closed.Id);
        using (var r = await anonymous.GetAsync($"/api/v1/experiments/{hidden.Id}")) Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        using (var r = await anonymous.GetAsync("/api/v1/experiments/999999999")) Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        Assert.True(team.Id > 0);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task The_api_logs_an_observation_through_the_same_use_case()
    {
        var team = await factory.Data.TeamProjectAsync();
        var e = await factory.ExperimentAsync(team.Id, ExperimentStatus.Running);
        var today = ExperimentData.Iso(factory.Today());
        using var member = await factory.SignInAsync(team.Member.Email!);
        using (var created = await member.Client.PostAsync(new Uri($"/api/v1/experiments/{e.Id}/observations", UriKind.Relative),
            Json($$"""{"text":"Via de app","observedOn":"{{today}}","knowledgeSource":"scientific","criterionId":{{e.Criterion}}}""")))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            using var doc = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
            Assert.Equal("Scientific", doc.RootElement.GetProperty("knowledgeSource").GetString());
        }
        var row = await factory.WithDbAsync(db => db.Items.OfType<Observation>().AsNoTracking().SingleAsync(o => o.ExperimentId == e.Id));
        Assert.Equal(("Via de app", Perspective.Scientific, e.Criterion), (row.Text, row.KnowledgeSource, row.CriterionId!.Value));
        var json = await member.GetJsonAsync($"/api/v1/experiments/{e.Id}");
        Assert.Equal(row.Id, json.GetProperty("observations")[0].GetProperty("id").GetInt32());
    }

    public static TheoryData<string, string, string> BadBodies => new()
    {
        { """{"text":"","observedOn":"TODAY"}""", "text", "Vul wat je zag of hoorde in." },
        { """{"text":"x","observedOn":"2999-01-01"}""", "observedOn", "ligt te ver weg" },
        { """{"text":"x","observedOn":"TOMORROW"}""", "observedOn", "De datum ligt in de toekomst" },
        { """{"text":"x"}""", "observedOn", "Vul de datum in." },
        { """{"text":"x","observedOn":"TODAY","knowledgeSource":"Buurt"}""", "knowledgeSource", "Kies een kennisbron" },
        { """{"text":"x","observedOn":"TODAY","criterionId":999999}""", "criterionId", "Kies een succescriterium van deze proef" },
        { """{"text":"Met \u0000 erin","observedOn":"TODAY"}""", "text", "bevat tekens die niet kunnen" },
        { """{"text":"TEXT5001","observedOn":"TODAY"}""", "text", "is te lang" },
        { """{"text":"x","observedOn":"TODAY","criterionId":"een"}""", "body", "geen geldige JSON" },
        { """[]""", "body", "geen geldige JSON" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_json_gets_field_errors_in_Dutch_and_saves_nothing(string json, string field, string message)
    {
        var team = await factory.Data.TeamProjectAsync();
        var e = await factory.ExperimentAsync(team.Id, ExperimentStatus.Running);
        var today = factory.Today();
        json = json.Replace("TOMORROW", ExperimentData.Iso(today.AddDays(1)), StringComparison.Ordinal)
            .Replace("TODAY", ExperimentData.Iso(today), StringComparison.Ordinal)
            .Replace("TEXT5001", TestData.Long(5001), StringComparison.Ordinal);
        using var member = await factory.SignInAsync(team.Member.Email!);
        using var response = await member.Client.PostAsync(new Uri($"/api/v1/experiments/{e.Id}/observations", UriKind.Relative), Json(json));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        using var doc = JsonDocument.Parse(body);
        Assert.Contains(message, doc.RootElement.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Items.OfType<Observation>().CountAsync(o => o.ProjectId == team.Id)));
    }

    [Fact]
    public async Task Who_may_not_log_through_the_api_is_refused()
    {
        var team = await factory.Data.TeamProjectAsync();
        var closed = await factory.Data.TeamProjectAsync(Visibility.MembersOnly);
        var e = await factory.ExperimentAsync(team.Id, ExperimentStatus.Running);
        var hidden = await factory.ExperimentAsync(closed.Id, ExperimentStatus.Running);
        var body = $$"""{"text":"Gezien","observedOn":"{{ExperimentData.Iso(factory.Today())}}"}""";
        using var anonymous = factory.NewBrowser();
        using (var r = await anonymous.Client.PostAsync(new Uri($"/api/v1/experiments/{e.Id}/observations", UriKind.Relative), Json(body)))
            Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
        using (var observer = await factory.SignInAsync(team.Observer.Email!))
        using (var r = await observer.Client.PostAsync(new Uri($"/api/v1/experiments/{e.Id}/observations", UriKind.Relative), Json(body)))
            Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
        var stranger = await factory.Data.UserAsync();
        using (var other = await factory.SignInAsync(stranger.Email!))
        using (var r = await other.Client.PostAsync(new Uri($"/api/v1/experiments/{hidden.Id}/observations", UriKind.Relative), Json(body)))
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        using (var member = await factory.SignInAsync(team.Member.Email!))
        using (var r = await member.Client.PostAsync(new Uri($"/api/v1/experiments/{e.Id}/observations", UriKind.Relative),
            new StringContent("text=Gezien", Encoding.UTF8, "application/x-www-form-urlencoded")))
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, r.StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Items.OfType<Observation>().CountAsync(o => o.ExperimentId == e.Id || o.ExperimentId == hidden.Id)));
    }
}
