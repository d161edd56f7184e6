using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Proeftuin.BrowserTests.Infrastructure;

/// <summary>axe-core (from npm, copied next to the tests) run in the page against WCAG 2.1 A and AA.</summary>
public static class Axe
{
    private static readonly Lazy<string> Source = new(() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js")));

    private const string Run = """
        async () => {
          const result = await axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
            resultTypes: ['violations'],
          });
          return result.violations.map(v => ({
            id: v.id,
            impact: v.impact || '',
            help: v.help,
            nodes: v.nodes.map(n => ({ target: JSON.stringify(n.target), html: n.html, summary: n.failureSummary || '' })),
          }));
        }
        """;

    /// <summary>Fails with a readable list (rule, impact, selectors) when axe finds any WCAG 2.1 A/AA violation.</summary>
    public static async Task AssertNoAxeViolationsAsync(IPage page, string? label = null)
    {
        var violations = await FindViolationsAsync(page);
        if (violations.Count == 0) return;
        Assert.Fail(Describe(violations, label ?? page.Url, page.ViewportSize?.Width));
    }

    public static async Task<IReadOnlyList<AxeViolation>> FindViolationsAsync(IPage page)
    {
        // Evaluated through the DevTools protocol, so the app's CSP (no inline script) stays on and is tested too.
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
            await page.EvaluateAsync(Source.Value);
        var json = await page.EvaluateAsync<JsonElement>(Run);
        return json.Deserialize<List<AxeViolation>>(new JsonSerializerOptions(JsonSerializerDefaults.Web)) ?? [];
    }

    public static string Describe(IEnumerable<AxeViolation> violations, string where, int? width)
    {
        var text = new StringBuilder();
        text.Append("axe-core found WCAG 2.1 A/AA violations on ").Append(where);
        if (width is { } w) text.Append(" at ").Append(w).Append(" px");
        text.AppendLine(":");
        foreach (var v in violations)
        {
            text.Append("- ").Append(v.Id).Append(" (").Append(v.Impact).Append("): ").AppendLine(v.Help);
            foreach (var n in v.Nodes.Take(8))
            {
                text.Append("    ").Append(n.Target).Append("  ").AppendLine(Shorten(n.Html));
                if (n.Summary.Length > 0) text.Append("      ").AppendLine(Shorten(n.Summary.ReplaceLineEndings(" ")));
            }
            if (v.Nodes.Count > 8) text.Append("    … and ").Append(v.Nodes.Count - 8).AppendLine(" more");
        }
        return text.ToString();
    }

    private static string Shorten(string s) => s.Length <= 200 ? s : s[..200] + "…";
}

public sealed record AxeViolation(string Id, string Impact, string Help, List<AxeNode> Nodes);

public sealed record AxeNode(string Target, string Html, string Summary);
