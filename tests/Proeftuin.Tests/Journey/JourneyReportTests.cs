using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Proeftuin.Features.Experiments;
using Proeftuin.Features.Journey;
using Proeftuin.Features.Thread;

namespace Proeftuin.Tests.Journey;

/// <summary>The journey report: chapters per phase on the page and in a Word document read back, a period, and what is refused.</summary>
public sealed class JourneyReportTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private static DateOnly Today => ExperimentDates.Today(TimeProvider.System);

    private Task AddEntryAsync(int projectId, JourneyEntryType type, string title, string text, DateOnly on) => factory.WithDbAsync(async db =>
    {
        db.Items.Add(new JourneyEntry
        {
            ProjectId = projectId,
            Type = type,
            Title = title,
            Text = text,
            Html = $"<p>{text}</p>",
            OccurredOn = on,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
            SearchTerms = DutchStems.ToSearchTerms(title, text),
        });
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task The_report_has_a_chapter_per_phase_on_the_page_and_in_Word()
    {
        var project = await factory.WithDbAsync(db => db.Projects.Where(p => p.Title == TestData.Loneliness).Select(p => p.Id).SingleAsync());
        using var reader = factory.NewBrowser();
        var page = await reader.OpenAsync($"/projecten/{project}/innovatiereis/verslag");
        var chapters = page.Document.QuerySelectorAll(".pt-report__chapter h2").Select(h => h.TextContent.Trim()).ToList();
        // The demo went Inleven → Probleem definiëren → Prototypen → back to Ideeën bedenken: four chapters, in that order.
        Assert.Equal(["Hoofdstuk 1: Inleven", "Hoofdstuk 2: Probleem definiëren", "Hoofdstuk 3: Prototypen", "Hoofdstuk 4: Ideeën bedenken"], chapters);
        Assert.Contains(Proeftuin.Data.DemoJourney.Issue, page.Document.QuerySelectorAll(".pt-report__chapter")[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Leervraag beantwoord", page.MainText, StringComparison.Ordinal);
        var docxLink = page.Document.QuerySelectorAll("a").Single(a => a.TextContent.Contains("Word-bestand", StringComparison.Ordinal)).GetAttribute("href")!;

        using var file = await reader.GetAsync(docxLink);
        Expect.Status(HttpStatusCode.OK, file);
        Assert.Equal(JourneyDocx.ContentType, file.Content.Headers.ContentType?.MediaType);
        await using var stream = new MemoryStream(await file.Content.ReadAsByteArrayAsync());
        using var word = WordprocessingDocument.Open(stream, false);
        var paragraphs = word.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().ToList();
        string? Style(Paragraph p) => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        Assert.Equal(TestData.Loneliness, paragraphs.First(p => Style(p) == "Title").InnerText);
        Assert.Equal(chapters, paragraphs.Where(p => Style(p) == "Heading1").Select(p => p.InnerText));
        Assert.Contains(paragraphs, p => Style(p) == "Heading2" && p.InnerText.Contains(Proeftuin.Data.DemoJourney.Issue, StringComparison.Ordinal));
        // Heading 1 is an outline level in the styles, so Word's navigation pane lists the chapters.
        Assert.Contains(word.MainDocumentPart.StyleDefinitionsPart!.Styles!.Elements<Style>(), s => s.StyleId == "Heading1" && s.StyleParagraphProperties?.OutlineLevel?.Val?.Value == 0);
    }

    [Fact]
    public async Task A_period_narrows_the_report_and_a_wrong_one_is_refused_in_Dutch()
    {
        var team = await factory.Data.TeamProjectAsync(Visibility.Open, Phase.Test);
        await AddEntryAsync(team.Id, JourneyEntryType.Issue, "Oude kwestie", "Lang geleden.", Today.AddDays(-20));
        await AddEntryAsync(team.Id, JourneyEntryType.LearningMoment, "Nieuw leermoment", "Met <script>alert('x')</script> erin.", Today);
        using var reader = factory.NewBrowser();
        var recent = await reader.OpenAsync($"/projecten/{team.Id}/innovatiereis/verslag?van={ExperimentDates.Iso(Today.AddDays(-1))}");
        Assert.Contains("Nieuw leermoment", recent.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain("Oude kwestie", recent.MainText, StringComparison.Ordinal);

        foreach (var (query, message) in new[]
        {
            ($"van={ExperimentDates.Iso(Today)}&tot={ExperimentDates.Iso(Today.AddDays(-5))}", "De einddatum ligt voor de begindatum."),
            ("van=gisteren", "is geen datum"),
        })
            using (var response = await reader.GetAsync($"/projecten/{team.Id}/innovatiereis/verslag?{query}"))
            {
                Expect.Status(HttpStatusCode.BadRequest, response, query);
                await Expect.FormErrorAsync(response, message);
            }
        using (var pdf = await reader.GetAsync($"/projecten/{team.Id}/innovatiereis/verslag?format=pdf")) Expect.Status(HttpStatusCode.BadRequest, pdf);
        using (var wrongDocx = await reader.GetAsync($"/projecten/{team.Id}/innovatiereis/verslag?format=docx&tot=morgen"))
            Expect.Status(HttpStatusCode.BadRequest, wrongDocx);
    }

    [Fact]
    public async Task Too_big_a_report_asks_for_a_shorter_period_and_a_closed_project_has_none()
    {
        var team = await factory.Data.TeamProjectAsync(Visibility.Open, Phase.Test);
        await factory.WithDbAsync(async db =>
        {
            for (var i = 0; i <= GetJourneyReport.MaxMoments; i++)
                db.Items.Add(new JourneyEntry { ProjectId = team.Id, Type = JourneyEntryType.LearningMoment, Title = $"Moment {i}", OccurredOn = Today.AddDays(-(i % 300)), CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        using var reader = factory.NewBrowser();
        using (var big = await reader.GetAsync($"/projecten/{team.Id}/innovatiereis/verslag"))
            await Expect.FormErrorAsync(big, "Het verslag wordt te groot");
        var shorter = await reader.OpenAsync($"/projecten/{team.Id}/innovatiereis/verslag?van={ExperimentDates.Iso(Today.AddDays(-10))}");
        Assert.Equal(HttpStatusCode.OK, shorter.Status);

        var closed = await factory.Data.TeamProjectAsync(Visibility.MembersOnly);
        foreach (var url in new[] { $"/projecten/{closed.Id}/innovatiereis/verslag", $"/projecten/{closed.Id}/innovatiereis/verslag?format=docx" })
            using (var hidden = await reader.GetAsync(url)) Expect.Status(HttpStatusCode.NotFound, hidden, url);
    }
}
