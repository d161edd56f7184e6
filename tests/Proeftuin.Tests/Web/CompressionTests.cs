using System.IO.Compression;

namespace Proeftuin.Tests.Web;

/// <summary>HTML and JSON answers are compressed (Brotli first, gzip second); ADR 0022 records why also over HTTPS.</summary>
public sealed class CompressionTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private async Task<(HttpResponseMessage Response, string Body)> GetAsync(string url, string acceptEncoding, string scheme = "http")
    {
        using var client = factory.CreateDefaultClient(new Uri($"{scheme}://localhost"));
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        var response = await client.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var encoding = response.Content.Headers.ContentEncoding.SingleOrDefault();
        Stream body = new MemoryStream(bytes);
        body = encoding switch
        {
            "br" => new BrotliStream(body, CompressionMode.Decompress),
            "gzip" => new GZipStream(body, CompressionMode.Decompress),
            null => body,
            _ => throw new Xunit.Sdk.XunitException($"unexpected encoding {encoding}"),
        };
        using var reader = new StreamReader(body);
        return (response, await reader.ReadToEndAsync());
    }

    [Theory]
    [InlineData("/projecten/1", "gzip, deflate, br, zstd", "br")]
    [InlineData("/projecten/1", "gzip", "gzip")]
    [InlineData("/inloggen", "br", "br")]
    [InlineData("/api/v1/projects", "gzip, br", "br")]
    public async Task Pages_and_json_are_compressed(string url, string accept, string expected)
    {
        var (response, body) = await GetAsync(url, accept);
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal([expected], response.Content.Headers.ContentEncoding);
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
            Assert.True(body.Length > 100);
        }
    }

    [Fact]
    public async Task Also_over_https()
    {
        var (response, body) = await GetAsync("/uitleg", "br", "https");
        using (response)
        {
            Assert.Equal(["br"], response.Content.Headers.ContentEncoding);
            Assert.Contains("<html", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_cached_page_comes_in_the_encoding_asked_for()
    {
        foreach (var accept in new[] { "br", "gzip", "identity", "br", "gzip", "identity" })
        {
            var (response, body) = await GetAsync("/programmas/1", accept);
            using (response)
            {
                Assert.Equal(accept == "identity" ? [] : [accept], response.Content.Headers.ContentEncoding.ToArray());
                Assert.Contains("</html>", body, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task The_antiforgery_token_differs_on_every_render()
    {
        // BREACH needs a secret repeated byte for byte in every compressed body; the request token is not (ADR 0022).
        using var browser = factory.NewBrowser();
        var first = await browser.OpenAsync("/inloggen");
        var second = await browser.OpenAsync("/inloggen");
        static string Token(HtmlPage page) =>
            page.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        Assert.NotEqual(Token(first), Token(second));
    }
}
