using Proeftuin.Features.Signification;
using Proeftuin.Features.Stories;
using Proeftuin.Features.Thread;
using Proeftuin.Tests.Thread;

namespace Proeftuin.Tests.Stories;

/// <summary>
/// The consent matrix beyond the story pages: for each scope and viewer, a story shows up in search, in the
/// trace and the questions API, in the analysis and in the export exactly when the viewer may read it.
/// </summary>
public sealed class ConsentAcrossSurfacesTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    public static TheoryData<ConsentScope, string> Cases()
    {
        var data = new TheoryData<ConsentScope, string>();
        foreach (var scope in Enum.GetValues<ConsentScope>())
            foreach (var viewer in new[] { "anonymous", "share-link teller", "observer", "member", "facilitator", "other project's member", "admin" })
                data.Add(scope, viewer);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_story_appears_on_every_surface_exactly_when_its_consent_allows(ConsentScope scope, string viewer)
    {
        var team = await factory.Data.TeamProjectAsync();
        var word = "tuinfeest" + new string(Guid.NewGuid().ToString("N").Where(char.IsAsciiLetter).Take(6).ToArray());
        var key = Proeftuin.Web.Tokens.New();
        var story = await factory.StoryAsync(team.Id, scope, title: "Verhaal over " + word, text: "Het " + word + " bracht de straat samen.", key: key);
        var triad = new TriadShares(0.5, 0.25, 0.25);
        var (x, y) = Triad.ToPoint(triad);
        await factory.WithDbAsync(db => db.Stories.Where(s => s.Id == story).ExecuteUpdateAsync(u => u
            .SetProperty(s => s.FrameworkVersion, 0)
            .SetProperty(s => s.SignifiedAt, DateTime.UtcNow)
            .SetProperty(s => s.SignificationJson, new SignificationAnswers(new Dictionary<string, SignifierAnswer>
            {
                ["hulp"] = new() { X = x, Y = y, Top = triad.Top, Left = triad.Left, Right = triad.Right },
            }).ToJson())));
        var question = await factory.ItemAsync(team.Id, ItemKind.Question, "Hoe kunnen we buren samenbrengen?");
        await factory.LinkAsync(story, question, byId: team.Facilitator.Id);

        using var browser = viewer switch
        {
            "anonymous" or "share-link teller" => factory.NewBrowser(),
            "observer" => await factory.SignInAsync(team.Observer.Email!),
            "member" => await factory.SignInAsync(team.Member.Email!),
            "facilitator" => await factory.SignInAsync(team.Facilitator.Email!),
            "other project's member" => await factory.SignInAsync((await OtherProjectMemberAsync()).Email!),
            "admin" => await factory.SignInAsync((await factory.Data.UserAsync(admin: true)).Email!),
            _ => throw new ArgumentOutOfRangeException(nameof(viewer)),
        };
        var mayRead = scope != ConsentScope.Team || viewer is "member" or "facilitator";
        var storyLink = $"a[href='/verhalen/{story}']";
        var what = $"{scope} story for {viewer}";

        var search = await browser.OpenAsync($"/projecten/{team.Id}/zoeken?q={word}");
        Assert.True(mayRead == (search.Document.QuerySelector(storyLink) is not null), $"search: {what}");
        Assert.True(mayRead == search.MainText.Contains(word, StringComparison.Ordinal), $"search text: {what}");

        var trace = await browser.OpenAsync($"/draad/{question}/spoor");
        Assert.True(mayRead == (trace.Document.QuerySelector(storyLink) is not null), $"trace: {what}");
        Assert.True(mayRead == trace.MainText.Contains(word, StringComparison.Ordinal), $"trace text: {what}");

        var questions = await browser.GetJsonAsync($"/api/v1/projects/{team.Id}/questions");
        var evidence = questions.EnumerateArray().Single(q => q.GetProperty("id").GetInt32() == question).GetProperty("evidence").GetRawText();
        Assert.True(mayRead == evidence.Contains(word, StringComparison.Ordinal), $"questions API: {what}");

        var analysis = await browser.OpenAsync($"/projecten/{team.Id}/analyse");
        Assert.True(mayRead == (analysis.Document.QuerySelector(storyLink) is not null), $"analysis: {what}");

        using var export = await browser.GetAsync($"/projecten/{team.Id}/verhalen/export?format=csv");
        if (viewer == "facilitator")
        {
            Assert.Equal(HttpStatusCode.OK, export.StatusCode);
            var rows = (await export.Content.ReadAsStringAsync()).Split('\n');
            Assert.Contains(rows, r => r.StartsWith(story.ToString(System.Globalization.CultureInfo.InvariantCulture) + ",", StringComparison.Ordinal));
        }
        else
        {
            Assert.NotEqual(HttpStatusCode.OK, export.StatusCode);
        }

        // The share-link teller's key opens their own story, whatever its scope, but no other surface.
        if (viewer == "share-link teller")
            Assert.Equal(HttpStatusCode.OK, (await browser.OpenAsync($"/verhalen/{story}?sleutel={key}")).Status);
    }

    [Fact]
    public async Task A_withdrawn_story_is_on_no_surface_even_for_the_facilitator()
    {
        var team = await factory.Data.TeamProjectAsync();
        var word = "zomerfeest" + new string(Guid.NewGuid().ToString("N").Where(char.IsAsciiLetter).Take(6).ToArray());
        var story = await factory.StoryAsync(team.Id, ConsentScope.Project, title: "Verhaal over " + word, text: word, withdrawn: true);
        var question = await factory.ItemAsync(team.Id, ItemKind.Question, "Hoe kunnen we het feest herhalen?");
        await factory.LinkAsync(story, question, byId: team.Facilitator.Id);
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        foreach (var url in new[] { $"/projecten/{team.Id}/zoeken?q={word}", $"/draad/{question}/spoor", $"/projecten/{team.Id}/analyse", $"/projecten/{team.Id}/verhalen" })
        {
            var page = await facilitator.OpenAsync(url);
            Assert.Null(page.Document.QuerySelector($"a[href='/verhalen/{story}']"));
            Assert.DoesNotContain(word, page.MainText, StringComparison.Ordinal);
        }
        Assert.Contains("ingetrokken verhaal", (await facilitator.OpenAsync($"/draad/{question}/spoor")).MainText, StringComparison.Ordinal);
        using var export = await facilitator.GetAsync($"/projecten/{team.Id}/verhalen/export?format=csv");
        Assert.DoesNotContain((await export.Content.ReadAsStringAsync()).Split('\n'), r => r.StartsWith(story.ToString(System.Globalization.CultureInfo.InvariantCulture) + ",", StringComparison.Ordinal));
    }

    private async Task<Features.Accounts.AppUser> OtherProjectMemberAsync()
    {
        var user = await factory.Data.UserAsync();
        await factory.Data.ProjectAsync(members: [(user, ProjectRole.Facilitator)]);
        return user;
    }
}
