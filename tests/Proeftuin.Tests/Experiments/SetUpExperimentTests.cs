using Proeftuin.Features.Experiments;
using Proeftuin.Features.Thread;
using Proeftuin.Tests.Thread;

namespace Proeftuin.Tests.Experiments;

public sealed class SetUpExperimentTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    [Fact]
    public async Task A_member_sets_up_a_proef_for_a_prototype_with_criteria_and_regelruimte_linked_on_the_thread()
    {
        var team = await factory.Data.TeamProjectAsync(phase: Phase.Test);
        var prototype = await factory.PrototypeAsync(team.Id);
        using var member = await factory.SignInAsync(team.Member.Email!);
        var page = await member.OpenAsync($"/projecten/{team.Id}/proeven/nieuw?prototype={prototype}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        // The prototype from the address is chosen already.
        Assert.Equal(prototype.ToString(System.Globalization.CultureInfo.InvariantCulture),
            page.Document.QuerySelector("select[name='Input.PrototypeId'] option[selected]")?.GetAttribute("value"));
        var today = factory.Today();
        var fields = ExperimentData.SetupFields(today, prototype, ("Input.Criteria[1].What", "Bezoekers voelen zich welkom"),
            ("Input.Criteria[1].Measure", "Korte vragenlijst"), ("Input.Criteria[1].Threshold", "Gemiddeld 7 of hoger"));
        using var saved = await member.SubmitAsync(page.FormFor("Input.Title"), fields);
        var id = Expect.RedirectToId(saved, "/proeven/");

        var row = await factory.WithDbAsync(db => db.Items.OfType<Experiment>().AsNoTracking().Include(e => e.Criteria).Include(e => e.Rules).SingleAsync(e => e.Id == id));
        Assert.Equal(team.Id, row.ProjectId);
        Assert.Equal(prototype, row.PrototypeId);
        Assert.Equal(ExperimentStatus.Preparing, row.Status);
        Assert.Equal(Phase.Test, row.Phase);
        Assert.Equal(team.Member.Id, row.AuthorId);
        Assert.Equal(today, row.StartsOn);
        Assert.Equal(today.AddDays(42), row.EndsOn);
        Assert.Equal(25, row.ParticipantCount);
        Assert.Contains("<strong>zondag</strong>", row.Html, StringComparison.Ordinal);
        Assert.Contains("<strong>altijd</strong>", row.SafetyHtml, StringComparison.Ordinal);
        Assert.Contains("<li>", row.MeasurementPlanHtml, StringComparison.Ordinal);
        Assert.Equal(["Meer bezoekers op zondag", "Bezoekers voelen zich welkom"], row.Criteria.OrderBy(c => c.Position).Select(c => c.What));
        var rule = Assert.Single(row.Rules);
        Assert.Equal(("Het buurthuis is op zondag dicht", "Wethouder Zorg", today.AddDays(60)), (rule.Rule, rule.ApprovedBy, rule.Until));
        Assert.Contains(" zondag ", row.SearchTerms, StringComparison.Ordinal);
        // Prototype leidt tot proef, saved with it.
        var link = await factory.WithDbAsync(db => db.Links.AsNoTracking().SingleAsync(l => l.ToId == id));
        Assert.Equal((prototype, LinkType.LeadsTo), (link.FromId, link.Type));

        // Anyone may read an open project's proef; the thread's own address sends there.
        using var anonymous = factory.NewBrowser();
        var shown = await anonymous.OpenAsync($"/proeven/{id}");
        Assert.Equal("Buurtkamer op zondag open", shown.H1);
        Assert.Contains("Het buurthuis is op zondag dicht", shown.MainText, StringComparison.Ordinal);
        Assert.Contains("Bezoekers voelen zich welkom", shown.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain(shown.Forms, f => f.Method == "post" && f.Action.Contains("handler=Start", StringComparison.Ordinal));
        using var thread = await anonymous.GetAsync($"/draad/{id}");
        Expect.Redirect(thread, $"/proeven/{id}");
        Assert.Contains(shown.Document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == $"/draad/{prototype}" || a.GetAttribute("href")!.EndsWith($"/{prototype}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_prototypes_the_form_says_to_make_one_first_and_an_empty_row_set_is_refused()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var member = await factory.SignInAsync(team.Member.Email!);
        var page = await member.OpenAsync($"/projecten/{team.Id}/proeven/nieuw");
        Assert.Contains("nog geen prototype", page.MainText, StringComparison.Ordinal);
        Assert.Contains(page.Document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == $"/projecten/{team.Id}/prototypes/nieuw");
        using var refused = await member.SubmitAsync(page.FormFor("Input.Title"), new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var again = await HtmlPage.ReadAsync(refused, page.Url);
        Assert.Contains("Kies het prototype dat je gaat testen.", again.ErrorText, StringComparison.Ordinal);
        Assert.Contains("Vul minstens één succescriterium in", again.ErrorText, StringComparison.Ordinal);
        Assert.Equal(0, await factory.ExperimentCountAsync(team.Id));
    }

    public static TheoryData<string, string, string> BadFields => new()
    {
        { "Input.EndsOn", "BEFORE", "De einddatum ligt voor de begindatum" },
        { "Input.EndsOn", "31-02-2026", "is geen datum" },
        { "Input.StartsOn", "morgen", "is geen datum" },
        { "Input.StartsOn", "1899-01-01", "ligt te ver weg" },
        { "Input.EndsOn", "FAR", "hoogstens vijf jaar" },
        { "Input.Criteria[0].Measure", "", "Een criterium zonder meting kan niet" },
        { "Input.Criteria[0].Threshold", "", "Vul de drempel in." },
        { "Input.Rules[0].ApprovedBy", "", "Vul wie toestemming gaf in." },
        { "Input.Rules[0].Until", "BEFORE", "De regelruimte houdt op voordat de proef begint" },
        { "Input.ParticipantCount", "veel", "Vul een aantal deelnemers in tussen 1 en" },
        { "Input.ParticipantCount", "0", "Vul een aantal deelnemers in tussen 1 en" },
        { "Input.ParticipantCount", "99999999999", "Vul een aantal deelnemers in tussen 1 en" },
        { "Input.Safety", "", "Vul de voorwaarden voor veiligheid en toestemming in." },
        { "Input.Title", "LONG", "is te lang: maximaal 200 tekens" },
        { "Input.Hypothesis", "Met \u0001 erin", "bevat tekens die niet kunnen" },
        { "Input.PrototypeId", "OTHER", "Kies een prototype van dit project." },
        { "Input.PrototypeId", "ITEM", "Kies een prototype van dit project." },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task Bad_input_gets_a_Dutch_message_at_its_field_and_saves_nothing(string field, string value, string message)
    {
        var team = await factory.Data.TeamProjectAsync();
        var prototype = await factory.PrototypeAsync(team.Id);
        var other = await factory.Data.ProjectAsync();
        var today = factory.Today();
        value = value switch
        {
            "BEFORE" => ExperimentData.Iso(today.AddDays(-1)),
            "FAR" => ExperimentData.Iso(today.AddYears(6)),
            "LONG" => TestData.Long(201),
            "OTHER" => (await factory.PrototypeAsync(other)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "ITEM" => (await factory.ItemAsync(team.Id, ItemKind.Insight, "Geen prototype")).ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => value,
        };
        using var member = await factory.SignInAsync(team.Member.Email!);
        using var response = await member.SetUpAsync(team.Id, ExperimentData.SetupFields(today, prototype, (field, value)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await HtmlPage.ReadAsync(response, "/");
        var id = Microsoft.AspNetCore.Mvc.Rendering.TagBuilder.CreateSanitizedId(field, "_");
        var error = page.Document.GetElementById(id + "-error")?.TextContent ?? "";
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Equal("true", page.Document.GetElementById(id)?.GetAttribute("aria-invalid"));
        Assert.Equal(0, await factory.ExperimentCountAsync(team.Id));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Links.CountAsync(l => l.FromId == prototype)));
    }

    [Fact]
    public async Task Html_and_script_are_shown_as_text_and_rendered_markdown_is_sanitised()
    {
        var team = await factory.Data.TeamProjectAsync();
        var prototype = await factory.PrototypeAsync(team.Id);
        using var member = await factory.SignInAsync(team.Member.Email!);
        using var saved = await member.SetUpAsync(team.Id, ExperimentData.SetupFields(factory.Today(), prototype,
            ("Input.Title", TestData.Script), ("Input.Hypothesis", TestData.Script + " <img src=x onerror=alert(1)>"), ("Input.Criteria[0].What", TestData.Script)));
        var id = Expect.RedirectToId(saved, "/proeven/");
        var page = await member.OpenAsync($"/proeven/{id}");
        Assert.Equal(TestData.Script, page.H1);
        Assert.DoesNotContain("<script>alert", page.Text, StringComparison.Ordinal);
        Assert.Empty(page.Document.QuerySelectorAll("main [onerror], main script, main img"));
        Assert.Contains(TestData.Script, page.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Who_may_not_set_up_a_proef_is_refused_and_nothing_is_saved()
    {
        var team = await factory.Data.TeamProjectAsync();
        var closed = await factory.Data.TeamProjectAsync(Visibility.MembersOnly);
        var prototype = await factory.PrototypeAsync(team.Id);
        var closedPrototype = await factory.PrototypeAsync(closed.Id);
        var stranger = await factory.Data.UserAsync();
        var otherProject = await factory.Data.ProjectAsync(null, Visibility.Open, Phase.Empathize, null, (stranger, ProjectRole.Facilitator));
        Assert.True(otherProject > 0);
        var today = factory.Today();

        using var anonymous = factory.NewBrowser();
        using (var r = await anonymous.GetAsync($"/projecten/{team.Id}/proeven/nieuw")) Expect.RedirectToSignIn(r);
        using (var observer = await factory.SignInAsync(team.Observer.Email!))
        {
            using var r = await observer.GetAsync($"/projecten/{team.Id}/proeven/nieuw");
            Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
            using var post = await observer.PostAsync($"/projecten/{team.Id}/proeven/nieuw", ExperimentData.SetupFields(today, prototype));
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        }
        using (var other = await factory.SignInAsync(stranger.Email!))
        {
            // Another project's facilitator is a stranger here: may read an open project, not add to it; sees nothing of a closed one.
            using var open = await other.PostAsync($"/projecten/{team.Id}/proeven/nieuw", ExperimentData.SetupFields(today, prototype));
            Assert.Equal(HttpStatusCode.Forbidden, open.StatusCode);
            using var hidden = await other.PostAsync($"/projecten/{closed.Id}/proeven/nieuw", ExperimentData.SetupFields(today, closedPrototype));
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
            using var list = await other.GetAsync($"/projecten/{closed.Id}/proeven");
            Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
        }
        Assert.Equal(0, await factory.ExperimentCountAsync(team.Id));
        Assert.Equal(0, await factory.ExperimentCountAsync(closed.Id));
    }
}
