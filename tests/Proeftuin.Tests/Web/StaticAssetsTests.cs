namespace Proeftuin.Tests.Web;

/// <summary>
/// Pages link the fingerprinted asset URLs (MapStaticAssets' manifest), which are served compressed and cached for a
/// year as immutable: a repeat visit costs the HTML only.
/// </summary>
public sealed class StaticAssetsTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private static readonly System.Text.RegularExpressions.Regex Fingerprinted =
        new(@"^/(css|js|lib)/[\w/.-]+\.[a-z0-9]{6,}\.(css|js)$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static IEnumerable<string> Assets(HtmlPage page) =>
        page.Document.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!)
            .Concat(page.Document.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!));

    [Theory]
    [InlineData("/")]
    [InlineData("/projecten/1")]
    [InlineData("/inloggen")]
    public async Task Pages_link_fingerprinted_assets_served_compressed_and_immutable(string url)
    {
        using var browser = factory.NewBrowser();
        var assets = Assets(await browser.OpenAsync(url)).ToList();
        Assert.NotEmpty(assets);
        foreach (var asset in assets)
        {
            Assert.Matches(Fingerprinted, asset);
            using var request = new HttpRequestMessage(HttpMethod.Get, asset);
            request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip, br");
            using var response = await browser.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(response.Content.Headers.ContentEncoding.Single(), new[] { "gzip", "br" });
            var cache = response.Headers.CacheControl!;
            Assert.True(cache.MaxAge >= TimeSpan.FromDays(365), $"{asset}: {cache}");
            Assert.Contains("immutable", cache.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_live_session_pages_link_fingerprinted_scripts_too()
    {
        // Views outside the layout use the same tag helpers: check one that adds its own scripts.
        using var facilitator = await factory.SignInDemoAsync("procesbegeleider");
        var sessions = await facilitator.OpenAsync("/mijn");
        var link = sessions.Document.QuerySelectorAll("a[href^='/sessies/']").Select(a => a.GetAttribute("href")!)
            .FirstOrDefault(h => System.Text.RegularExpressions.Regex.IsMatch(h, @"^/sessies/\d+$"));
        Assert.NotNull(link);
        var page = await facilitator.OpenAsync(link);
        var scripts = page.Document.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!).ToList();
        Assert.Contains(scripts, s => s.StartsWith("/js/session.", StringComparison.Ordinal));
        Assert.All(scripts, s => Assert.Matches(Fingerprinted, s));
    }
}
