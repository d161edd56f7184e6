using System.Globalization;
using System.Text.RegularExpressions;

namespace Proeftuin.Tests.Web;

/// <summary>
/// Keeps the English texts complete: every Dutch localizer key in src/Proeftuin needs an entry in
/// Resources/SharedResource.en.resx or in its feature's Features/&lt;X&gt;/Texts.en.resx. The keys are found with the same plain patterns as
/// tools/i18n-keys.py (its header explains each one): change both together. To see what is missing,
/// run <c>tools/i18n-keys.py --missing</c>.
/// </summary>
public sealed class LocalizationCoverageTests
{
    private const string ResxPath = "the English resource files (Resources/SharedResource.en.resx, Features/<X>/Texts.en.resx)";

    // A C# string literal; group 1 is its body (still escaped).
    private const string Str = @"""((?:[^""\\\n]|\\.)*)""";
    // The same without a capturing group.
    private const string Lit = @"""(?:[^""\\\n]|\\.)*""";
    // A literal that reads like a sentence (a space, and . ! or ? at the end); group 1 is its body.
    private const string Sentence = @"""((?:[^""\\\n]|\\.)* (?:[^""\\\n]|\\.)*[.!?])""";
    // One simple argument: a literal, or an expression without commas and quotes, with at most one
    // pair of (non-nested) parentheses, such as nameof(Title) or field.
    private const string Arg = "(?:" + Lit + @"|[^,""()]+(?:\([^()]*\))?)";

    private const string Cs = @"\.cs$";
    private const string Cshtml = @"\.cshtml$";
    private const string Any = @"\.(?:cs|cshtml)$";

    private sealed record KeyPattern(string Name, Regex Files, Regex Key);

    private static KeyPattern P(string name, string files, string key) => new(name, new Regex(files), new Regex(key));

    private static readonly KeyPattern[] Patterns =
    [
        P("localizer", Any, @"\b[lL]\[\s*" + Str),
        P("crumb", Cshtml, @"\bnew(?:\s+Crumb)?\(\s*" + Str),
        P("Validation.Add", Cs, @"\bAdd\(\s*" + Arg + @"\s*,\s*" + Str),
        P("Validation.Enum", Cs, @"\bEnum\(\s*" + Arg + @"\s*,\s*" + Arg + @"\s*,\s*" + Str),
        P("label:", Cs, @"\blabel:\s*" + Str),
        P("Outcome.Invalid", Cs, @"\bInvalid\(\s*" + Arg + @"\s*,\s*" + Str),
        P("flash", Cs, @"\bFlash\(\s*" + Str),
        P("sentence", @"\.cshtml\.cs$", @"[(,]\s*" + Sentence),
        P("switch arm", Cs, @"=>\s*" + Str + @"\s*,"),
        P("BadQuery", Cs, @"\bBadQuery\(\s*" + Arg + @"\s*,\s*" + Arg + @"\s*,\s*" + Str),
        P("Features const", @"^Features/.*\.cs$", @"\bconst\s+string\s+\w+\s*=\s*" + Str + @"\s*;"),
        P("demo roles", @"^Data/DemoData\.cs$", @"\bnew\(\s*""[^""@]*@[^""]*""\s*,\s*" + Lit + @"\s*,\s*[\w.]+\s*,\s*" + Str + @"\s*\)"),
        P("select options", @"^Shared/Options\.cs$", @"\bnew(?:\s+SelectListItem)?\(\s*" + Str + @"\s*,"),
        P("workspace link", Cs, @"\bnew\s+WorkspaceLink\(\s*" + Str),
    ];

    // pt-field: first the whole tag (quoted values may contain >), then its label/hint attributes.
    private static readonly Regex PtFieldTag = new(@"<pt-field\b(?:[^>""]|""[^""]*"")*>");
    private static readonly Regex PtFieldAttr = new(@"\s(?:label|hint)\s*=\s*""([^""]*)""");
    private static readonly Regex Escape = new(@"\\(u[0-9a-fA-F]{4}|.)");
    private static readonly Regex Placeholder = new(@"\{\d+\}");

    [Fact]
    public void EveryKeyHasAnEnglishText()
    {
        var keys = ExtractFromSource();
        Assert.NotEmpty(keys);
        var english = EnglishNames().ToHashSet(StringComparer.Ordinal);

        var missing = keys.Keys.Where(k => !english.Contains(k)).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0,
            $"{missing.Count} of {keys.Count} localizer keys have no English text in {ResxPath}. " +
            "Add a <data name=\"Dutch key\" xml:space=\"preserve\"><value>English</value></data> for each:\n" +
            string.Join("\n", missing.Select(k => $"  {k}    ({string.Join(", ", keys[k])})")));
    }

    /// <summary>Resource names are case-insensitive: of "Je naam" and "je naam" the build keeps only one.</summary>
    [Fact]
    public void TheEnglishFileHasNoDuplicateNames()
    {
        var duplicates = EnglishNames().GroupBy(n => n, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1).Select(g => "  " + string.Join(" | ", g)).ToList();

        Assert.True(duplicates.Count == 0,
            $"{ResxPath} has names more than once (names are case-insensitive):\n" + string.Join("\n", duplicates));
    }

    /// <summary>Two keys that differ only in case cannot both have an English text (see above): change one Dutch text.</summary>
    [Fact]
    public void NoTwoKeysDifferOnlyInCase()
    {
        var keys = ExtractFromSource();
        var clashes = keys.Keys.GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
            .Select(g => "  " + string.Join(" | ", g.Select(k => $"{k} ({string.Join(", ", keys[k])})"))).ToList();

        Assert.True(clashes.Count == 0,
            "These localizer keys differ only in case; resource names are case-insensitive, so only one of them " +
            "can have an English text. Change one of the Dutch texts:\n" + string.Join("\n", clashes));
    }

    [Fact]
    public void EnglishTextsKeepThePlaceholders()
    {
        var wrong = new List<string>();
        foreach (var (_, data) in EnglishTexts.Entries())
        {
            var name = (string?)data.Attribute("name") ?? "";
            var value = (string?)data.Element("value") ?? "";
            var expected = Placeholders(name);
            var actual = Placeholders(value);
            if (value.Trim().Length == 0 || !expected.SetEquals(actual))
                wrong.Add($"  {name}  =>  {value}");
        }

        Assert.True(wrong.Count == 0,
            $"These English texts are empty or do not have the same {{0}} placeholders as their Dutch key:\n" + string.Join("\n", wrong));
    }

    /// <summary>Shows the check can fail: a new text without an English entry is found and reported as missing.</summary>
    [Theory]
    [InlineData("Features/Demo/New.cshtml", "<p>@L[\"Een nieuwe zin zonder vertaling\"]</p>", "Een nieuwe zin zonder vertaling")]
    [InlineData("Features/Demo/New.cshtml", "<h1>@L[\"Nieuw van {0} tot {1}\", a, b]</h1>", "Nieuw van {0} tot {1}")]
    [InlineData("Features/Demo/New.cshtml", "<pt-field for=\"Input.X\" label=\"Een nieuw veld\" max-length=\"@(1 > 0 ? 2 : 3)\" />", "Een nieuw veld")]
    [InlineData("Features/Demo/New.cshtml", "<pt-field for=\"Input.X\" label=\"Titel\" hint=\"Een nieuwe hint\" />", "Een nieuwe hint")]
    [InlineData("Features/Demo/NewUseCase.cs", "v.Add(nameof(Title), \"Een nieuwe foutmelding.\");", "Een nieuwe foutmelding.")]
    [InlineData("Features/Demo/New.cshtml.cs", "this.Flash(\"Een nieuwe \\\"melding\\\".\");", "Een nieuwe \"melding\".")]
    [InlineData("Features/Demo/New.cshtml.cs", "ChangeAsync(id, () => change.RunAsync(id, ct), \"Het is nieuw gewijzigd.\");", "Het is nieuw gewijzigd.")]
    public void ANewTextWithoutTranslationIsReported(string file, string source, string expectedKey)
    {
        var keys = new Dictionary<string, List<string>>(StringComparer.Ordinal);

        Extract(file, source, keys);

        Assert.Contains(expectedKey, keys.Keys);
        Assert.DoesNotContain(expectedKey, EnglishNames());
    }

    private static HashSet<string> Placeholders(string text) =>
        Placeholder.Matches(text).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Proeftuin.slnx")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No Proeftuin.slnx above {AppContext.BaseDirectory}.");
    }

    private static List<string> EnglishNames() => EnglishTexts.Names();

    /// <summary>Key → where it was found (path:line), for every .cs and .cshtml file of the app.</summary>
    private static Dictionary<string, List<string>> ExtractFromSource()
    {
        var source = Path.Combine(RepoRoot(), "src", "Proeftuin");
        var keys = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories)
            .Select(path => (Path: path, Rel: Path.GetRelativePath(source, path).Replace('\\', '/')))
            .Where(f => f.Rel.EndsWith(".cs", StringComparison.Ordinal) || f.Rel.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Rel.Split('/').Any(segment => segment is "bin" or "obj" or "wwwroot" or "node_modules"))
            .Where(f => !f.Rel.StartsWith("Data/Migrations/", StringComparison.Ordinal))
            .OrderBy(f => f.Rel, StringComparer.Ordinal);
        foreach (var (path, rel) in files)
            Extract(rel, File.ReadAllText(path), keys);
        return keys;
    }

    private static void Extract(string rel, string text, Dictionary<string, List<string>> keys)
    {
        void Add(string key, int position)
        {
            if (key.Trim().Length == 0) return;
            var place = $"{rel}:{text.AsSpan(0, position).Count('\n') + 1}";
            if (!keys.TryGetValue(key, out var places)) keys[key] = places = [];
            if (!places.Contains(place)) places.Add(place);
        }

        foreach (var pattern in Patterns.Where(p => p.Files.IsMatch(rel)))
        {
            foreach (Match m in pattern.Key.Matches(text))
                Add(Unescape(m.Groups[1].Value), m.Groups[1].Index);
        }

        if (rel.EndsWith(".cshtml", StringComparison.Ordinal))
        {
            foreach (Match tag in PtFieldTag.Matches(text))
            {
                foreach (Match m in PtFieldAttr.Matches(tag.Value))
                {
                    if (!m.Groups[1].Value.StartsWith('@'))
                        Add(m.Groups[1].Value, tag.Index + m.Groups[1].Index);
                }
            }
        }
    }

    /// <summary>Decodes the escapes of a regular C# string literal.</summary>
    private static string Unescape(string body) => Escape.Replace(body, m =>
    {
        var s = m.Groups[1].Value;
        return s[0] switch
        {
            'u' => ((char)int.Parse(s.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString(),
            '"' or '\\' or '\'' => s,
            'n' => "\n",
            't' => "\t",
            'r' => "\r",
            '0' => "\0",
            _ => m.Value,
        };
    });
}
