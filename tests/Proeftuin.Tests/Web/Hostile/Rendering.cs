using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Proeftuin.Tests.Web.Hostile;

/// <summary>What "rendered unescaped" means for the sweep, on the raw body and on the parsed page.</summary>
public static partial class Rendering
{
    private static readonly HtmlParser Parser = new();

    [GeneratedRegex("<[a-zA-Z!/?]")]
    private static partial Regex MarkupStart();

    private static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcdoc"];
    private static readonly string[] ForbiddenElements = ["pt-xss", "iframe", "frame", "object", "embed", "base"];

    /// <summary>
    /// Problems visible in the raw body: a special string's markup start (e.g. <c>&lt;script&gt;ptXss</c>), or any sent
    /// value that contains markup and appears byte for byte (Razor encodes &lt; everywhere, so an exact copy is unescaped).
    /// </summary>
    public static IEnumerable<string> RawProblems(string body, IEnumerable<HostileString> sent)
    {
        foreach (var marker in HostileStrings.RawMarkers)
            if (body.Contains(marker, StringComparison.OrdinalIgnoreCase))
                yield return $"raw markup \"{marker}\" in the body";
        foreach (var s in sent)
            if (s.Value.Length >= 4 && MarkupStart().IsMatch(s.Value) && body.Contains(s.Value, StringComparison.Ordinal))
                yield return $"{s.Name} {Show(s.Value)} appears unescaped";
    }

    /// <summary>Problems in the parsed page: inline script, event-handler attributes, script addresses, frames, the marker element.</summary>
    public static IEnumerable<string> DomProblems(string body)
    {
        var document = Parser.ParseDocument(body);
        foreach (var script in document.QuerySelectorAll("script"))
            if (!script.HasAttribute("src") && script.GetAttribute("type") is not ("application/json" or "importmap"))
                yield return $"inline <script>: {Show(script.TextContent)}";
        foreach (var element in document.All)
        {
            var tag = element.LocalName;
            if (ForbiddenElements.Contains(tag))
                yield return $"<{tag}> element: {Show(element.OuterHtml)}";
            if (tag == "meta" && string.Equals(element.GetAttribute("http-equiv"), "refresh", StringComparison.OrdinalIgnoreCase))
                yield return $"meta refresh: {Show(element.OuterHtml)}";
            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                    yield return $"event handler {attribute.Name} on <{tag}>: {Show(element.OuterHtml)}";
                else if (UrlAttributes.Contains(attribute.Name) && IsScriptUrl(attribute.Value, tag))
                    yield return $"script address in {attribute.Name} of <{tag}>: {Show(attribute.Value)}";
            }
        }
    }

    /// <summary>javascript:, vbscript: or a data: address other than an image, the way a browser reads it (spaces and control characters ignored).</summary>
    public static bool IsScriptUrl(string value, string tag = "a")
    {
        var squeezed = new string(value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray()).ToLowerInvariant();
        squeezed = System.Net.WebUtility.HtmlDecode(squeezed);
        return squeezed.StartsWith("javascript:", StringComparison.Ordinal) || squeezed.StartsWith("vbscript:", StringComparison.Ordinal)
            || (squeezed.StartsWith("data:", StringComparison.Ordinal) && !(tag == "img" && squeezed.StartsWith("data:image/", StringComparison.Ordinal)));
    }

    public static string Show(string value)
    {
        var shown = value.Length > 120 ? value[..120] + $"…({value.Length} chars)" : value;
        return "\"" + string.Concat(shown.Select(c => char.IsControl(c) || char.IsSurrogate(c) ? $"\\u{(int)c:X4}" : c.ToString())) + "\"";
    }
}
