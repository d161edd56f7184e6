using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Proeftuin.Tests.Web.Hostile;

/// <summary>One Razor page of the app: its route template and the names of its POST handlers ("" for OnPost).</summary>
public sealed record PageRoute(string Template, IReadOnlyList<string> PostHandlers, Regex Pattern, int Literals)
{
    public override string ToString() => Template;
}

/// <summary>The app's pages as its own routing knows them, and a way to tell which page a path belongs to.</summary>
public sealed class SiteMap
{
    private SiteMap(IReadOnlyList<PageRoute> pages) => Pages = pages;

    public IReadOnlyList<PageRoute> Pages { get; }

    public static async Task<SiteMap> LoadAsync(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var pages = new List<PageRoute>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } page) continue;
            var compiled = page as CompiledPageActionDescriptor ?? await loader.LoadAsync(page, endpoint.Metadata);
            var handlers = compiled.HandlerMethods
                .Where(h => string.Equals(h.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase))
                .Select(h => h.Name ?? "").Distinct().Order(StringComparer.Ordinal).ToList();
            var template = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var (pattern, literals) = ToRegex(template);
            pages.Add(new PageRoute(template, handlers, pattern, literals));
        }
        // Most literal segments first: /delen/bedankt before /delen/{token}.
        return new SiteMap(pages.OrderByDescending(p => p.Literals).ThenBy(p => p.Template, StringComparer.Ordinal).ToList());
    }

    /// <summary>The page a path (without query) belongs to, or null for anything that is not a page.</summary>
    public PageRoute? Match(string path) => Pages.FirstOrDefault(p => p.Pattern.IsMatch(path));

    private static (Regex Pattern, int Literals) ToRegex(string template)
    {
        var regex = new System.Text.StringBuilder("^");
        var literals = 0;
        foreach (var segment in template.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var parameter = Regex.Match(segment, @"^\{(?<name>[^:?}]+)(?<constraint>:[^?}]+)?(?<optional>\?)?\}$");
            if (!parameter.Success)
            {
                regex.Append('/').Append(Regex.Escape(segment));
                literals++;
                continue;
            }
            var value = parameter.Groups["constraint"].Value == ":int" ? @"-?\d+" : "[^/]+";
            regex.Append(parameter.Groups["optional"].Success ? $"(?:/{value})?" : $"/{value}");
        }
        if (regex.Length == 1) regex.Append('/');
        regex.Append("/?$");
        return (new Regex(regex.ToString(), RegexOptions.CultureInvariant), literals);
    }

    /// <summary>Path and handler of a form action or link ("/projecten/3?handler=Edit" → ("/projecten/3", "Edit")).</summary>
    public static (string Path, string Handler, string Query) Split(string url)
    {
        var uri = new Uri(new Uri("http://localhost"), url);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(uri.Query);
        var handler = query.TryGetValue("handler", out var h) ? h.ToString() : "";
        return (Uri.UnescapeDataString(uri.AbsolutePath), handler, uri.Query);
    }

    public static bool IsLocal(string href) =>
        href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal);
}
