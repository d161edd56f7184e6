using System.Globalization;
using System.Text;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Audit;
using Proeftuin.Features.Stories;
using Proeftuin.Web;

namespace Proeftuin.Features.Signification;

/// <summary>A table of text and number cells; a null cell is empty.</summary>
public sealed record ExportTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows);

public sealed record ExportFile(string FileName, string ContentType, byte[] Content);

/// <summary>
/// Stories with their signification, for facilitators and evaluators, in the column style of
/// reference/self-signification.md. Only stories the exporter may read (never withdrawn ones); the title and text
/// only when the teller allowed quoting; no teller names or e-mail addresses at all.
/// </summary>
public sealed class ExportStories(AppDbContext db, ProjectAccess access, GetFramework frameworks, AuditLog audit)
{
    public async Task<Outcome<ExportTable>> TableAsync(int projectId, CancellationToken ct = default)
    {
        var permissions = await access.ForProjectAsync(projectId, ct);
        if (permissions is null) return Outcome<ExportTable>.NotFound();
        if (!permissions.CanExport) return Outcome<ExportTable>.Forbidden();
        var framework = (await frameworks.LoadAsync(projectId, ct))!;
        var signifiers = framework.Definition.Signifiers;

        var stories = await db.Stories.AsNoTracking().ReadableBy(permissions).OrderBy(s => s.Id)
            .Select(s => new
            {
                s.Id,
                s.CreatedAt,
                Prompt = s.Prompt == null ? null : s.Prompt.Text,
                s.KnowledgeSource,
                s.Scope,
                s.MayQuote,
                s.Title,
                s.Text,
                s.FrameworkVersion,
                s.SignificationJson,
            })
            .ToListAsync(ct);

        List<string> columns = ["story_id", "created", "prompt", "perspective", "consent_scope", "may_quote", "title", "text", "framework_version"];
        foreach (var s in signifiers) columns.AddRange(Columns(s));

        var rows = new List<IReadOnlyList<object?>>();
        foreach (var story in stories)
        {
            var answers = SignificationAnswers.FromJson(story.SignificationJson);
            var row = new List<object?>
            {
                story.Id,
                story.CreatedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                story.Prompt,
                // The export's names are the API's (ADR 0017): fixed, not member names.
                Members.MemberSlugs.Perspective.Of(story.KnowledgeSource),
                StorySlugs.Scope.Of(story.Scope),
                story.MayQuote ? 1 : 0,
                story.MayQuote ? story.Title : null,
                story.MayQuote ? story.Text : null,
                answers is null ? null : story.FrameworkVersion,
            };
            foreach (var s in signifiers) row.AddRange(Cells(s, answers?.For(s.Id)));
            rows.Add(row);
        }
        return Outcome<ExportTable>.Ok(new ExportTable(columns, rows));
    }

    /// <summary>The column names of one signifier, e.g. hulp_percentX, hulp_eigen-kracht, hulp_NA.</summary>
    internal static IEnumerable<string> Columns(Signifier s) => s.Type switch
    {
        SignifierType.Triad => [$"{s.Id}_percentX", $"{s.Id}_percentY", $"{s.Id}_{s.Top.Id}", $"{s.Id}_{s.Left.Id}", $"{s.Id}_{s.Right.Id}", $"{s.Id}_NA"],
        SignifierType.Dyad => [$"{s.Id}_percentX", $"{s.Id}_NA"],
        SignifierType.Stones => (s.Stones ?? []).SelectMany(st => new[] { $"{s.Id}_{st.Id}_percentX", $"{s.Id}_{st.Id}_percentY" }).Append($"{s.Id}_NA"),
        _ => (s.Items ?? []).Select(i => $"{s.Id}_{i.Id}").Append($"{s.Id}_NA"),
    };

    private static IEnumerable<object?> Cells(Signifier s, SignifierAnswer? a)
    {
        object? Na() => a is null ? null : a.Na ? 1 : 0;
        switch (s.Type)
        {
            case SignifierType.Triad:
                var t = a?.Triad;
                return [t is null ? null : a!.X, t is null ? null : a!.Y, t?.Top, t?.Left, t?.Right, Na()];
            case SignifierType.Dyad:
                return [a is { Na: false } ? a.X : null, Na()];
            case SignifierType.Stones:
                var cells = new List<object?>();
                foreach (var stone in s.Stones ?? [])
                {
                    var point = a is { Na: false, Stones: { } placed } && placed.TryGetValue(stone.Id, out var p) ? p : null;
                    cells.Add(point?.X);
                    cells.Add(point?.Y);
                }
                cells.Add(Na());
                return cells;
            default:
                var items = s.Items ?? [];
                var answeredList = a is { Na: false };
                return items.Select(i => (object?)(answeredList ? (a!.Choices ?? []).Contains(i.Id) ? 1 : 0 : null)).Append(Na());
        }
    }

    /// <summary>format is csv (the default) or xlsx; who may not export gets NotFound or Forbidden before the format is looked at.</summary>
    public async Task<Outcome<ExportFile>> RunAsync(int projectId, string? format, CancellationToken ct = default)
    {
        var table = await TableAsync(projectId, ct);
        if (!table.IsOk) return table.Status == OutcomeStatus.NotFound ? Outcome<ExportFile>.NotFound() : Outcome<ExportFile>.Forbidden();
        var name = $"verhalen-project-{projectId}";
        ExportFile file;
        if (string.IsNullOrEmpty(format) || string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
            file = new ExportFile(name + ".csv", "text/csv; charset=utf-8", ToCsv(table.Value!));
        else if (string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase))
            file = new ExportFile(name + ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ToXlsx(table.Value!));
        else
            return Outcome<ExportFile>.Invalid("format", "Kies csv of xlsx als formaat.");
        await audit.RecordAsync(AuditAction.StoriesExported, projectId, AuditSubjects.Project, projectId.ToString(), detail: $"{(file.FileName.EndsWith(".csv", StringComparison.Ordinal) ? "CSV-bestand" : "Excel-bestand")}, {table.Value!.Rows.Count} verhalen", ct: ct);
        return Outcome<ExportFile>.Ok(file);
    }

    /// <summary>
    /// A spreadsheet runs a cell that starts with = + - or @ as a formula (CSV injection): such text gets a leading
    /// apostrophe, which Excel and LibreOffice read as "this is text".
    /// </summary>
    internal static string Defuse(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private static string Text(object? cell) => cell switch
    {
        null => "",
        string s => Defuse(s),
        double d => d.ToString("0.######", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Defuse(cell.ToString() ?? ""),
    };

    /// <summary>
    /// UTF-8 with a byte order mark (so Excel reads the accents), comma-separated, CRLF, quoted where needed (RFC 4180).
    /// A semicolon as separator opens in Excel with Dutch settings without an import step (the programme dashboard).
    /// </summary>
    internal static byte[] ToCsv(ExportTable table, char separator = ',')
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = CsvWriter.Create(writer, new CsvWriterOptions
        {
            Separator = separator,
            NewLine = "\r\n",
            // Cells are defused above already; the library's guard stays on as a second line.
            Injection = CsvInjection.Escape,
            InjectionEscape = '\'',
        }, leaveOpen: true))
        {
            foreach (var c in table.Columns) csv.WriteField(c);
            csv.EndRecord();
            foreach (var row in table.Rows)
            {
                foreach (var cell in row) csv.WriteField(Text(cell));
                csv.EndRecord();
            }
        }
        return stream.ToArray();
    }

    /// <summary>One sheet, a header row, numbers as numbers and text as inline strings (never formulas).</summary>
    internal static byte[] ToXlsx(ExportTable table, string sheet = "Verhalen")
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(1, table.Columns.Cast<object?>().ToList()));
            for (var i = 0; i < table.Rows.Count; i++) data.Append(Row((uint)i + 2, table.Rows[i]));
            sheetPart.Worksheet = new Worksheet(data);
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = sheet });
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Row Row(uint index, IReadOnlyList<object?> cells)
    {
        var row = new Row { RowIndex = index };
        for (var i = 0; i < cells.Count; i++)
        {
            var reference = ColumnName(i) + index.ToString(CultureInfo.InvariantCulture);
            switch (cells[i])
            {
                case null:
                    break;
                case string s:
                    row.Append(new Cell(new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(Defuse(s)) { Space = SpaceProcessingModeValues.Preserve }))
                    { CellReference = reference, DataType = CellValues.InlineString });
                    break;
                case var number:
                    row.Append(new Cell(new CellValue(Text(number))) { CellReference = reference, DataType = CellValues.Number });
                    break;
            }
        }
        return row;
    }

    /// <summary>0 → A, 25 → Z, 26 → AA.</summary>
    internal static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26) name = (char)('A' + (index - 1) % 26) + name;
        return name;
    }
}
