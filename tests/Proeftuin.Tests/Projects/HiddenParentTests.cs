using System.Text.Json;

namespace Proeftuin.Tests.Projects;

/// <summary>An open sub-project must not reveal that its members-only parent exists.</summary>
public sealed class HiddenParentTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    [Fact]
    public async Task Open_sub_project_does_not_show_a_hidden_parent()
    {
        var facilitator = await factory.Data.UserAsync();
        var secretTitle = "Geheim moederproject " + Guid.NewGuid().ToString("N")[..6];
        var parentId = await factory.Data.ProjectAsync(secretTitle, Visibility.MembersOnly, members: (facilitator, ProjectRole.Facilitator));
        var childId = await factory.Data.ProjectAsync("Open deelproject " + Guid.NewGuid().ToString("N")[..6], Visibility.Open, parentId: parentId, members: (facilitator, ProjectRole.Facilitator));

        foreach (var browser in new[] { factory.NewBrowser(), await factory.SignInAsync((await factory.Data.UserAsync()).Email!) })
        {
            using (browser)
            {
                var page = await browser.OpenAsync($"/projecten/{childId}");
                Assert.DoesNotContain(secretTitle, page.Text, StringComparison.Ordinal);
                Assert.DoesNotContain($"/projecten/{parentId}\"", page.Text, StringComparison.Ordinal);

                using var one = await browser.GetAsync($"/api/v1/projects/{childId}");
                using (var doc = JsonDocument.Parse(await one.Content.ReadAsStringAsync()))
                    Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("parentProjectId").ValueKind);

                using var list = await browser.GetAsync("/api/v1/projects");
                using (var doc = JsonDocument.Parse(await list.Content.ReadAsStringAsync()))
                {
                    var child = doc.RootElement.EnumerateArray().Single(p => p.GetProperty("id").GetInt32() == childId);
                    Assert.Equal(JsonValueKind.Null, child.GetProperty("parentProjectId").ValueKind);
                }
            }
        }

        // Its members see the parent as usual.
        using var member = await factory.SignInAsync(facilitator.Email!);
        var visible = await member.OpenAsync($"/projecten/{childId}");
        Assert.Contains(secretTitle, visible.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/projects?theme=a%00b")]
    [InlineData("/programmas/1?thema=a%00b")]
    [InlineData("/api/v1/projects?theme=%01")]
    public async Task Control_characters_in_filters_are_no_server_error(string url)
    {
        using var browser = factory.NewBrowser();
        using var response = await browser.GetAsync(url);
        Assert.True((int)response.StatusCode < 500, $"{url}: {(int)response.StatusCode}");
    }
}
