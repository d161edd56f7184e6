using System.Text.Json;

namespace Proeftuin.Tests.Web;

public sealed class OperationsTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    [Fact]
    public async Task Health_answers_200_when_the_database_answers()
    {
        using var browser = factory.NewBrowser();
        using var response = await browser.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        // Without Redis configured (one node) there is nothing to miss: ready as well.
        using var ready = await browser.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApi_document_lists_the_four_read_endpoints()
    {
        using var browser = factory.NewBrowser();
        using var response = await browser.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = doc.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/programmes", paths);
        Assert.Contains("/api/v1/programmes/{id}", paths);
        Assert.Contains("/api/v1/projects", paths);
        Assert.Contains("/api/v1/projects/{id}", paths);
        // Every API path is documented with what it does: a read, or (like an experiment's observations or taking a
        // participant out of a live session) a write only.
        string[] methods = ["get", "post", "put", "delete"];
        foreach (var path in paths.Where(p => p.StartsWith("/api/v1/", StringComparison.Ordinal)))
        {
            var item = doc.RootElement.GetProperty("paths").GetProperty(path);
            Assert.True(methods.Any(m => item.TryGetProperty(m, out _)), $"{path} has no operation");
        }
        Assert.True(doc.RootElement.GetProperty("paths").GetProperty("/api/v1/experiments/{id}/observations").TryGetProperty("post", out _));
        Assert.True(doc.RootElement.GetProperty("paths").GetProperty("/api/v1/sessions/{id}/participants/{participantId}").TryGetProperty("delete", out _));
        Assert.True(doc.RootElement.GetProperty("paths").GetProperty("/api/v1/sessions/{id}/joining").TryGetProperty("put", out _));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/programmas")]
    [InlineData("/inloggen")]
    [InlineData("/api/v1/programmes")]
    [InlineData("/bestaat-niet")]
    public async Task Every_answer_carries_the_security_headers(string url)
    {
        using var browser = factory.NewBrowser();
        using var response = await browser.GetAsync(url);
        Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var csp), $"{url}: no CSP header");
        var policy = string.Join(";", csp);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task Pages_contain_no_inline_script()
    {
        using var browser = factory.NewBrowser();
        foreach (var url in new[] { "/", "/programmas", "/inloggen", "/registreren", "/inloggen/link" })
        {
            var page = await browser.OpenAsync(url);
            foreach (var script in page.Document.QuerySelectorAll("script"))
            {
                Assert.True(script.HasAttribute("src"), $"{url} has an inline <script>: {script.OuterHtml}");
                Assert.True(string.IsNullOrWhiteSpace(script.TextContent), $"{url} has script content");
            }
            Assert.Empty(page.Document.QuerySelectorAll("[style]"));
            Assert.Empty(page.Document.QuerySelectorAll("[onclick], [onload], [onsubmit], [onchange]"));
        }
    }

    [Fact]
    public async Task Unknown_page_is_a_Dutch_404()
    {
        using var browser = factory.NewBrowser();
        var page = await browser.GetPageAsync("/bestaat-niet");
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("Deze pagina bestaat niet", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_page_shows_the_demo_programme_in_Dutch()
    {
        using var browser = factory.NewBrowser();
        var page = await browser.OpenAsync("/");
        Assert.Equal("nl", page.Document.DocumentElement.GetAttribute("lang"));
        Assert.Contains(TestData.SocialInnovation, page.BodyText, StringComparison.Ordinal);
        Assert.Single(page.Document.QuerySelectorAll("h1"));
        Assert.NotNull(page.Document.QuerySelector("main"));
        Assert.NotNull(page.Document.QuerySelector("a[href='#inhoud']"));
    }

    [Fact]
    public async Task Demo_sign_in_details_are_not_shown_outside_Development()
    {
        using var browser = factory.NewBrowser();
        var page = await browser.OpenAsync("/");
        Assert.DoesNotContain(Proeftuin.Data.DemoData.Password, page.Text, StringComparison.Ordinal);
    }
}
