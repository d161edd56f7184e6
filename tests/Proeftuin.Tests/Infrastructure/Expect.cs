namespace Proeftuin.Tests.Infrastructure;

/// <summary>Shared assertions.</summary>
public static class Expect
{
    /// <summary>The answer is a redirect to the sign-in page that comes back to <paramref name="returnPath"/>.</summary>
    public static void RedirectToSignIn(HttpResponseMessage response, string? returnPath = null)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Expected 302 to /inloggen, got {(int)response.StatusCode} {response.Headers.Location}");
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/inloggen?ReturnUrl=", location.Replace("http://localhost", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        if (returnPath is not null)
            Assert.Contains("ReturnUrl=" + Uri.EscapeDataString(returnPath), location, StringComparison.OrdinalIgnoreCase);
    }

    public static void Redirect(HttpResponseMessage response, string location)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Expected 302 to {location}, got {(int)response.StatusCode} {response.Headers.Location}");
        Assert.Equal(location, LocationPath(response));
    }

    public static string LocationPath(HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new InvalidOperationException("No Location header");
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    /// <summary>A redirect to a page like /projecten/{id}; returns the id.</summary>
    public static int RedirectToId(HttpResponseMessage response, string prefix)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Expected 302 to {prefix}{{id}}, got {(int)response.StatusCode}");
        var path = LocationPath(response);
        Assert.StartsWith(prefix, path, StringComparison.Ordinal);
        var rest = path[prefix.Length..].Split('?', '/', '#')[0];
        Assert.True(int.TryParse(rest, out var id), $"No id in {path}");
        return id;
    }

    public static void Status(HttpStatusCode expected, HttpResponseMessage response, string? what = null) =>
        Assert.True(response.StatusCode == expected, $"{what ?? response.RequestMessage?.RequestUri?.PathAndQuery}: expected {(int)expected}, got {(int)response.StatusCode} {response.Headers.Location}");

    /// <summary>A form re-shown with its errors: 200 or 4xx (never 5xx, never a redirect), with this Dutch message.</summary>
    public static async Task<HtmlPage> FormErrorAsync(HttpResponseMessage response, string dutchMessage)
    {
        using (response)
        {
            var page = await HtmlPage.ReadAsync(response, response.RequestMessage?.RequestUri?.PathAndQuery ?? "");
            Assert.True((int)response.StatusCode is 200 or (>= 400 and < 500),
                $"Expected the form again with an error, got {(int)response.StatusCode} {response.Headers.Location}");
            Assert.True(page.ErrorText.Contains(dutchMessage, StringComparison.Ordinal) || page.MainText.Contains(dutchMessage, StringComparison.Ordinal),
                $"Expected the message \"{dutchMessage}\"; the page shows: {page.ErrorText}\n{page.MainText[..Math.Min(1500, page.MainText.Length)]}");
            return page;
        }
    }

    /// <summary>User input with markup is shown as text and never becomes an element.</summary>
    public static void ShownAsText(HtmlPage page, string value = TestData.Script)
    {
        Assert.DoesNotContain("<script>alert", page.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(page.Document.QuerySelectorAll("script"), s => !s.HasAttribute("src"));
        Assert.Contains(value, page.BodyText, StringComparison.Ordinal);
    }

    public static void NotServerError(HttpResponseMessage response, string what) =>
        Assert.True((int)response.StatusCode < 500, $"{what}: {(int)response.StatusCode}");
}
