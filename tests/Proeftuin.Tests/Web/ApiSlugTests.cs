using System.Text.Json;
using Proeftuin.Features.Stories;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Tests.Web;

/// <summary>
/// The API's names for enums are a fixed English contract (ADR 0017): written out in tables, not derived from the Dutch
/// labels or the member names, read in any case; the Dutch domain words of before are still read for one release.
/// </summary>
public sealed class ApiSlugTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private static void Table<T>(ApiSlugs<T> table, params string[] expected) where T : struct, Enum
    {
        // Every value has one, in this exact spelling: a rename (of a label, a member or a slug) breaks this on purpose.
        Assert.Equal(expected, Enum.GetValues<T>().Where(v => !(typeof(T) == typeof(Domains) && Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture) == 0)).Select(table.Of));
        Assert.All(expected, slug => Assert.Matches("^[A-Za-z]+$", slug));
        foreach (var (value, slug) in table.All)
        {
            Assert.Equal(value, table.Parse(slug.ToUpperInvariant()));
            Assert.Equal(value, table.Parse(" " + slug.ToLowerInvariant() + " "));
        }
        Assert.Null(table.Parse("0"));
        Assert.Null(table.Parse(""));
        Assert.Null(table.Parse(TestData.Script));
    }

    [Fact]
    public void Every_enum_the_api_sends_has_a_written_out_table()
    {
        Table(ProjectSlugs.Phase, "Empathize", "Define", "Ideate", "Prototype", "Test");
        Table(ProjectSlugs.Status, "Active", "Paused", "Finished");
        Table(ProjectSlugs.Visibility, "Open", "MembersOnly");
        Table(ProjectSlugs.Domain, "care", "safety", "education", "labour", "housing", "income");
        Table(MemberSlugs.Perspective, "Experience", "Professional", "Scientific");
        Table(MemberSlugs.Role, "Observer", "Member", "Evaluator", "Facilitator");
        Table(StorySlugs.Scope, "Team", "Project", "PublicAnonymised");
        Table(ThreadSlugs.Link, "supports", "leadsTo", "answers");
        Assert.Equal(["Stories", "Insights", "Sources", "PersonasAndJourneys", "Needs", "Questions", "Ideas", "Prototypes", "Observations", "Lessons"], ThreadKinds.Registry.BalanceRows.Select(r => r.ApiSlug));
        Assert.Equal("Comments", BalanceRows.Comments.ApiSlug);
    }

    /// <summary>The slugs are not the labels: the labels can be reworded (B1 Dutch, English) without touching the API.</summary>
    [Fact]
    public void Slugs_do_not_follow_the_labels()
    {
        foreach (var d in ProjectWords.AllDomains)
        {
            Assert.NotEqual(d.Label().ToLowerInvariant(), ProjectSlugs.Domain.Of(d));
            // The old, label-derived words are read for one release, never sent.
            Assert.Equal(d, ProjectSlugs.Domain.Parse(d.Label()));
            Assert.Equal(d.Label().ToLowerInvariant(), ProjectSlugs.Domain.Older.Single(o => o.Value == d).Key);
        }
        foreach (var p in Enum.GetValues<Phase>()) Assert.NotEqual(p.Label(), ProjectSlugs.Phase.Of(p), StringComparer.OrdinalIgnoreCase);
        foreach (var p in Enum.GetValues<Perspective>()) Assert.NotEqual(p.Label(), MemberSlugs.Perspective.Of(p), StringComparer.OrdinalIgnoreCase);
        foreach (var t in Enum.GetValues<LinkType>()) Assert.NotEqual(t.Label(), ThreadSlugs.Link.Of(t), StringComparer.OrdinalIgnoreCase);
        // A value left out of a table is a programming error, found at once.
        Assert.Throws<InvalidOperationException>(() => ProjectSlugs.Domain.Of(Domains.Care | Domains.Income));
        Assert.Throws<InvalidOperationException>(() => ProjectSlugs.Phase.Of((Phase)42));
        Assert.Throws<ArgumentException>(() => new ApiSlugs<Phase>(new Dictionary<Phase, string> { [Phase.Define] = "x", [Phase.Test] = "X" }));
    }

    private static List<string?> Titles(JsonElement list) => list.EnumerateArray().Select(p => p.GetProperty("title").GetString()).ToList();

    [Theory]
    [InlineData("income")]
    [InlineData("INCOME")]
    [InlineData("inkomen")] // the Dutch word of before, read for one release
    [InlineData("Inkomen")]
    public async Task Projects_filter_on_the_english_domain_and_still_the_dutch_word(string domain)
    {
        using var browser = factory.NewBrowser();
        var found = await browser.GetJsonAsync("/api/v1/projects?domain=" + domain);
        Assert.Contains(TestData.Poverty, Titles(found));
        Assert.DoesNotContain(TestData.EHealth, Titles(found));
        Assert.All(found.EnumerateArray(), p => Assert.Contains("income", p.GetProperty("domains").EnumerateArray().Select(x => x.GetString())));
    }

    [Fact]
    public async Task Answers_carry_the_english_slugs_everywhere()
    {
        using var browser = factory.NewBrowser();
        var all = await browser.GetJsonAsync("/api/v1/projects");
        var domains = all.EnumerateArray().SelectMany(p => p.GetProperty("domains").EnumerateArray().Select(d => d.GetString()!)).Distinct().ToList();
        Assert.NotEmpty(domains);
        Assert.All(domains, d => Assert.Contains(d, ProjectSlugs.Domain.All.Values));
        Assert.All(all.EnumerateArray(), p => Assert.Contains(p.GetProperty("visibility").GetString(), ProjectSlugs.Visibility.All.Values));

        var poverty = all.EnumerateArray().First(p => p.GetProperty("title").GetString() == TestData.Poverty);
        var project = await browser.GetJsonAsync($"/api/v1/projects/{poverty.GetProperty("id").GetInt32()}");
        Assert.Contains("income", project.GetProperty("domains").EnumerateArray().Select(d => d.GetString()));
        Assert.DoesNotContain("inkomen", project.GetProperty("domains").EnumerateArray().Select(d => d.GetString()));

        // The programme lists its projects the same way: domains as a list of slugs, not "Care, Income".
        var programme = await browser.GetJsonAsync($"/api/v1/programmes/{await factory.Data.ProgrammeIdAsync()}");
        var listed = programme.GetProperty("projects").EnumerateArray().First(p => p.GetProperty("title").GetString() == TestData.Poverty);
        Assert.Equal(poverty.GetProperty("domains").ToString(), listed.GetProperty("domains").ToString());
        Assert.Equal(poverty.GetProperty("phase").GetString(), listed.GetProperty("phase").GetString());
        Assert.Contains(listed.GetProperty("status").GetString(), ProjectSlugs.Status.All.Values);
    }

    [Theory]
    [InlineData("domain=ruimtevaart")]
    [InlineData("domain=Care%2CIncome")]
    [InlineData("domain=1")]
    [InlineData("domain=%3Cscript%3E")]
    public async Task An_unknown_domain_is_a_400_naming_the_english_slugs(string query)
    {
        using var browser = factory.NewBrowser();
        using var response = await browser.GetAsync("/api/v1/projects?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("Kies uit: care, safety, education, labour, housing, income.", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_story_posted_with_slugs_in_any_case_is_read()
    {
        var team = await factory.Data.TeamProjectAsync();
        using var member = await factory.SignInAsync(team.Member.Email!);
        using var content = new StringContent("""{"text":"Via de API, kleine letters.","scope":"publicanonymised","perspective":"professional"}""",
            System.Text.Encoding.UTF8, "application/json");
        using var response = await member.Client.PostAsync(new Uri($"/api/v1/projects/{team.Id}/stories", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var story = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("PublicAnonymised", story.GetProperty("scope").GetString());
        Assert.Equal("Professional", story.GetProperty("perspective").GetString());
        Assert.Equal("Empathize", story.GetProperty("phase").GetString());
    }
}
