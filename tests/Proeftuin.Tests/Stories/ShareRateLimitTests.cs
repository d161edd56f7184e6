namespace Proeftuin.Tests.Stories;

/// <summary>Stories through the share link are limited per client address; reading the form never is.</summary>
public sealed class ShareRateLimitTests(LowShareLimitFactory factory) : IClassFixture<LowShareLimitFactory>
{
    [Fact]
    public async Task Posting_through_the_share_link_is_limited()
    {
        var team = await factory.Data.TeamProjectAsync();
        var token = await factory.ShareTokenAsync(team.Id);
        using var visitor = factory.NewBrowser();
        for (var i = 0; i < LowShareLimitFactory.Limit; i++)
        {
            var page = await visitor.OpenAsync($"/delen/{token}");
            using var ok = await visitor.SubmitAsync(page.FormFor("Input.Text"), new { Input_Text = $"Verhaal {i}", Input_Scope = "Team" });
            Expect.Redirect(ok, "/delen/bedankt");
        }
        var form = await visitor.OpenAsync($"/delen/{token}");
        using var refused = await visitor.SubmitAsync(form.FormFor("Input.Text"), new { Input_Text = "Eén te veel", Input_Scope = "Team" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Even rustig aan", (await HtmlPage.ReadAsync(refused, "")).Text, StringComparison.Ordinal);
        Assert.Equal(LowShareLimitFactory.Limit, await factory.StoryCountAsync(team.Id));
    }
}
