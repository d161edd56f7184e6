using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace Proeftuin.BrowserTests.Infrastructure;

/// <summary>
/// Collects what goes wrong in the page itself: script errors, console errors (a CSP refusal shows
/// up there) and 5xx responses. Tests assert there are none.
/// </summary>
public static class PageProblems
{
    private static readonly ConditionalWeakTable<IPage, ConcurrentQueue<string>> Problems = new();

    public static void Watch(IPage page)
    {
        var list = Problems.GetOrCreateValue(page);
        page.PageError += (_, error) => list.Enqueue($"script error on {page.Url}: {error}");
        page.Console += (_, message) =>
        {
            // "Failed to load resource" repeats a response seen below, or is the browser's own /favicon.ico probe.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
                list.Enqueue($"console error on {page.Url}: {message.Text}");
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 500 || (response.Status >= 400 && response.Request.ResourceType != "document"))
                list.Enqueue($"HTTP {response.Status} for {response.Request.Method} {response.Url} ({response.Request.ResourceType})");
            else if (response.Request.ResourceType is "stylesheet" or "script" && !(response.Headers.TryGetValue("content-type", out var type) && type.Length > 0))
                list.Enqueue($"HTTP {response.Status} without a content type for {response.Url}: {string.Join("; ", response.Headers.Select(h => h.Key + "=" + h.Value))}");
        };
    }

    public static IReadOnlyList<string> Of(IPage page) =>
        Problems.TryGetValue(page, out var list) ? list.ToList() : [];

    /// <summary>Fails when the page logged a script error, a console error or got a 5xx. 404 pages visited on purpose log a console error: pass ignore.</summary>
    public static void AssertNone(IPage page, Func<string, bool>? ignore = null)
    {
        var problems = Of(page).Where(p => ignore is null || !ignore(p)).ToList();
        if (problems.Count > 0)
            Assert.Fail("Problems in the browser:\n- " + string.Join("\n- ", problems));
    }
}
