using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Proeftuin.Features.Privacy;

/// <summary>
/// Turns the sections into the ZIP: gegevens.json (everything, for a computer) and overzicht.html (the same, to read;
/// one file without scripts, fonts or images from elsewhere, so it opens anywhere, also offline).
/// </summary>
public static class PersonalDataFiles
{
    public static readonly string JsonName = "gegevens.json";
    public static readonly string HtmlName = "overzicht.html";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        // Dutch letters stay readable; the file is data, never put into a page.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static byte[] Zip(PersonRef person, DateTime madeAt, IReadOnlyList<PersonalDataSection> sections)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, JsonName, JsonBytes(person, madeAt, sections));
            Write(zip, HtmlName, Encoding.UTF8.GetBytes(Html(person, madeAt, sections)));
        }
        return buffer.ToArray();
    }

    private static void Write(ZipArchive zip, string name, byte[] content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        using var stream = entry.Open();
        stream.Write(content);
    }

    public static byte[] JsonBytes(PersonRef person, DateTime madeAt, IReadOnlyList<PersonalDataSection> sections)
    {
        var root = new Dictionary<string, object?>
        {
            ["gemaakt"] = madeAt,
            ["voor"] = person.DisplayName,
            ["onderdelen"] = sections.ToDictionary(s => s.Key, s => (object)new Dictionary<string, object?> { ["titel"] = s.Title, ["uitleg"] = s.Note, ["gegevens"] = s.Rows }),
        };
        return JsonSerializer.SerializeToUtf8Bytes(root, Json);
    }

    public static string Html(PersonRef person, DateTime madeAt, IReadOnlyList<PersonalDataSection> sections)
    {
        var h = HtmlEncoder.Default;
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.Append("<title>Mijn gegevens in Proeftuin</title>\n<style>\n")
          .Append("body{font-family:system-ui,sans-serif;line-height:1.5;max-width:50rem;margin:0 auto;padding:1rem;color:#1a1a1a}")
          .Append("h1{font-size:1.8rem}h2{font-size:1.4rem;margin-top:2.5rem;border-top:2px solid #ccc;padding-top:1rem}")
          .Append(".item{border:1px solid #ccc;border-radius:4px;padding:.5rem 1rem;margin:1rem 0}dl{margin:0}dt{font-weight:bold;margin-top:.5rem}dd{margin-left:0;white-space:pre-wrap;overflow-wrap:anywhere}")
          .Append("dl dl{border-left:3px solid #ddd;padding-left:.75rem}")
          .Append("\n</style>\n</head>\n<body>\n<main>\n");
        sb.Append("<h1>Mijn gegevens in Proeftuin</h1>\n");
        sb.Append("<p>Dit zijn de gegevens die Proeftuin over jou bewaart, voor ").Append(h.Encode(person.DisplayName))
          .Append(". Gemaakt op ").Append(h.Encode(Day(madeAt))).Append(".</p>\n");
        sb.Append("<p>Hetzelfde staat ook in het bestand <code>gegevens.json</code>. Dat bestand is voor een computer, bijvoorbeeld als je je gegevens ergens anders wilt gebruiken.</p>\n");
        sb.Append("<p>Van anderen staat hier niets in: als iemand anders iets schreef bij jouw werk, staat er alleen dat het er is.</p>\n");
        sb.Append("<nav aria-label=\"Inhoud\"><h2>Inhoud</h2><ul>\n");
        foreach (var s in sections)
            sb.Append("<li><a href=\"#").Append(h.Encode(s.Key)).Append("\">").Append(h.Encode(s.Title)).Append("</a> (").Append(s.Rows.Count).Append(")</li>\n");
        sb.Append("</ul></nav>\n");
        foreach (var s in sections)
        {
            sb.Append("<section aria-labelledby=\"").Append(h.Encode(s.Key)).Append("\">\n<h2 id=\"").Append(h.Encode(s.Key)).Append("\">").Append(h.Encode(s.Title)).Append("</h2>\n");
            sb.Append("<p>").Append(h.Encode(s.Note)).Append("</p>\n");
            if (s.Rows.Count == 0) sb.Append("<p><em>Hierover bewaren we niets van jou.</em></p>\n");
            foreach (var row in s.Rows)
            {
                sb.Append("<div class=\"item\">");
                AppendRow(sb, row);
                sb.Append("</div>\n");
            }
            sb.Append("</section>\n");
        }
        sb.Append("</main>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static void AppendRow(StringBuilder sb, IReadOnlyDictionary<string, object?> row)
    {
        sb.Append("<dl>");
        foreach (var (key, value) in row)
        {
            if (value is null) continue;
            sb.Append("<dt>").Append(HtmlEncoder.Default.Encode(key)).Append("</dt><dd>");
            AppendValue(sb, value);
            sb.Append("</dd>");
        }
        sb.Append("</dl>");
    }

    private static void AppendValue(StringBuilder sb, object value)
    {
        switch (value)
        {
            case IReadOnlyDictionary<string, object?> nested:
                AppendRow(sb, nested);
                break;
            case JsonElement json:
                sb.Append(HtmlEncoder.Default.Encode(JsonSerializer.Serialize(json, Json)));
                break;
            case string text:
                sb.Append(HtmlEncoder.Default.Encode(text));
                break;
            case System.Collections.IEnumerable many:
                var any = false;
                foreach (var item in many)
                {
                    if (item is null) continue;
                    any = true;
                    sb.Append("<div>");
                    AppendValue(sb, item);
                    sb.Append("</div>");
                }
                if (!any) sb.Append("(geen)");
                break;
            case bool b:
                sb.Append(b ? "ja" : "nee");
                break;
            case DateTime d:
                sb.Append(HtmlEncoder.Default.Encode(Moment(d)));
                break;
            default:
                sb.Append(HtmlEncoder.Default.Encode(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""));
                break;
        }
    }

    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>"2 december 2026" in Dutch, whatever the thread's culture (the worker has no request).</summary>
    public static string Day(DateTime utc) => Local(utc).ToString("d MMMM yyyy", Dutch);

    private static string Moment(DateTime utc) => Local(utc).ToString("d MMMM yyyy, HH:mm", Dutch);

    private static DateTime Local(DateTime utc) => Shared.Dates.Local(utc);
}
