using Proeftuin.Features.Prototypes;
using Proeftuin.Features.Thread;
using Proeftuin.Tests.Thread;

namespace Proeftuin.Tests.Prototypes;

/// <summary>Aannames: the team adds, edits and removes them; the 2×2 names the risky, unsure ones "Eerst testen".</summary>
public sealed class AssumptionTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private async Task<(TeamProject Team, int Prototype)> PrototypeAsync(Visibility visibility = Visibility.Open)
    {
        var team = await factory.Data.TeamProjectAsync(visibility, Phase.Prototype);
        var idea = await factory.ItemAsync(team.Id, ItemKind.Idea, "Zondagkoffie");
        return (team, await factory.PrototypeAsync(team.Id, "Zondagkoffie als rollenspel", team.Facilitator.Id, idea));
    }

    private Task<List<Assumption>> RowsAsync(int prototype) =>
        factory.WithDbAsync(db => db.Set<Assumption>().AsNoTracking().Where(a => a.PrototypeId == prototype).OrderBy(a => a.Id).ToListAsync());

    private static async Task<HttpResponseMessage> AddAsync(Browser browser, int prototype, string text, string risk, string certainty)
    {
        var page = await browser.OpenAsync($"/prototypes/{prototype}/aannames");
        return await browser.SubmitAsync(page.FormFor("Input.Text"), new { Input_Text = text, Input_Risk = risk, Input_Certainty = certainty });
    }

    [Fact]
    public async Task The_team_adds_edits_and_removes_assumptions_and_the_map_shows_what_to_test_first()
    {
        var (team, prototype) = await PrototypeAsync();
        using var member = await factory.SignInAsync(team.Member.Email!);
        using (var added = await AddAsync(member, prototype, "Bewoners komen op zondag als er koffie is.", "High", "Unsure"))
            Expect.Redirect(added, $"/prototypes/{prototype}/aannames");
        using (var added = await AddAsync(member, prototype, "Het buurthuis is op zondag open.", "High", "Sure"))
            Expect.Redirect(added, $"/prototypes/{prototype}/aannames");
        using (var added = await AddAsync(member, prototype, "Vrijwilligers willen schenken.", "Low", "Unsure"))
            Expect.Redirect(added, $"/prototypes/{prototype}/aannames");
        var rows = await RowsAsync(prototype);
        Assert.Equal(3, rows.Count);
        Assert.Equal((AssumptionRisk.High, AssumptionCertainty.Unsure), (rows[0].Risk, rows[0].Certainty));
        Assert.Equal(team.Member.Id, rows[0].AuthorId);

        using var anonymous = factory.NewBrowser();
        var page = await anonymous.OpenAsync($"/prototypes/{prototype}");
        var svg = page.Document.QuerySelector("#aannames-sectie svg")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Contains("A1", svg.QuerySelector("desc")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("A2", svg.QuerySelector("desc")!.TextContent, StringComparison.Ordinal);
        // One dot per assumption, only the first in the highlighted quadrant; the table says the same in words.
        Assert.Equal(3, svg.QuerySelectorAll("circle").Length);
        Assert.Single(svg.QuerySelectorAll(".pt-map__dot--first"));
        var table = page.Document.QuerySelector("#aannames-sectie table")!;
        Assert.Equal(3, table.QuerySelectorAll("tbody tr").Length);
        Assert.Contains("Eerst testen", table.QuerySelector("tbody tr")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Eerst testen", table.QuerySelectorAll("tbody tr")[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("1 eerst testen", (await anonymous.OpenAsync($"/projecten/{team.Id}/prototypes")).MainText, StringComparison.Ordinal);

        var edit = await member.OpenAsync($"/prototypes/{prototype}/aannames/{rows[1].Id}");
        using (var saved = await member.SubmitAsync(edit.FormFor("Input.Text"), new { Input_Certainty = "Somewhat" }))
            Expect.Redirect(saved, $"/prototypes/{prototype}/aannames");
        Assert.Equal(AssumptionCertainty.Somewhat, (await RowsAsync(prototype))[1].Certainty);
        Assert.Equal(2, (await anonymous.OpenAsync($"/prototypes/{prototype}")).Document.QuerySelectorAll("#aannames-sectie .pt-map__dot--first").Length);

        var list = await member.OpenAsync($"/prototypes/{prototype}/aannames");
        var remove = list.Forms.First(f => f.Action.Contains("handler=Remove", StringComparison.Ordinal));
        using (var removed = await member.SubmitAsync(remove, new { })) Expect.Redirect(removed, $"/prototypes/{prototype}/aannames");
        Assert.Equal(2, (await RowsAsync(prototype)).Count);
    }

    [Fact]
    public async Task Bad_input_and_other_prototypes_assumptions_are_refused()
    {
        var (team, prototype) = await PrototypeAsync();
        var (otherTeam, otherPrototype) = await PrototypeAsync();
        using var member = await factory.SignInAsync(team.Member.Email!);
        foreach (var (text, risk, certainty, message) in new[]
        {
            ("", "High", "Sure", "Vul de aanname in."),
            (TestData.Long(501), "High", "Sure", "is te lang: maximaal 500 tekens."),
            ("Een aanname", "", "Sure", "Kies hoe groot het risico is als de aanname niet klopt."),
            ("Een aanname", "High", "", "Kies hoe zeker jullie zijn."),
            ("Een aanname", "99", "Sure", "niet geldig"),
            ("Een aanname", "Enorm", "Sure", "niet geldig"),
        })
        {
            var response = await AddAsync(member, prototype, text, risk, certainty);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            await Expect.FormErrorAsync(response, message);
        }
        Assert.Empty(await RowsAsync(prototype));

        // Another prototype's assumption is not there through this one.
        var theirs = await factory.WithDbAsync(async db =>
        {
            var a = new Assumption { PrototypeId = otherPrototype, Text = "Van een ander", Risk = AssumptionRisk.Low, Certainty = AssumptionCertainty.Sure, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
            db.Add(a);
            await db.SaveChangesAsync();
            return a.Id;
        });
        using (var get = await member.GetAsync($"/prototypes/{prototype}/aannames/{theirs}")) Expect.Status(HttpStatusCode.NotFound, get);
        using (var post = await member.PostAsync($"/prototypes/{prototype}/aannames?handler=Remove", new { assumptionId = theirs })) Expect.Status(HttpStatusCode.NotFound, post);
        using (var post = await member.PostAsync($"/prototypes/{prototype}/aannames/{theirs}", new { Input_Text = "Overschreven", Input_Risk = "High", Input_Certainty = "Sure" })) Expect.Status(HttpStatusCode.NotFound, post);
        Assert.Equal("Van een ander", (await RowsAsync(otherPrototype)).Single().Text);
        // Markup is text on every page that shows it.
        using (var added = await AddAsync(member, prototype, TestData.Script, "Medium", "Somewhat")) Expect.Redirect(added, $"/prototypes/{prototype}/aannames");
        Expect.ShownAsText(await member.OpenAsync($"/prototypes/{prototype}"));
        Expect.ShownAsText(await member.OpenAsync($"/prototypes/{prototype}/aannames"));
    }

    [Fact]
    public async Task Observers_strangers_and_signed_out_visitors_change_nothing()
    {
        var (team, prototype) = await PrototypeAsync();
        var mine = await factory.WithDbAsync(async db =>
        {
            var a = new Assumption { PrototypeId = prototype, Text = "Blijft staan", Risk = AssumptionRisk.High, Certainty = AssumptionCertainty.Unsure, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
            db.Add(a);
            await db.SaveChangesAsync();
            return a.Id;
        });
        var other = await factory.Data.TeamProjectAsync();
        using var observer = await factory.SignInAsync(team.Observer.Email!);
        using var stranger = await factory.SignInAsync(other.Facilitator.Email!);
        foreach (var browser in new[] { observer, stranger })
        {
            using (var get = await browser.GetAsync($"/prototypes/{prototype}/aannames")) Expect.Status(HttpStatusCode.Forbidden, get);
            using (var add = await browser.PostAsync($"/prototypes/{prototype}/aannames", new { Input_Text = "Niet van mij", Input_Risk = "High", Input_Certainty = "Sure" })) Expect.Status(HttpStatusCode.Forbidden, add);
            using (var edit = await browser.PostAsync($"/prototypes/{prototype}/aannames/{mine}", new { Input_Text = "Overschreven", Input_Risk = "Low", Input_Certainty = "Sure" })) Expect.Status(HttpStatusCode.Forbidden, edit);
            using (var remove = await browser.PostAsync($"/prototypes/{prototype}/aannames?handler=Remove", new { assumptionId = mine })) Expect.Status(HttpStatusCode.Forbidden, remove);
        }
        using var anonymous = factory.NewBrowser();
        using (var get = await anonymous.GetAsync($"/prototypes/{prototype}/aannames")) Expect.RedirectToSignIn(get);
        Assert.Equal("Blijft staan", (await RowsAsync(prototype)).Single().Text);
        // Observers see the map, not the link to change it.
        var page = await observer.OpenAsync($"/prototypes/{prototype}");
        Assert.Single(page.Document.QuerySelectorAll("#aannames-sectie circle"));
        Assert.DoesNotContain(page.Document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == $"/prototypes/{prototype}/aannames");
    }

    [Theory]
    [InlineData(AssumptionRisk.Low, AssumptionCertainty.Unsure, false)]
    [InlineData(AssumptionRisk.High, AssumptionCertainty.Sure, false)]
    [InlineData(AssumptionRisk.Medium, AssumptionCertainty.Somewhat, true)]
    [InlineData(AssumptionRisk.High, AssumptionCertainty.Unsure, true)]
    public void The_quadrant_and_the_drawing_agree(AssumptionRisk risk, AssumptionCertainty certainty, bool first)
    {
        Assert.Equal(first, Assumption.TestFirst(risk, certainty));
        // Upper right of the centre lines exactly when it is to be tested first.
        var right = AssumptionMap.XOf(certainty) > AssumptionMap.Left + AssumptionMap.PlotWidth / 2.0;
        var up = AssumptionMap.YOf(risk) < AssumptionMap.Top + AssumptionMap.PlotHeight / 2.0;
        Assert.Equal(first, right && up);
    }

    [Fact]
    public void Many_assumptions_in_one_spot_stay_in_their_quadrant_and_the_rest_is_counted()
    {
        var many = Enumerable.Range(1, 8).Select(i => new AssumptionView(i, i, "Aanname " + i, AssumptionRisk.High, AssumptionCertainty.Unsure)).ToList();
        var (dots, more) = AssumptionMap.Layout(many);
        Assert.Equal(AssumptionMap.PerSpot, dots.Count);
        Assert.Equal(2, Assert.Single(more).Count);
        Assert.All(dots, d => Assert.True(d.X - AssumptionMap.Radius > AssumptionMap.Left + AssumptionMap.PlotWidth / 2.0 && d.X + AssumptionMap.Radius < AssumptionMap.Left + AssumptionMap.PlotWidth
            && d.Y - AssumptionMap.Radius > AssumptionMap.Top && d.Y + AssumptionMap.Radius < AssumptionMap.Top + AssumptionMap.PlotHeight / 2.0, $"{d.X},{d.Y}"));
    }
}
