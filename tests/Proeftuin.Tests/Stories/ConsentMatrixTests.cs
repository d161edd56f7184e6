using System.Text.Json;
using Proeftuin.Features.Stories;

namespace Proeftuin.Tests.Stories;

/// <summary>
/// Who sees which story, for every consent scope and every kind of viewer, in an open and a members-only project:
/// the story page, the project's story list, and the API (list and item). Withdrawn stories appear nowhere.
/// </summary>
public sealed class ConsentMatrixTests(StoriesFactory factory) : IClassFixture<StoriesFactory>
{
    public enum Viewer
    {
        Anonymous,
        KeyHolder,
        OtherLinkVisitor,
        Observer,
        Member,
        Facilitator,
        OtherProjectMember,
        Admin,
    }

    private enum Seen
    {
        No,
        Named,
        Anonymised,
    }

    /// <summary>The rule, written out by hand: team and key holder see everything with the name; others by scope.</summary>
    private static Seen Expected(Viewer viewer, ConsentScope scope, Visibility visibility, bool keyUsed)
    {
        if (viewer == Viewer.KeyHolder && keyUsed) return Seen.Named;
        if (viewer is Viewer.Member or Viewer.Facilitator) return Seen.Named;
        var readsProject = visibility == Visibility.Open || viewer is Viewer.Observer or Viewer.Admin;
        if (!readsProject) return Seen.No;
        return scope switch
        {
            ConsentScope.Team => Seen.No,
            ConsentScope.Project => Seen.Named,
            _ => Seen.Anonymised,
        };
    }

    private static bool ReadsProject(Viewer viewer, Visibility visibility) =>
        visibility == Visibility.Open || viewer is Viewer.Observer or Viewer.Member or Viewer.Facilitator or Viewer.Admin;

    [Theory]
    [InlineData(Visibility.Open)]
    [InlineData(Visibility.MembersOnly)]
    public async Task Every_scope_for_every_viewer(Visibility visibility)
    {
        var team = await factory.Data.TeamProjectAsync(visibility);
        var otherMember = await factory.Data.UserAsync();
        await factory.Data.ProjectAsync(members: [(otherMember, ProjectRole.Member)]);
        var admin = await factory.Data.UserAsync(admin: true);

        var stories = new Dictionary<ConsentScope, SeededStory>();
        foreach (var scope in Enum.GetValues<ConsentScope>())
            stories[scope] = await factory.StoryAsync(team.Id, scope);
        var otherLinkStory = await factory.StoryAsync(team.Id, ConsentScope.Team);
        var withdrawn = await factory.StoryAsync(team.Id, ConsentScope.Project);
        using (var teller = factory.NewBrowser())
        {
            var confirm = await teller.OpenAsync($"/verhalen/{withdrawn.Id}/intrekken?sleutel={withdrawn.Key}");
            using var done = await teller.SubmitAsync(confirm.FormWithAction("/intrekken"), new { });
            Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        }

        foreach (var viewer in Enum.GetValues<Viewer>())
        {
            using var browser = viewer switch
            {
                Viewer.Observer => await factory.SignInAsync(team.Observer.Email!),
                Viewer.Member => await factory.SignInAsync(team.Member.Email!),
                Viewer.Facilitator => await factory.SignInAsync(team.Facilitator.Email!),
                Viewer.OtherProjectMember => await factory.SignInAsync(otherMember.Email!),
                Viewer.Admin => await factory.SignInAsync(admin.Email!),
                _ => factory.NewBrowser(),
            };
            var what = $"{visibility}, {viewer}";

            // The story page, and the API item, with the viewer's key where they hold one.
            foreach (var (scope, story) in stories)
            {
                var key = viewer switch { Viewer.KeyHolder => story.Key, Viewer.OtherLinkVisitor => otherLinkStory.Key, _ => null };
                var query = key is null ? "" : "?sleutel=" + key;
                var expected = Expected(viewer, scope, visibility, keyUsed: true);
                var page = await browser.GetPageAsync($"/verhalen/{story.Id}{query}");
                AssertSeen(expected, page, story, $"{what}, {scope}: story page");
                if (expected != Seen.No)
                {
                    var showsConsent = viewer is Viewer.Member or Viewer.Facilitator or Viewer.KeyHolder;
                    Assert.True(showsConsent == (page.Document.QuerySelector("#toestemming") is not null), $"{what}, {scope}: consent details shown = {!showsConsent}");
                    var speaks = viewer == Viewer.KeyHolder;
                    Assert.True(speaks == page.Document.QuerySelectorAll("a").Any(a => a.GetAttribute("href") == $"/verhalen/{story.Id}/duiden{query}"),
                        $"{what}, {scope}: the teller's own links");
                    // Facilitators (and admins, who moderate: CanManage) may withdraw on the teller's request; nobody else who merely reads.
                    var mayWithdraw = speaks || viewer is Viewer.Facilitator or Viewer.Admin;
                    Assert.True(mayWithdraw == page.Document.QuerySelectorAll("a").Any(a => (a.GetAttribute("href") ?? "").StartsWith($"/verhalen/{story.Id}/intrekken", StringComparison.Ordinal)),
                        $"{what}, {scope}: withdraw link");
                }

                var (status, json) = await browser.JsonAsync($"/api/v1/stories/{story.Id}{query}");
                if (expected == Seen.No) Assert.True(status == HttpStatusCode.NotFound, $"{what}, {scope}: API item {(int)status}");
                else
                {
                    Assert.True(status == HttpStatusCode.OK, $"{what}, {scope}: API item {(int)status}");
                    AssertJsonName(expected, json, story, $"{what}, {scope}: API item");
                    Assert.Contains(story.Marker, json.GetProperty("text").GetString(), StringComparison.Ordinal);
                }
            }

            // The lists take no key: a key holder is just a visitor there.
            var listPage = await browser.GetPageAsync($"/projecten/{team.Id}/verhalen");
            var (listStatus, listJson) = await browser.JsonAsync($"/api/v1/projects/{team.Id}/stories");
            if (!ReadsProject(viewer, visibility))
            {
                Assert.True(listPage.Status == HttpStatusCode.NotFound, $"{what}: list page {(int)listPage.Status}");
                Assert.True(listStatus == HttpStatusCode.NotFound, $"{what}: API list {(int)listStatus}");
            }
            else
            {
                Assert.True(listPage.Status == HttpStatusCode.OK, $"{what}: list page {(int)listPage.Status}");
                Assert.True(listStatus == HttpStatusCode.OK, $"{what}: API list {(int)listStatus}");
                foreach (var (scope, story) in stories)
                {
                    var expected = Expected(viewer, scope, visibility, keyUsed: false);
                    var card = listPage.Document.QuerySelectorAll(".pt-story-card").FirstOrDefault(c => c.TextContent.Contains(story.Marker, StringComparison.Ordinal));
                    Assert.True((expected != Seen.No) == (card is not null), $"{what}, {scope}: in list page = {card is not null}");
                    if (card is not null)
                    {
                        Assert.True((expected == Seen.Named) == card.TextContent.Contains(story.TellerName, StringComparison.Ordinal), $"{what}, {scope}: name in list");
                        Assert.True((expected == Seen.Anonymised) == card.TextContent.Contains("Anonieme verteller", StringComparison.Ordinal), $"{what}, {scope}: anonymous in list");
                        var isTeam = viewer is Viewer.Member or Viewer.Facilitator;
                        Assert.True(isTeam == (card.QuerySelector(".pt-scope") is not null), $"{what}, {scope}: scope badge");
                    }
                    var item = listJson.EnumerateArray().Where(e => e.GetProperty("id").GetInt32() == story.Id).ToList();
                    Assert.True((expected != Seen.No) == (item.Count == 1), $"{what}, {scope}: in API list = {item.Count}");
                    if (item.Count == 1) AssertJsonName(expected, item[0], story, $"{what}, {scope}: API list");
                }
                Assert.DoesNotContain(withdrawn.Marker, listPage.Text, StringComparison.Ordinal);
                Assert.DoesNotContain(listJson.EnumerateArray(), e => e.GetProperty("id").GetInt32() == withdrawn.Id);
            }

            // Withdrawn: nowhere, for nobody.
            var withdrawnQuery = viewer == Viewer.KeyHolder ? "?sleutel=" + withdrawn.Key : "";
            var gone = await browser.GetPageAsync($"/verhalen/{withdrawn.Id}{withdrawnQuery}");
            Assert.True(gone.Status == HttpStatusCode.NotFound, $"{what}: withdrawn story page {(int)gone.Status}");
            Assert.DoesNotContain(withdrawn.Marker, gone.Text, StringComparison.Ordinal);
            var (goneStatus, _) = await browser.JsonAsync($"/api/v1/stories/{withdrawn.Id}{withdrawnQuery}");
            Assert.True(goneStatus == HttpStatusCode.NotFound, $"{what}: withdrawn story in API {(int)goneStatus}");
            if (viewer == Viewer.KeyHolder) Assert.Contains("Je verhaal is ingetrokken", gone.MainText, StringComparison.Ordinal);
        }
    }

    private static void AssertSeen(Seen expected, HtmlPage page, SeededStory story, string what)
    {
        if (expected == Seen.No)
        {
            Assert.True(page.Status == HttpStatusCode.NotFound, $"{what}: expected 404, got {(int)page.Status}");
            Assert.DoesNotContain(story.Marker, page.Text, StringComparison.Ordinal);
            return;
        }
        Assert.True(page.Status == HttpStatusCode.OK, $"{what}: expected 200, got {(int)page.Status}");
        Assert.Contains(story.Marker, page.MainText, StringComparison.Ordinal);
        Assert.True((expected == Seen.Named) == page.Text.Contains(story.TellerName, StringComparison.Ordinal), $"{what}: name shown = {expected == Seen.Named}");
        Assert.True((expected == Seen.Anonymised) == page.MainText.Contains("Anonieme verteller", StringComparison.Ordinal), $"{what}: anonymised");
    }

    private static void AssertJsonName(Seen expected, JsonElement json, SeededStory story, string what)
    {
        var shown = json.GetProperty("shownName").GetString();
        Assert.True(expected == Seen.Named ? shown == story.TellerName : shown == "Anonieme verteller", $"{what}: shownName {shown}");
        Assert.Equal(expected == Seen.Anonymised, json.GetProperty("anonymised").GetBoolean());
        if (expected == Seen.Anonymised) Assert.DoesNotContain(story.TellerName, json.GetRawText(), StringComparison.Ordinal);
    }
}
