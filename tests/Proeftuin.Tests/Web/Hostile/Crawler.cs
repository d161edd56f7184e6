using AngleSharp.Html.Dom;

namespace Proeftuin.Tests.Web.Hostile;

/// <summary>Someone the sweep acts as: a name for messages and a signed-in (or not) browser.</summary>
public sealed record Role(string Name, Browser Browser)
{
    public override string ToString() => Name;
}

/// <summary>A field a person can fill in: its name, its kind (the input type, "textarea", "select", …) and its maxlength.</summary>
public sealed record FormField(string Name, string Kind, int? MaxLength = null)
{
    /// <summary>Free text: these take every string of the big list, in turn.</summary>
    public bool IsText => Kind is "text" or "textarea" or "search" or "email" or "url" or "tel" or "password";
}

/// <summary>A form found on a page: where it posts, its visible fields, and what a browser would send unchanged.</summary>
public sealed record FoundForm(
    Role Role, string PageUrl, PageRoute Target, string Action, string Handler, string Method, string? Enctype,
    IReadOnlyList<FormField> Fields, IReadOnlyList<KeyValuePair<string, string>> Defaults,
    KeyValuePair<string, string>? Submitter, IReadOnlyList<(PageRoute Page, string Handler)> OtherTargets)
{
    public string Key => $"{Method.ToUpperInvariant()} {Target.Template}?handler={Handler} [{string.Join(",", Fields.Select(f => f.Name).Order(StringComparer.Ordinal))}]";

    public override string ToString() => $"{Method.ToUpperInvariant()} {Action} (as {Role}, found on {PageUrl})";
}

/// <summary>
/// Walks the app as one role, from a few start pages along every local link, and collects every form it sees. Only
/// GET requests; each page template is visited a few times per role, so a list of 50 stories costs no more than 2.
/// </summary>
public sealed class Crawler(SiteMap map)
{
    /// <summary>Visits per page template and kind of query (?soort=klantreis differs from ?soort=inzicht, ?pagina=2 from ?pagina=3 not).</summary>
    public const int VisitsPerKind = 2;
    public const int VisitsPerTemplate = 6;
    public const int MaxPagesPerRole = 150;

    private static readonly string[] NotFollowed =
    [
        "/api/", "/openapi/", "/hubs/", "/css/", "/js/", "/lib/", "/img/", "/partners/", "/health",
        // Signing out or switching the language would change who the rest of the crawl is.
        "/uitloggen", "/taal",
    ];

    public List<FoundForm> Forms { get; } = [];
    public List<string> Failures { get; } = [];
    /// <summary>Every page fetched (role, url), for the render check at the end.</summary>
    public List<(Role Role, string Url)> Visited { get; } = [];

    public async Task CrawlAsync(Role role, params string[] start)
    {
        var perTemplate = new Dictionary<string, int>(StringComparer.Ordinal);
        var perKind = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(start);
        var starts = start.ToHashSet(StringComparer.Ordinal);
        var pages = 0;
        while (queue.Count > 0 && pages < MaxPagesPerRole)
        {
            var url = queue.Dequeue();
            if (!seen.Add(url)) continue;
            var (path, _, query) = SiteMap.Split(url);
            if (map.Match(path) is not { } route) continue;
            var kind = route.Template + KindOf(query);
            // Start pages are always visited; the rest within the limits.
            if (!starts.Contains(url) && (perTemplate.GetValueOrDefault(route.Template) >= VisitsPerTemplate || perKind.GetValueOrDefault(kind) >= VisitsPerKind)) continue;
            perTemplate[route.Template] = perTemplate.GetValueOrDefault(route.Template) + 1;
            perKind[kind] = perKind.GetValueOrDefault(kind) + 1;
            pages++;

            using var response = await role.Browser.GetAsync(url);
            if ((int)response.StatusCode >= 500)
            {
                Failures.Add($"GET {url} as {role}: {(int)response.StatusCode}");
                continue;
            }
            if (Browser.IsRedirect(response.StatusCode) && response.Headers.Location is { } moved)
            {
                var next = moved.IsAbsoluteUri ? moved.PathAndQuery : moved.OriginalString;
                if (SiteMap.IsLocal(next))
                {
                    if (starts.Contains(url)) starts.Add(next);
                    queue.Enqueue(next);
                }
                continue;
            }
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            var page = await HtmlPage.ReadAsync(response, url);
            Visited.Add((role, url));
            foreach (var link in page.Document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
            {
                if (!SiteMap.IsLocal(link) || NotFollowed.Any(n => link.StartsWith(n, StringComparison.OrdinalIgnoreCase))) continue;
                queue.Enqueue(link.Split('#')[0]);
            }
            foreach (var form in page.Forms)
            {
                Add(role, url, form);
                // A GET form sent as it is (a filter, "new question of kind …") leads to pages links may not.
                if (form.Method == "get" && SiteMap.IsLocal(form.Action))
                    queue.Enqueue(form.Action.Split('?')[0] + "?" + string.Join("&", form.Fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value))));
            }
        }
    }

    /// <summary>The query's names, with the values that are words rather than numbers (kinds, not ids or pages).</summary>
    private static string KindOf(string query)
    {
        var parsed = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query);
        return string.Concat(parsed.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => "&" + p.Key + (p.Value.ToString().All(char.IsAsciiLetter) ? "=" + p.Value : "")));
    }

    private void Add(Role role, string pageUrl, HtmlForm form)
    {
        var (path, handler, _) = SiteMap.Split(form.Action);
        if (!SiteMap.IsLocal(path) || map.Match(path) is not { } target) return;
        var fields = new List<FormField>();
        foreach (var e in form.Element.Elements)
        {
            var name = e.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || e.HasAttribute("disabled")) continue;
            var kind = e switch
            {
                IHtmlInputElement input => (input.GetAttribute("type") ?? "text").ToLowerInvariant(),
                IHtmlTextAreaElement => "textarea",
                IHtmlSelectElement => "select",
                _ => null,
            };
            if (kind is null or "hidden" or "submit" or "button" or "image" or "reset") continue;
            var max = int.TryParse(e.GetAttribute("maxlength"), out var m) && m > 0 ? m : (int?)null;
            if (fields.All(f => f.Name != name)) fields.Add(new FormField(name, kind, max));
        }
        var submitters = form.Element.QuerySelectorAll("button, input[type=submit], input[type=image]")
            .Where(b => !string.Equals(b.GetAttribute("type"), "button", StringComparison.OrdinalIgnoreCase)
                && !string.Equals(b.GetAttribute("type"), "reset", StringComparison.OrdinalIgnoreCase))
            .ToList();
        // Buttons of other forms that point at this one (form="id") submit it too.
        if (form.Element.Id is { Length: > 0 } id && form.Element.Owner is { } owner)
            submitters.AddRange(owner.QuerySelectorAll($"button[form='{id}'], input[type=submit][form='{id}']"));
        var first = submitters.FirstOrDefault();
        KeyValuePair<string, string>? submitter = first?.GetAttribute("name") is { Length: > 0 } sName ? new(sName, first.GetAttribute("value") ?? "") : null;
        var others = new List<(PageRoute, string)>();
        foreach (var b in submitters.Where(b => b.HasAttribute("formaction")))
        {
            var action = b.GetAttribute("formaction")!;
            if (action.StartsWith('?')) action = form.Action.Split('?')[0] + action;
            var (p, h, _) = SiteMap.Split(action);
            if (map.Match(p) is { } page) others.Add((page, h));
        }
        var defaultAction = first?.GetAttribute("formaction") is { Length: > 0 } fa
            ? fa.StartsWith('?') ? form.Action.Split('?')[0] + fa : fa
            : form.Action;
        if (defaultAction != form.Action)
        {
            (path, handler, _) = SiteMap.Split(defaultAction);
            if (map.Match(path) is not { } t) return;
            target = t;
        }
        Forms.Add(new FoundForm(role, pageUrl, target, defaultAction, handler, form.Method, form.Enctype, fields,
            form.Fields.ToList(), submitter, others));
    }
}
