using Proeftuin.Features.Stories;

namespace Proeftuin.Tests.Stories;

public sealed class StoryPagingTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    [Fact]
    public async Task A_long_list_comes_in_pages_of_fifty_on_the_page_and_in_the_API()
    {
        var team = await factory.Data.TeamProjectAsync();
        var ids = new List<int>();
        for (var i = 0; i < FindStories.PageSize + 3; i++)
            ids.Add((await factory.StoryAsync(team.Id, ConsentScope.Project)).Id);
        await factory.StoryAsync(team.Id, ConsentScope.Team); // not counted for anonymous readers

        using var anonymous = factory.NewBrowser();
        var first = await anonymous.OpenAsync($"/projecten/{team.Id}/verhalen");
        Assert.Equal(FindStories.PageSize, first.Document.QuerySelectorAll(".pt-story-card").Length);
        Assert.Contains($"{FindStories.PageSize + 3} verhalen · pagina 1 van 2", first.MainText, StringComparison.Ordinal);
        var next = first.Document.QuerySelector("a[rel=next]")?.GetAttribute("href");
        Assert.Equal($"/projecten/{team.Id}/verhalen?pagina=2", next);

        var second = await anonymous.OpenAsync(next!);
        Assert.Equal(3, second.Document.QuerySelectorAll(".pt-story-card").Length);
        Assert.Null(second.Document.QuerySelector("a[rel=next]"));
        // Newest first: the three oldest are on page two.
        foreach (var id in ids.Take(3))
            Assert.NotNull(second.Document.QuerySelector($"a[href='/verhalen/{id}']"));

        // A page far past the end, or not a number, is calm: an empty last page or the first page.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.OpenAsync($"/projecten/{team.Id}/verhalen?pagina=999999999999")).Status);
        Assert.Equal(FindStories.PageSize, (await anonymous.OpenAsync($"/projecten/{team.Id}/verhalen?pagina=abc")).Document.QuerySelectorAll(".pt-story-card").Length);

        using var response = await anonymous.GetAsync($"/api/v1/projects/{team.Id}/stories?page=2");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((FindStories.PageSize + 3).ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers.GetValues("X-Total-Count").Single());
        using var doc = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(3, doc.RootElement.GetArrayLength());
    }
}
