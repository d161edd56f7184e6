namespace Proeftuin.Tests.Stories;

/// <summary>"Downloaden (CSV / Excel)" sits on the story list, only for who may export: facilitators and evaluators.</summary>
public sealed class StoryListExportTests(StoriesFactory factory) : IClassFixture<StoriesFactory>
{
    [Fact]
    public async Task Only_facilitators_and_evaluators_see_the_download_links_and_they_work()
    {
        var team = await factory.Data.TeamProjectAsync();
        var evaluator = await factory.Data.UserAsync();
        await factory.WithDbAsync(async db =>
        {
            db.Memberships.Add(new Membership { ProjectId = team.Id, UserId = evaluator.Id, Role = ProjectRole.Evaluator, Perspective = Perspective.Scientific, JoinedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        var url = $"/projecten/{team.Id}/verhalen";
        var csv = $"a[href='/projecten/{team.Id}/verhalen/export?format=csv']";
        var xlsx = $"a[href='/projecten/{team.Id}/verhalen/export?format=xlsx']";
        foreach (var email in new[] { team.Facilitator.Email!, evaluator.Email! })
        {
            using var browser = await factory.SignInAsync(email);
            var page = await browser.OpenAsync(url);
            Assert.NotNull(page.Document.QuerySelector(csv));
            Assert.NotNull(page.Document.QuerySelector(xlsx));
            Assert.Contains("Downloaden", page.MainText, StringComparison.Ordinal);
            using var file = await browser.GetAsync(page.Document.QuerySelector(csv)!.GetAttribute("href")!);
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        }
        var outsider = await factory.Data.UserAsync();
        foreach (var email in new[] { team.Member.Email!, team.Observer.Email!, outsider.Email! })
        {
            using var browser = await factory.SignInAsync(email);
            var page = await browser.OpenAsync(url);
            Assert.Null(page.Document.QuerySelector(csv));
            Assert.Null(page.Document.QuerySelector(xlsx));
        }
        using var anonymous = factory.NewBrowser();
        var open = await anonymous.OpenAsync(url);
        Assert.Null(open.Document.QuerySelector("a[href*='/verhalen/export']"));
    }
}
