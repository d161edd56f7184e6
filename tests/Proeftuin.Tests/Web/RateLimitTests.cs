namespace Proeftuin.Tests.Web;

/// <summary>With low limits. Each test uses a different policy, so they do not count against each other.</summary>
public sealed class RateLimitTests(LowRateLimitFactory factory) : IClassFixture<LowRateLimitFactory>
{
    [Fact]
    public async Task Sign_in_link_requests_are_limited()
    {
        using var browser = factory.NewBrowser();
        var email = TestData.UniqueEmail();
        for (var i = 0; i < LowRateLimitFactory.MailLimit; i++)
        {
            using var ok = await browser.PostAsync("/inloggen/link", new { Link_Email = email });
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }
        using var refused = await browser.PostAsync("/inloggen/link", new { Link_Email = email });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var page = await HtmlPage.ReadAsync(refused, "/inloggen/link");
        Assert.Contains("Even rustig aan", page.Text, StringComparison.Ordinal);
        // Reading the page is never limited.
        using var read = await browser.GetAsync("/inloggen/link");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task Password_attempts_are_limited()
    {
        using var browser = factory.NewBrowser();
        for (var i = 0; i < LowRateLimitFactory.SignInLimit; i++)
        {
            // A wrong password shows the form again (400), but is not yet limited.
            using var ok = await browser.PostAsync("/inloggen", new { Input_Email = "niemand@example.nl", Input_Password = "verkeerd" });
            Assert.True(ok.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"attempt {i + 1}: {(int)ok.StatusCode}");
        }
        using var refused = await browser.PostAsync("/inloggen", new { Input_Email = "niemand@example.nl", Input_Password = "verkeerd" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }

    [Fact]
    public async Task Api_calls_are_limited_with_problem_json()
    {
        using var browser = factory.NewBrowser();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 20; i++)
        {
            last?.Dispose();
            last = await browser.GetAsync("/api/v1/projects");
            if (last.StatusCode != HttpStatusCode.OK) break;
        }
        using (last)
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
            Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
        }
    }
}
