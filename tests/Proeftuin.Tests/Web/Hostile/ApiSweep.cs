using System.Text;
using System.Text.Json;

namespace Proeftuin.Tests.Web.Hostile;

/// <summary>One operation of the OpenAPI document, with the properties of its JSON body (if any).</summary>
public sealed record ApiOperation(string Method, string Path, IReadOnlyList<ApiProperty> BodyProperties, IReadOnlyList<ApiParameter> Parameters)
{
    public bool HasBody => BodyProperties.Count > 0;
    public override string ToString() => $"{Method} {Path}";
}

public sealed record ApiProperty(string Name, bool IsString);

public sealed record ApiParameter(string Name, string In);

/// <summary>
/// Where the sweep sends an operation: as whom, to which concrete path, and a body the app would accept.
/// <paramref name="Fixed"/>: string properties that take one of a few names (scope, perspective); they keep their
/// valid value while the big list goes through the free-text ones, and get the special set on their own.
/// </summary>
/// <paramref name="PackUpTo"/>: how many characters of the big list one property takes per request (several strings, one per line).
public sealed record ApiTarget(string Role, string Path, string? ValidBody = null, string[]? Fixed = null, int PackUpTo = 90);

/// <summary>Reads the app's own OpenAPI document, and sweeps every operation with hostile values.</summary>
public sealed class ApiSweep(RowCounter counter)
{
    private IReadOnlyDictionary<string, long>? last;
    private static readonly IReadOnlySet<string> NothingMayGrow = new HashSet<string>();

    /// <summary>Called with the address before every request the sweep sends.</summary>
    public Action<string>? BeforeSend { get; init; }

    public List<string> Failures { get; } = [];
    public int Requests { get; private set; }
    public int Accepted { get; private set; }
    public HashSet<string> SweptProperties { get; } = new(StringComparer.Ordinal);
    /// <summary>"POST /api/v1/… 201" → how many answers had that status.</summary>
    public SortedDictionary<string, int> Statuses { get; } = new(StringComparer.Ordinal);

    public static IReadOnlyList<ApiOperation> Operations(JsonElement document)
    {
        var operations = new List<ApiOperation>();
        var schemas = document.TryGetProperty("components", out var components) && components.TryGetProperty("schemas", out var s) ? s : default;
        foreach (var path in document.GetProperty("paths").EnumerateObject())
            foreach (var op in path.Value.EnumerateObject())
            {
                if (op.Name is not ("get" or "post" or "put" or "patch" or "delete")) continue;
                var properties = new List<ApiProperty>();
                if (op.Value.TryGetProperty("requestBody", out var requestBody) && requestBody.TryGetProperty("content", out var content))
                    foreach (var media in content.EnumerateObject().Where(m => m.Name.Contains("json", StringComparison.Ordinal)))
                    {
                        var schema = Resolve(media.Value.GetProperty("schema"), schemas);
                        if (schema.TryGetProperty("properties", out var props))
                            foreach (var p in props.EnumerateObject())
                                if (properties.All(x => x.Name != p.Name))
                                    properties.Add(new ApiProperty(p.Name, IsString(Resolve(p.Value, schemas))));
                    }
                var parameters = op.Value.TryGetProperty("parameters", out var ps)
                    ? ps.EnumerateArray().Select(p => Resolve(p, document.TryGetProperty("components", out var c) && c.TryGetProperty("parameters", out var cp) ? cp : default))
                        .Select(p => new ApiParameter(p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!)).ToList()
                    : [];
                operations.Add(new ApiOperation(op.Name.ToUpperInvariant(), path.Name, properties, parameters));
            }
        return operations;
    }

    private static JsonElement Resolve(JsonElement element, JsonElement components)
    {
        for (var i = 0; i < 10 && element.ValueKind == JsonValueKind.Object && element.TryGetProperty("$ref", out var reference); i++)
            element = components.GetProperty(reference.GetString()!.Split('/')[^1]);
        return element;
    }

    private static bool IsString(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type)) return false;
        return type.ValueKind == JsonValueKind.String ? type.GetString() == "string"
            : type.ValueKind == JsonValueKind.Array && type.EnumerateArray().Any(t => t.GetString() == "string");
    }

    public const int PerProperty = 4;

    public static string PropertyKey(ApiOperation op, string property) => $"{op} {property}";

    /// <summary>The big list over the string properties, the special set into every property, then broken bodies and wrong content types.</summary>
    public async Task SweepBodyAsync(ApiOperation op, Browser browser, ApiTarget target)
    {
        using var valid = JsonDocument.Parse(target.ValidBody ?? "{}");
        var strings = op.BodyProperties.Where(p => p.IsString && !(target.Fixed ?? []).Contains(p.Name)).ToList();
        var list = HostileStrings.Blns;
        // As with forms: several strings per property per request, one per line, up to PerProperty and the target's PackUpTo characters.
        var next = 0;
        while (strings.Count > 0 && next < list.Count)
        {
            var values = new Dictionary<string, HostileString>(StringComparer.Ordinal);
            foreach (var property in strings)
            {
                var taken = new List<HostileString> { list[next++ % list.Count] };
                while (taken.Count < PerProperty && next < list.Count && taken.Sum(t => t.Value.Length + 1) + list[next].Value.Length <= target.PackUpTo)
                    taken.Add(list[next++]);
                values[property.Name] = taken.Count == 1 ? taken[0] : new HostileString($"{taken[0].Name}…{taken[^1].Name}", string.Join("\n", taken.Select(t => t.Value)));
            }
            await SendAsync(op, browser, target.Path, "application/json", Encoding.UTF8.GetBytes(Body(valid.RootElement, values)), Describe(values));
        }
        foreach (var property in op.BodyProperties)
        {
            foreach (var s in HostileStrings.Special)
            {
                var values = new Dictionary<string, HostileString>(StringComparer.Ordinal) { [property.Name] = s };
                await SendAsync(op, browser, target.Path, "application/json", Encoding.UTF8.GetBytes(Body(valid.RootElement, values)), Describe(values));
            }
            SweptProperties.Add(PropertyKey(op, property.Name));
        }
        foreach (var (name, bytes) in MalformedBodies(op))
            await SendAsync(op, browser, target.Path, "application/json", bytes, name, mustRefuse: true);
        var good = Encoding.UTF8.GetBytes(valid.RootElement.GetRawText());
        foreach (var contentType in WrongContentTypes)
            await SendAsync(op, browser, target.Path, contentType, contentType.StartsWith("application/x-www", StringComparison.Ordinal) ? Encoding.ASCII.GetBytes("text=a&scope=Team") : good,
                $"Content-Type {(contentType.Length == 0 ? "(none)" : contentType)}", mustRefuse: true);
    }

    /// <summary>
    /// The Idempotency-Key header of a create (issue 16): every hostile string an HTTP header can carry, with the valid
    /// body, is refused (400) and saves nothing. Newlines and other control characters cannot be put in a header at all.
    /// </summary>
    public async Task SweepRequestKeyAsync(ApiOperation op, Browser browser, ApiTarget target)
    {
        var body = Encoding.UTF8.GetBytes(target.ValidBody ?? "{}");
        var sendable = HostileStrings.Special.Select(s => s.Value).Where(v => v.Length > 0 && v.All(c => c is >= ' ' and <= '~'))
            .Concat([new string('a', 1000), "<script>alert(1)</script>", "\"quoted\"", "sleutel met spaties", " "]);
        foreach (var value in sendable.Where(v => !Proeftuin.Web.RequestKeys.LooksValid(v)).Distinct(StringComparer.Ordinal))
            await SendAsync(op, browser, target.Path, "application/json", body, $"Idempotency-Key={value[..Math.Min(20, value.Length)]}", mustRefuse: true, requestKey: value);
        SweptProperties.Add(PropertyKey(op, "header " + Proeftuin.Web.RequestKeys.Header));
    }

    /// <summary>Hostile values in every query parameter, and in every path parameter, of an operation.</summary>
    public async Task SweepParametersAsync(ApiOperation op, Browser browser, string concretePath)
    {
        foreach (var parameter in op.Parameters)
            foreach (var s in HostileStrings.Special)
            {
                var value = s.FormRaw ?? Uri.EscapeDataString(s.Value);
                string url;
                if (parameter.In == "query")
                    url = concretePath + (concretePath.Contains('?', StringComparison.Ordinal) ? "&" : "?") + Uri.EscapeDataString(parameter.Name) + "=" + value;
                else if (parameter.In == "path")
                    url = op.Path.Replace("{" + parameter.Name + "}", value, StringComparison.Ordinal);
                else continue;
                // A path of 100,000 characters, or with a NUL in it, is refused by the server (Kestrel) before it reaches the app.
                if (parameter.In == "path" && (value.Length > 2000 || s.Value.Contains('\0', StringComparison.Ordinal))) continue;
                if (op.Method == "GET")
                {
                    Requests++;
                    last ??= await counter.CountAsync();
                    using var response = await browser.GetAsync(url);
                    var status = (int)response.StatusCode;
                    if (status >= 500) Failures.Add($"GET {url[..Math.Min(200, url.Length)]} ({parameter.Name}={s.Name}): {status}");
                    var after = await counter.CountAsync();
                    var changes = RowCounter.Changes(last, after, NothingMayGrow);
                    if (changes.Length > 0) Failures.Add($"GET {op.Path} ({parameter.Name}={s.Name}) changed rows: {changes}");
                    last = after;
                }
                else if (parameter.In == "path")
                {
                    await SendAsync(op, browser, url, "application/json", "{}"u8.ToArray(), $"{parameter.Name}={s.Name}", mustRefuse: true);
                }
                SweptProperties.Add(PropertyKey(op, "parameter " + parameter.Name));
            }
    }

    private static readonly string[] WrongContentTypes =
    [
        "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "",
        "application/json; charset=klingon", "application/jsonx",
    ];

    private static IEnumerable<(string Name, byte[] Body)> MalformedBodies(ApiOperation op)
    {
        var first = op.BodyProperties.FirstOrDefault(p => p.IsString)?.Name ?? op.BodyProperties.FirstOrDefault()?.Name ?? "text";
        foreach (var (name, text) in new[]
        {
            ("empty body", ""), ("just {", "{"), ("an array", "[]"), ("null", "null"), ("a string", "\"tekst\""), ("a number", "42"),
            ("missing value", $"{{\"{first}\": }}"), ("unclosed", $"{{\"{first}\": \"a\""), ("single quotes", $"{{'{first}': 'a'}}"),
            ("trailing comma", $"{{\"{first}\": \"a\",}}"), ("NaN", $"{{\"{first}\": NaN}}"), ("comment", $"{{/* x */ \"{first}\": \"a\"}}"),
            ("10,000 nested arrays", $"{{\"{first}\": " + new string('[', 10_000) + new string(']', 10_000) + "}"),
            ("number where text goes", $"{{\"{first}\": 5}}"), ("object where text goes", $"{{\"{first}\": {{\"a\": 1}}}}"),
            ("array where text goes", $"{{\"{first}\": [\"a\"]}}"), ("huge number", "{\"promptId\": 99999999999999999999999}"),
        })
            yield return (name, Encoding.UTF8.GetBytes(text));
        yield return ("invalid UTF-8", [.. "{\""u8, .. Encoding.ASCII.GetBytes(first), .. "\": \"a"u8, 0xFF, 0xFE, 0xC3, .. "\"}"u8]);
        yield return ("UTF-16 without saying so", Encoding.Unicode.GetBytes($"{{\"{first}\": \"a\"}}"));
    }

    private static string Describe(Dictionary<string, HostileString> values) => string.Join(", ", values.Select(v => $"{v.Key}={v.Value.Name}"));

    /// <summary>The valid body with some properties replaced; raw JSON where a .NET string cannot say it (a lone surrogate escape).</summary>
    private static string Body(JsonElement valid, Dictionary<string, HostileString> values)
    {
        var parts = new List<string>();
        foreach (var p in valid.EnumerateObject().Where(p => !values.ContainsKey(p.Name)))
            parts.Add(JsonSerializer.Serialize(p.Name) + ":" + p.Value.GetRawText());
        foreach (var (name, s) in values)
            parts.Add(JsonSerializer.Serialize(name) + ":" + (s.JsonRaw ?? JsonSerializer.Serialize(s.Value)));
        return "{" + string.Join(",", parts) + "}";
    }

    private async Task SendAsync(ApiOperation op, Browser browser, string url, string contentType, byte[] body, string what, bool mustRefuse = false, string? requestKey = null)
    {
        last ??= await counter.CountAsync();
        Requests++;
        BeforeSend?.Invoke(url);
        using var request = new HttpRequestMessage(new HttpMethod(op.Method), new Uri(url, UriKind.Relative));
        var content = new ByteArrayContent(body);
        if (contentType.Length > 0) content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        else content.Headers.ContentType = null;
        request.Content = content;
        if (requestKey is not null) request.Headers.TryAddWithoutValidation(Proeftuin.Web.RequestKeys.Header, requestKey);
        using var response = await browser.Client.SendAsync(request);
        var status = (int)response.StatusCode;
        var label = $"{op} ({what})";
        Statuses[$"{op} {status}"] = Statuses.GetValueOrDefault($"{op} {status}") + 1;
        var after = await counter.CountAsync();
        if (status >= 500) Failures.Add($"{label}: {status}");
        else if (status is >= 200 and < 300)
        {
            if (mustRefuse) Failures.Add($"{label}: accepted ({status}), expected a 4xx");
            Accepted++;
            var text = await response.Content.ReadAsStringAsync();
            if (response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true && text.Length > 0)
            {
                using var json = JsonDocument.Parse(text);
                foreach (var html in HtmlProperties(json.RootElement))
                    foreach (var problem in Rendering.DomProblems(html))
                        Failures.Add($"{label}: the answer's html: {problem}");
            }
        }
        else
        {
            var changes = RowCounter.Changes(last, after, NothingMayGrow);
            if (changes.Length > 0) Failures.Add($"{label}: refused ({status}) but rows changed: {changes}");
        }
        last = after;
    }

    private static IEnumerable<string> HtmlProperties(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in element.EnumerateObject())
                if (p.Value.ValueKind == JsonValueKind.String && p.Name.Contains("html", StringComparison.OrdinalIgnoreCase)) yield return p.Value.GetString()!;
                else foreach (var inner in HtmlProperties(p.Value)) yield return inner;
        }
        else if (element.ValueKind == JsonValueKind.Array)
            foreach (var item in element.EnumerateArray())
                foreach (var inner in HtmlProperties(item)) yield return inner;
    }
}
