using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Proeftuin.Features.Experiments;
using Proeftuin.Features.Projects;

namespace Proeftuin.Features.Journey;

/// <summary>
/// The journey report as a Word document: the same chapters as the printable page, with real heading styles (so Word's
/// navigation pane and a screen reader find the chapters). Written with the Open XML SDK; texts go in as text runs,
/// never as markup.
/// </summary>
public static class JourneyDocx
{
    public static readonly string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <param name="words">Localizes a key (labels, phase names) into the request's language.</param>
    public static byte[] Write(JourneyReport report, Func<string, string> words, Func<string, object[], string> format)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            var body = new Body();
            body.Append(Paragraph(report.ProjectTitle, "Title"));
            body.Append(Paragraph(format("Innovatiereis van {0} tot {1}", [ExperimentDates.Written(report.From), ExperimentDates.Written(report.To)]), null));
            body.Append(Paragraph(report.CentralQuestion, "Subtitle"));
            foreach (var chapter in report.Chapters)
            {
                body.Append(Paragraph(format("Hoofdstuk {0}: {1}", [chapter.Number, words(chapter.Phase.Label())]), "Heading1"));
                body.Append(Paragraph(chapter.To is { } end
                    ? format("Van {0} tot {1}", [ExperimentDates.Written(chapter.From), ExperimentDates.Written(end)])
                    : format("Vanaf {0}", [ExperimentDates.Written(chapter.From)]), null));
                if (chapter.Items.Count == 0) body.Append(Paragraph(words("In deze fase staat niets op de reis."), null));
                foreach (var item in chapter.Items)
                {
                    var label = item.Word is { } word ? format(item.Label, [words(word)]) : words(item.Label);
                    body.Append(Paragraph($"{ExperimentDates.Written(item.Day)} · {label}: {item.Title}", "Heading2"));
                    if (item.Until is { } until) body.Append(Paragraph(format("tot {0}", [ExperimentDates.Written(until)]), null));
                    foreach (var line in item.Plain.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                        body.Append(Paragraph(line, null));
                }
            }
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static Paragraph Paragraph(string text, string? style)
    {
        var p = new Paragraph();
        if (style is not null) p.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        // Control characters are refused when saved; the SDK would write any other character as text.
        p.Append(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return p;
    }

    /// <summary>Title, Subtitle and two heading levels, with their outline levels: what makes them headings in Word.</summary>
    private static void AddStyles(MainDocumentPart main)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        static Style Heading(string id, string name, int size, int? outline)
        {
            var paragraph = new StyleParagraphProperties(new SpacingBetweenLines { Before = "240", After = "120" }, new KeepNext());
            if (outline is { } level) paragraph.Append(new OutlineLevel { Val = level });
            return new Style(new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" }, new PrimaryStyle(),
                paragraph, new StyleRunProperties(new Bold(), new FontSize { Val = (size * 2).ToString(System.Globalization.CultureInfo.InvariantCulture) }))
            { Type = StyleValues.Paragraph, StyleId = id };
        }
        part.Styles = new Styles(
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle(), new StyleRunProperties(new FontSize { Val = "22" })) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            Heading("Title", "Title", 26, null),
            Heading("Subtitle", "Subtitle", 14, null),
            Heading("Heading1", "heading 1", 18, 0),
            Heading("Heading2", "heading 2", 12, 1));
        part.Styles.Save();
    }
}
