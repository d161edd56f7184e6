using System.Globalization;
using Proeftuin.Features.Stories;
using Proeftuin.Features.Thread;

namespace Proeftuin.Tests.Thread;

/// <summary>
/// "Verband leggen" in a project with many items: grouped by kind, searchable on the server by title and text (a plain
/// GET form), without what is already linked, with a clear message for a link that exists, and never a story the
/// caller may not read.
/// </summary>
public sealed class LinkPickerTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private static string S(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static IReadOnlyList<string> Offered(HtmlPage page) => page.FormFor("Input.OtherId").Options("Input.OtherId");

    [Fact]
    public async Task Search_finds_by_title_and_text_grouped_by_kind()
    {
        var team = await factory.Data.TeamProjectAsync();
        var root = await factory.ItemAsync(team.Id, ItemKind.Question, "Hoe kunnen we buren verbinden?");
        var byTitle = await factory.ItemAsync(team.Id, ItemKind.Insight, "Het buurthuis is op zondag dicht");
        var byText = await factory.ItemAsync(team.Id, ItemKind.Need, "Ergens koffie drinken", "Vooral op zondagen, in de bibliotheek of het buurthuis.");
        var unrelated = await factory.ItemAsync(team.Id, ItemKind.Need, "Vervoer naar de markt");
        var story = await factory.StoryAsync(team.Id, ConsentScope.Project, title: "Mijn week", text: "De zondagmiddag duurt lang.");
        // More insights than the picker shows at once: the rest is found by searching.
        for (var i = 0; i < FindItems.PerKind + 2; i++) await factory.ItemAsync(team.Id, ItemKind.Insight, $"Los inzicht {i}");
        using var member = await factory.SignInAsync(team.Member.Email!);

        var item = await member.OpenAsync($"/draad/{root}");
        var search = item.Forms.Single(f => f.Method == "get" && f.HasField("q"));
        Assert.Equal($"/draad/{root}/verband", search.Action);
        Assert.Contains(item.Document.QuerySelectorAll("#Input_OtherId optgroup"), g => g.GetAttribute("label") == "Inzichten");
        // The oldest insight is past the newest 20.
        Assert.DoesNotContain(S(byTitle), Offered(item));
        Assert.Contains("Je ziet de nieuwste 20 van elke soort.", item.MainText, StringComparison.Ordinal);

        // "zondag" finds a title, a text ("zondagen") and a story ("zondagmiddag"), grouped by kind, stories first.
        var found = await member.OpenAsync($"/draad/{root}/verband?q=zondag");
        Assert.Equal([S(story), S(byTitle), S(byText)], Offered(found));
        var groups = found.Document.QuerySelectorAll("#Input_OtherId optgroup").Select(g => g.GetAttribute("label")).ToList();
        Assert.Equal(["Ervaringsverhalen", "Inzichten", "Behoeften"], groups);
        Assert.Contains("3 gevonden.", found.Document.QuerySelector("#verband-status")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("zondag", found.Document.QuerySelector("#verband-zoek")!.GetAttribute("value"));
        // Found by a word in the text only, and the oldest insight that the first list left out.
        Assert.Equal([S(byText)], Offered(await member.OpenAsync($"/draad/{root}/verband?q=bibliotheek")));
        Assert.Equal([S(byTitle)], Offered(await member.OpenAsync($"/draad/{root}/verband?q=buurthuis+dicht")));
        // One kind only.
        var needs = await member.OpenAsync($"/draad/{root}/verband?soort=behoefte");
        Assert.Equal([S(unrelated), S(byText)], Offered(needs));
        // Nothing found: a plain message, no empty form.
        var none = await member.OpenAsync($"/draad/{root}/verband?q=olifant");
        Assert.Contains("Niets gevonden om mee te verbinden.", none.Document.QuerySelector("#verband-status")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(none.Forms, f => f.HasField("Input.OtherId"));

        // The search's own list links: the chosen one is linked, the search is kept when the form comes back.
        using (var r = await member.SubmitAsync(found.FormFor("Input.OtherId"), new { Input_Type = "Supports", Input_Direction = "to", Input_OtherId = S(byText) }))
            Expect.Redirect(r, $"/draad/{root}#verbanden");
        Assert.True(await factory.WithDbAsync(db => db.Links.AnyAsync(l => l.FromId == byText && l.ToId == root)));
    }

    [Fact]
    public async Task What_is_already_linked_is_not_offered_and_a_duplicate_says_so_next_to_the_field()
    {
        var team = await factory.Data.TeamProjectAsync();
        var a = await factory.ItemAsync(team.Id, ItemKind.Insight, "Inzicht A");
        var b = await factory.ItemAsync(team.Id, ItemKind.Need, "Behoefte B");
        var c = await factory.ItemAsync(team.Id, ItemKind.Question, "Vraag C");
        await factory.LinkAsync(a, b, LinkType.LeadsTo);
        using var member = await factory.SignInAsync(team.Member.Email!);
        Assert.Equal([S(c)], Offered(await member.OpenAsync($"/draad/{a}")));
        Assert.Equal([S(c)], Offered(await member.OpenAsync($"/draad/{b}")));
        Assert.Equal([S(c)], Offered(await member.OpenAsync($"/draad/{a}/verband")));
        // Searching for it does not bring it back.
        var search = await member.OpenAsync($"/draad/{a}/verband?q=behoefte");
        Assert.Contains("Niets gevonden om mee te verbinden.", search.Document.QuerySelector("#verband-status")!.TextContent, StringComparison.Ordinal);

        // A page opened before someone else linked the two: the post says what is wrong, next to the field.
        var stale = await member.OpenAsync($"/draad/{c}");
        await factory.LinkAsync(c, a);
        using var response = await member.SubmitAsync(stale.FormFor("Input.OtherId"), new { Input_Type = "Supports", Input_Direction = "from", Input_OtherId = S(a) });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await HtmlPage.ReadAsync(response, $"/draad/{c}/verband");
        var next = page.Document.QuerySelector("#Input_OtherId-error, div#Input_OtherId.utrecht-form-field-error-message");
        Assert.NotNull(next);
        Assert.Contains("Deze twee hebben al een verband.", next!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector(".pt-error-summary a[href='#Input_OtherId']"));
        Assert.NotNull(page.Document.QuerySelector("#Input_OtherId"));
        Assert.Equal(2, await factory.LinkCountAsync(team.Id));
    }

    [Fact]
    public async Task A_story_is_offered_only_to_those_who_may_read_it_and_link()
    {
        var team = await factory.Data.TeamProjectAsync();
        var other = await factory.Data.TeamProjectAsync();
        var insight = await factory.ItemAsync(team.Id, ItemKind.Insight, "Inzicht over de vuurtoren");
        var secret = await factory.StoryAsync(team.Id, ConsentScope.Team, title: "Geheim teamverhaal", text: "Over de vuurtoren aan zee.");
        var gone = await factory.StoryAsync(team.Id, ConsentScope.Project, title: "Ingetrokken vuurtoren", text: "Vuurtoren.", withdrawn: true);
        var elsewhere = await factory.StoryAsync(other.Id, ConsentScope.Project, title: "Vuurtoren elders", text: "Vuurtoren.");
        var url = $"/draad/{insight}/verband?q=vuurtoren";

        using (var member = await factory.SignInAsync(team.Member.Email!))
        {
            var offered = Offered(await member.OpenAsync(url));
            Assert.Equal([S(secret)], offered);
            Assert.DoesNotContain(S(gone), offered);
            Assert.DoesNotContain(S(elsewhere), offered);
        }
        // Who may not link sees no picker at all: observers, admins (not the team), another project's facilitator.
        using (var observer = await factory.SignInAsync(team.Observer.Email!))
        {
            var item = await observer.OpenAsync($"/draad/{insight}");
            Assert.DoesNotContain(item.Forms, f => f.HasField("Input.OtherId") || f.HasField("q"));
            var denied = await observer.GetPageAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, denied.Status);
            Assert.DoesNotContain("Geheim teamverhaal", denied.Text, StringComparison.Ordinal);
        }
        using (var admin = await factory.SignInDemoAsync("beheerder"))
        {
            var denied = await admin.GetPageAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, denied.Status);
            Assert.DoesNotContain("Geheim teamverhaal", denied.Text, StringComparison.Ordinal);
        }
        using (var outsider = await factory.SignInAsync(other.Facilitator.Email!))
        {
            var denied = await outsider.GetPageAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, denied.Status);
            Assert.DoesNotContain("Geheim teamverhaal", denied.Text, StringComparison.Ordinal);
        }
        using (var anonymous = factory.NewBrowser())
        using (var r = await anonymous.GetAsync(url)) Expect.RedirectToSignIn(r);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("' OR 1=1 --")]
    [InlineData("%_%")]
    [InlineData("zondag%")]
    [InlineData("   ")]
    [InlineData("\u0000\u200b")]
    [InlineData("ünïcødé zondag 🌞")]
    public async Task Hostile_searches_get_a_page_not_an_error(string q)
    {
        var team = await factory.Data.TeamProjectAsync();
        var item = await factory.ItemAsync(team.Id, ItemKind.Insight, "Inzicht");
        await factory.ItemAsync(team.Id, ItemKind.Need, "Zondag alleen");
        using var member = await factory.SignInAsync(team.Member.Email!);
        var page = await member.GetPageAsync($"/draad/{item}/verband?q={Uri.EscapeDataString(q)}&soort={Uri.EscapeDataString(q)}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.DoesNotContain("<script>alert", page.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(page.Document.QuerySelectorAll("script"), s => !s.HasAttribute("src"));
    }

    [Fact]
    public async Task Too_long_or_wordless_searches_say_what_to_do()
    {
        var team = await factory.Data.TeamProjectAsync();
        var item = await factory.ItemAsync(team.Id, ItemKind.Insight, "Inzicht");
        await factory.ItemAsync(team.Id, ItemKind.Need, "Behoefte");
        using var member = await factory.SignInAsync(team.Member.Email!);
        var huge = await member.OpenAsync($"/draad/{item}/verband?q={new string('a', 5000)}");
        Assert.Contains("Je zoekopdracht is te lang.", huge.Document.QuerySelector("#verband-status")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(SearchProject.MaxQuery, huge.Document.QuerySelector("#verband-zoek")!.GetAttribute("value")!.Length);
        var symbols = await member.OpenAsync($"/draad/{item}/verband?q={Uri.EscapeDataString("!!! ???")}");
        Assert.Contains("Typ een of meer woorden om naar te zoeken.", symbols.MainText, StringComparison.Ordinal);
        // A kind that does not exist shows every kind.
        Assert.NotEmpty(Offered(await member.OpenAsync($"/draad/{item}/verband?soort=olifant")));
        // Posting to an item that does not exist.
        using var r = await member.PostAsync("/draad/999999/verband?q=x", new { Input_Type = "Supports", Input_Direction = "from", Input_OtherId = "1" });
        Expect.Status(HttpStatusCode.NotFound, r);
    }
}
