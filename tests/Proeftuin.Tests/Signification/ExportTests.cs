using System.Globalization;
using System.Text;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Proeftuin.Features.Stories;

namespace Proeftuin.Tests.Signification;

public sealed class ExportTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private static string Url(int projectId, string format = "csv") => $"/projecten/{projectId}/verhalen/export?format={format}";

    private sealed record Setup(TeamProject Team, int Quotable, int NotQuotable, int TeamStory, int Withdrawn, string TellerEmail);

    private async Task<Setup> SetUpAsync()
    {
        var team = await factory.Data.TeamProjectAsync();
        var email = TestData.UniqueEmail("verteller");
        var prompt = await factory.PromptAsync(team.Id, "Vertel over een moment waarop je hulp kreeg");
        var quotable = await factory.StoryAsync(team.Id, scope: ConsentScope.Project, mayQuote: true, title: "=HYPERLINK(\"https://evil.example\")",
            text: "Café-eigenaar Zoë hielp mij, \"echt waar\", met een regel\nerbij.", promptId: prompt, tellerName: "Marieke de Vries", tellerEmail: email,
            answers: StoryData.Triad(54.425, 22.593, 22.982, dyad: 30, choice: "zorgen"));
        var notQuotable = await factory.StoryAsync(team.Id, scope: ConsentScope.PublicAnonymised, mayQuote: false, title: "Geheime titel",
            text: "Geheime tekst die niet geciteerd mag worden.", source: Perspective.Professional, tellerName: "Jan Jansen");
        var teamStory = await factory.StoryAsync(team.Id, scope: ConsentScope.Team, mayQuote: true, title: "Alleen voor het team", answers: StoryData.Triad(10, 80, 10));
        var withdrawn = await factory.StoryAsync(team.Id, scope: ConsentScope.Project, mayQuote: true, title: "Ingetrokken", withdrawn: true);
        return new Setup(team, quotable, notQuotable, teamStory, withdrawn, email);
    }

    private static List<Dictionary<string, string>> ReadCsv(byte[] bytes, out IReadOnlyList<string> headers)
    {
        // UTF-8 with a byte order mark, so Excel reads the accents.
        Assert.True(bytes.Length > 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, "No UTF-8 byte order mark");
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.Contains("\r\n", text, StringComparison.Ordinal);
        using var csv = CsvReader.FromText(text, new CsvReaderOptions { Separator = ',', HasHeader = true, AllowLineBreaksInQuotes = true });
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            var row = new Dictionary<string, string>();
            for (var i = 0; i < csv.Headers.Count; i++) row[csv.Headers[i]] = csv.GetString(i);
            rows.Add(row);
        }
        headers = csv.Headers;
        return rows;
    }

    [Fact]
    public async Task Facilitator_exports_csv_in_the_reference_column_style()
    {
        var s = await SetUpAsync();
        using var facilitator = await factory.SignInAsync(s.Team.Facilitator.Email!);
        using var response = await facilitator.GetAsync(Url(s.Team.Id));
        Expect.Status(HttpStatusCode.OK, response);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(".csv", response.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var rows = ReadCsv(bytes, out var headers);

        Assert.Equal(["story_id", "created", "prompt", "perspective", "consent_scope", "may_quote", "title", "text", "framework_version",
            "hulp_percentX", "hulp_percentY", "hulp_eigen-kracht", "hulp_professionals", "hulp_omgeving", "hulp_NA",
            "regie_percentX", "regie_NA",
            "betrokkenen_gemeente_percentX", "betrokkenen_gemeente_percentY", "betrokkenen_hulpverlening_percentX", "betrokkenen_hulpverlening_percentY",
            "betrokkenen_familie_percentX", "betrokkenen_familie_percentY", "betrokkenen_buren_percentX", "betrokkenen_buren_percentY", "betrokkenen_NA",
            "gevoel_zorgen", "gevoel_vertrouwen", "gevoel_allebei", "gevoel_anders", "gevoel_NA"], headers);

        // The team story is there for the facilitator; the withdrawn one never is.
        Assert.Equal(new[] { s.Quotable, s.NotQuotable, s.TeamStory }.Select(i => i.ToString(CultureInfo.InvariantCulture)), rows.Select(r => r["story_id"]));

        var q = rows[0];
        Assert.Equal("Vertel over een moment waarop je hulp kreeg", q["prompt"]);
        Assert.Equal("Experience", q["perspective"]);
        Assert.Equal("Project", q["consent_scope"]);
        Assert.Equal("1", q["may_quote"]);
        Assert.Equal("'=HYPERLINK(\"https://evil.example\")", q["title"]);          // formula defused
        Assert.Equal("Café-eigenaar Zoë hielp mij, \"echt waar\", met een regel\nerbij.", q["text"]);
        Assert.Equal("0", q["framework_version"]);
        // The worked example of the reference, stored from percentages.
        Assert.Equal(0.54425, double.Parse(q["hulp_eigen-kracht"], CultureInfo.InvariantCulture), 5);
        Assert.Equal(0.22593, double.Parse(q["hulp_professionals"], CultureInfo.InvariantCulture), 5);
        Assert.Equal(0.22982, double.Parse(q["hulp_omgeving"], CultureInfo.InvariantCulture), 5);
        Assert.Equal(0.501945, double.Parse(q["hulp_percentX"], CultureInfo.InvariantCulture), 5);
        Assert.Equal(0.54425, double.Parse(q["hulp_percentY"], CultureInfo.InvariantCulture), 5);
        Assert.Equal("0", q["hulp_NA"]);
        Assert.Equal("0.3", q["regie_percentX"]);
        Assert.Equal("0.25", q["betrokkenen_gemeente_percentX"]);
        Assert.Equal("0.75", q["betrokkenen_gemeente_percentY"]);
        Assert.Equal("", q["betrokkenen_buren_percentX"]);
        Assert.Equal(("1", "0", "0", "0"), (q["gevoel_zorgen"], q["gevoel_vertrouwen"], q["gevoel_allebei"], q["gevoel_anders"]));

        // Not to be quoted: no title and no text; not signified: empty answer cells.
        var n = rows[1];
        Assert.Equal("0", n["may_quote"]);
        Assert.Equal("", n["title"]);
        Assert.Equal("", n["text"]);
        Assert.Equal("", n["hulp_percentX"]);
        Assert.Equal("", n["hulp_NA"]);
        Assert.Equal("", n["gevoel_zorgen"]);

        // No names, no e-mail addresses, no withheld text anywhere in the file.
        var all = Encoding.UTF8.GetString(bytes);
        foreach (var secret in new[] { "Marieke", "Jan Jansen", s.TellerEmail, "Geheime", "Ingetrokken", s.Team.Member.Email!, "@" })
            Assert.DoesNotContain(secret, all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluator_exports_xlsx_with_numbers_as_numbers()
    {
        var s = await SetUpAsync();
        var evaluator = await factory.Data.UserAsync(perspective: Perspective.Scientific);
        await factory.WithDbAsync(async db =>
        {
            db.Memberships.Add(new Membership { ProjectId = s.Team.Id, UserId = evaluator.Id, Role = ProjectRole.Evaluator, Perspective = Perspective.Scientific, JoinedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        using var browser = await factory.SignInAsync(evaluator.Email!);
        using var response = await browser.GetAsync(Url(s.Team.Id, "xlsx"));
        Expect.Status(HttpStatusCode.OK, response);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Single(sheets);
        var sheet = (WorksheetPart)workbook.GetPartById(sheets[0].Id!);
        var rows = sheet.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        Assert.Equal(4, rows.Count); // header, quotable, not quotable, team story (evaluators are the team)

        static string Text(Cell c) => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? "";
        var header = rows[0].Elements<Cell>().Select(Text).ToList();
        Assert.Equal("story_id", header[0]);
        Assert.Contains("hulp_eigen-kracht", header);
        Cell CellOf(Row row, string column) => row.Elements<Cell>().FirstOrDefault(c => c.CellReference!.Value!.StartsWith(ColumnLetters(header.IndexOf(column)), StringComparison.Ordinal)
            && char.IsDigit(c.CellReference.Value[ColumnLetters(header.IndexOf(column)).Length]))!;

        var first = rows[1];
        var id = CellOf(first, "story_id");
        Assert.Equal(CellValues.Number, id.DataType!.Value);
        Assert.Equal(s.Quotable.ToString(CultureInfo.InvariantCulture), id.CellValue!.Text);
        var top = CellOf(first, "hulp_eigen-kracht");
        Assert.Equal(CellValues.Number, top.DataType!.Value);
        Assert.Equal(0.54425, double.Parse(top.CellValue!.Text, CultureInfo.InvariantCulture), 5);
        Assert.Equal("'=HYPERLINK(\"https://evil.example\")", Text(CellOf(first, "title")));
        Assert.Equal("Café-eigenaar Zoë hielp mij, \"echt waar\", met een regel\nerbij.", Text(CellOf(first, "text")));
        // Not to be quoted: the title cell is left out.
        Assert.Null(CellOf(rows[2], "title"));
        var xml = string.Concat(rows.Select(r => r.OuterXml));
        Assert.DoesNotContain("Geheime", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("Ingetrokken", xml, StringComparison.Ordinal);
    }

    private static string ColumnLetters(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26) name = (char)('A' + (index - 1) % 26) + name;
        return name;
    }

    [Fact]
    public async Task Who_may_not_export()
    {
        var s = await SetUpAsync();
        using var member = await factory.SignInAsync(s.Team.Member.Email!);
        Expect.Status(HttpStatusCode.Forbidden, await member.GetAsync(Url(s.Team.Id)));
        using var observer = await factory.SignInAsync(s.Team.Observer.Email!);
        Expect.Status(HttpStatusCode.Forbidden, await observer.GetAsync(Url(s.Team.Id, "xlsx")));
        using var admin = await factory.SignInDemoAsync("beheerder");
        Expect.Status(HttpStatusCode.Forbidden, await admin.GetAsync(Url(s.Team.Id)));
        using var anonymous = factory.NewBrowser();
        Expect.RedirectToSignIn(await anonymous.GetAsync(Url(s.Team.Id)));

        // A facilitator of another (members-only) project gets nothing at all.
        var hidden = await factory.Data.TeamProjectAsync(Visibility.MembersOnly);
        await factory.StoryAsync(hidden.Id, scope: ConsentScope.Project, mayQuote: true, title: "Verborgen");
        using var otherFacilitator = await factory.SignInAsync(s.Team.Facilitator.Email!);
        Expect.Status(HttpStatusCode.NotFound, await otherFacilitator.GetAsync(Url(hidden.Id)));
        // And of an open project: readable, but not theirs to export.
        using var hiddenFacilitator = await factory.SignInAsync(hidden.Facilitator.Email!);
        Expect.Status(HttpStatusCode.Forbidden, await hiddenFacilitator.GetAsync(Url(s.Team.Id)));
    }

    [Fact]
    public async Task An_unknown_format_is_a_clear_400()
    {
        var s = await SetUpAsync();
        using var facilitator = await factory.SignInAsync(s.Team.Facilitator.Email!);
        using var response = await facilitator.GetAsync(Url(s.Team.Id, "pdf"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Kies csv of xlsx als formaat.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var noFormat = await facilitator.GetAsync($"/projecten/{s.Team.Id}/verhalen/export");
        Assert.Equal("text/csv", noFormat.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public void Formula_characters_are_defused_and_columns_are_named_like_a_spreadsheet()
    {
        Assert.Equal("'=1+1", Proeftuin.Features.Signification.ExportStories.Defuse("=1+1"));
        Assert.Equal("'+31 6", Proeftuin.Features.Signification.ExportStories.Defuse("+31 6"));
        Assert.Equal("'-2", Proeftuin.Features.Signification.ExportStories.Defuse("-2"));
        Assert.Equal("'@SUM(A1)", Proeftuin.Features.Signification.ExportStories.Defuse("@SUM(A1)"));
        Assert.Equal("gewoon", Proeftuin.Features.Signification.ExportStories.Defuse("gewoon"));
        Assert.Equal("", Proeftuin.Features.Signification.ExportStories.Defuse(""));
        Assert.Equal(["A", "Z", "AA", "AZ", "BA"], new[] { 0, 25, 26, 51, 52 }.Select(Proeftuin.Features.Signification.ExportStories.ColumnName));
    }
}
