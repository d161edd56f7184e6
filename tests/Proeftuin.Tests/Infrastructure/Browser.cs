using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Proeftuin.Tests.Infrastructure;

/// <summary>
/// A browser-like client over the test server: keeps cookies, does not follow redirects unless asked,
/// reads pages with AngleSharp and submits their forms with the antiforgery token they carry.
/// </summary>
public sealed class Browser(ProeftuinFactory factory, HttpClient client, System.Net.CookieContainer cookies) : IDisposable
{
    public System.Net.CookieContainer Cookies { get; } = cookies;

    private static readonly HtmlParser Parser = new();

    public HttpClient Client { get; } = client;
    public ProeftuinFactory Factory { get; } = factory;

    public Task<HttpResponseMessage> GetAsync(string url) => Client.GetAsync(new Uri(url, UriKind.Relative));

    /// <summary>GET a JSON endpoint that must answer 200, and hand back its root element.</summary>
    public async Task<System.Text.Json.JsonElement> GetJsonAsync(string url)
    {
        using var response = await GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.Clone();
    }

    /// <summary>GETs a page and parses it, whatever its status.</summary>
    public async Task<HtmlPage> GetPageAsync(string url)
    {
        using var response = await GetAsync(url);
        return await HtmlPage.ReadAsync(response, url);
    }

    /// <summary>GETs a page that must answer 200.</summary>
    public async Task<HtmlPage> OpenAsync(string url)
    {
        var page = await GetPageAsync(url);
        Assert.True(page.Status == HttpStatusCode.OK, $"GET {url} answered {(int)page.Status} {page.Location}, expected 200.\n{page.Text[..Math.Min(page.Text.Length, 2000)]}");
        return page;
    }

    /// <summary>Follows redirects (GET) from a response until a non-redirect answer, and parses it.</summary>
    public async Task<HtmlPage> FollowAsync(HttpResponseMessage response, string url)
    {
        var hops = 0;
        while (IsRedirect(response.StatusCode))
        {
            Assert.True(++hops < 10, "Too many redirects");
            url = response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.PathAndQuery : response.Headers.Location.OriginalString;
            response.Dispose();
            response = await GetAsync(url);
        }
        using (response)
            return await HtmlPage.ReadAsync(response, url);
    }

    public static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.Redirect or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.MovedPermanently;

    /// <summary>
    /// Submits a form as a browser would: every field the form carries (hidden ones and the antiforgery
    /// token included), overridden by <paramref name="values"/>; a value list repeats a field.
    /// Files make it multipart.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitAsync(HtmlForm form, IEnumerable<KeyValuePair<string, string>>? values = null,
        IEnumerable<FileField>? files = null, string? submitName = null, string? submitValue = null, string? formAction = null)
    {
        var fields = form.Fields.ToList();
        if (values is not null)
        {
            var overrides = values.ToList();
            foreach (var name in overrides.Select(v => v.Key).Distinct())
                fields.RemoveAll(f => f.Key == name);
            fields.AddRange(overrides);
        }
        if (submitName is not null) fields.Add(new(submitName, submitValue ?? ""));
        var action = formAction is null ? form.Action
            : formAction.StartsWith('?') ? form.Action.Split('?')[0] + formAction : formAction;
        return await PostFieldsAsync(action, fields, files, form.Enctype);
    }

    public Task<HttpResponseMessage> SubmitAsync(HtmlForm form, object values, IEnumerable<FileField>? files = null) =>
        SubmitAsync(form, Fields.Of(values), files);

    /// <summary>
    /// POSTs fields to any URL with a valid antiforgery token for this browser's current identity
    /// (taken from a public page), for requests whose form this user is not shown.
    /// </summary>
    public async Task<HttpResponseMessage> PostAsync(string url, IEnumerable<KeyValuePair<string, string>>? fields = null, IEnumerable<FileField>? files = null)
    {
        var token = await AntiforgeryTokenAsync();
        var all = (fields ?? []).ToList();
        all.Add(new("__RequestVerificationToken", token));
        return await PostFieldsAsync(url, all, files, files is null ? null : "multipart/form-data");
    }

    public Task<HttpResponseMessage> PostAsync(string url, object fields) => PostAsync(url, Fields.Of(fields));

    /// <summary>POSTs without any antiforgery token.</summary>
    public Task<HttpResponseMessage> PostWithoutTokenAsync(string url, IEnumerable<KeyValuePair<string, string>> fields) =>
        PostFieldsAsync(url, fields.ToList(), null, null);

    public async Task<string> AntiforgeryTokenAsync()
    {
        var page = await OpenAsync("/inloggen/link");
        return page.Document.QuerySelectorAll("input[name=__RequestVerificationToken]").Select(i => i.GetAttribute("value")).FirstOrDefault(v => !string.IsNullOrEmpty(v))
            ?? throw new InvalidOperationException("No antiforgery token on /inloggen/link");
    }

    private async Task<HttpResponseMessage> PostFieldsAsync(string url, List<KeyValuePair<string, string>> fields, IEnumerable<FileField>? files, string? enctype)
    {
        HttpContent content;
        if (files is not null || string.Equals(enctype, "multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            var multipart = new MultipartFormDataContent();
            foreach (var (k, v) in fields) multipart.Add(new StringContent(v), k);
            foreach (var f in files ?? [])
            {
                var bytes = new ByteArrayContent(f.Content);
                bytes.Headers.ContentType = new MediaTypeHeaderValue(f.ContentType);
                multipart.Add(bytes, f.Name, f.FileName);
            }
            content = multipart;
        }
        else
        {
            content = new FormUrlEncodedContent(fields);
        }
        using (content)
            return await Client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    /// <summary>Signs in with a password through the sign-in form; asserts it worked.</summary>
    public async Task SignInAsync(string email, string password)
    {
        var page = await OpenAsync("/inloggen");
        using var response = await SubmitAsync(page.FormFor("Input.Password"), new { Input_Email = email, Input_Password = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var failed = await HtmlPage.ReadAsync(response, "/inloggen");
            Assert.Fail($"Sign-in of {email} failed: {(int)response.StatusCode} {failed.ErrorText}");
        }
    }

    public void Dispose() => Client.Dispose();
}

public sealed record FileField(string Name, string FileName, string ContentType, byte[] Content);

/// <summary>Builds field lists from anonymous objects: Input_Title → "Input.Title"; arrays repeat the field.</summary>
public static class Fields
{
    public static List<KeyValuePair<string, string>> Of(object values)
    {
        var list = new List<KeyValuePair<string, string>>();
        foreach (var p in values.GetType().GetProperties())
        {
            var name = p.Name.Replace('_', '.');
            switch (p.GetValue(values))
            {
                case null: break;
                case string s: list.Add(new(name, s)); break;
                case System.Collections.IEnumerable many:
                    foreach (var item in many) list.Add(new(name, Convert.ToString(item, System.Globalization.CultureInfo.InvariantCulture) ?? ""));
                    break;
                case var other: list.Add(new(name, Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture) ?? "")); break;
            }
        }
        return list;
    }
}

/// <summary>A parsed HTML answer.</summary>
public sealed class HtmlPage
{
    private HtmlPage(HttpStatusCode status, string url, string text, IHtmlDocument document, string? location, HttpResponseHeaders headers, string? contentType)
    {
        Status = status;
        Url = url;
        Text = text;
        Document = document;
        Location = location;
        Headers = headers;
        ContentType = contentType;
    }

    public HttpStatusCode Status { get; }
    public string Url { get; }
    /// <summary>The raw response body (HTML source).</summary>
    public string Text { get; }
    public IHtmlDocument Document { get; }
    public string? Location { get; }
    public HttpResponseHeaders Headers { get; }
    public string? ContentType { get; }

    public static async Task<HtmlPage> ReadAsync(HttpResponseMessage response, string url)
    {
        var text = await response.Content.ReadAsStringAsync();
        var document = await new HtmlParser().ParseDocumentAsync(text);
        return new HtmlPage(response.StatusCode, url, text, document, response.Headers.Location?.OriginalString, response.Headers, response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>The visible text of the page body, whitespace collapsed.</summary>
    public string BodyText => Collapse(Document.Body?.TextContent ?? "");

    public string MainText => Collapse(Document.QuerySelector("main")?.TextContent ?? Document.Body?.TextContent ?? "");

    public string? H1 => Document.QuerySelector("h1")?.TextContent.Trim();

    /// <summary>All form error texts: the summary and the messages next to fields.</summary>
    public string ErrorText => Collapse(string.Join(" | ",
        Document.QuerySelectorAll(".pt-error-summary, .utrecht-form-field-error-message, [role=alert]").Select(e => e.TextContent)));

    private static string Collapse(string s) => System.Text.RegularExpressions.Regex.Replace(s, @"\s+", " ").Trim();

    public IEnumerable<HtmlForm> Forms => Document.QuerySelectorAll("form").OfType<IHtmlFormElement>().Select(f => new HtmlForm(f, Url));

    /// <summary>The post form that has a field with this name.</summary>
    public HtmlForm FormFor(string fieldName) =>
        Forms.FirstOrDefault(f => f.Element.Elements.Any(e => e.GetAttribute("name") == fieldName))
        ?? throw new InvalidOperationException($"No form with a field '{fieldName}' on {Url}. Forms: {string.Join(", ", Forms.Select(f => f.Action))}");

    /// <summary>The form whose action contains this text (e.g. "handler=Invite").</summary>
    public HtmlForm FormWithAction(string actionPart) =>
        Forms.FirstOrDefault(f => f.Action.Contains(actionPart, StringComparison.OrdinalIgnoreCase))
        ?? throw new InvalidOperationException($"No form posting to '*{actionPart}*' on {Url}. Forms: {string.Join(", ", Forms.Select(f => f.Action))}");

    public override string ToString() => $"{(int)Status} {Url}";
}

public sealed class HtmlForm(IHtmlFormElement element, string pageUrl)
{
    public IHtmlFormElement Element { get; } = element;

    public string Action
    {
        get
        {
            var action = Element.GetAttribute("action");
            return string.IsNullOrEmpty(action) ? pageUrl : action;
        }
    }

    public string Method => (Element.GetAttribute("method") ?? "get").ToLowerInvariant();
    public string? Enctype => Element.GetAttribute("enctype");

    /// <summary>What a browser would send with no changes: inputs, checked boxes, selected options, textareas (no submit buttons).</summary>
    public IEnumerable<KeyValuePair<string, string>> Fields
    {
        get
        {
            foreach (var e in Element.Elements)
            {
                var name = e.GetAttribute("name");
                if (string.IsNullOrEmpty(name)) continue;
                switch (e)
                {
                    case IHtmlInputElement input:
                        var type = (input.GetAttribute("type") ?? "text").ToLowerInvariant();
                        if (type is "submit" or "button" or "image" or "reset" or "file") continue;
                        if (type is "checkbox" or "radio" && !input.HasAttribute("checked")) continue;
                        yield return new(name, input.GetAttribute("value") ?? (type is "checkbox" or "radio" ? "on" : ""));
                        break;
                    case IHtmlSelectElement select:
                        var options = select.QuerySelectorAll("option").ToList();
                        var chosen = options.Where(o => o.HasAttribute("selected")).ToList();
                        if (chosen.Count == 0 && !select.HasAttribute("multiple") && options.Count > 0) chosen = [options[0]];
                        foreach (var o in chosen) yield return new(name, o.GetAttribute("value") ?? o.TextContent);
                        break;
                    case IHtmlTextAreaElement area:
                        yield return new(name, area.TextContent);
                        break;
                }
            }
        }
    }

    public bool HasField(string name) => Element.Elements.Any(e => e.GetAttribute("name") == name);

    /// <summary>The values offered for a select or a group of checkboxes/radios.</summary>
    public IReadOnlyList<string> Options(string name) =>
        Element.Elements.Where(e => e.GetAttribute("name") == name)
            .SelectMany(e => e is IHtmlSelectElement s ? s.QuerySelectorAll("option").Select(o => o.GetAttribute("value") ?? "") : [e.GetAttribute("value") ?? ""])
            .ToList();
}
