using Proeftuin.Features.Stories;
using Proeftuin.Features.Thread;

namespace Proeftuin.Tests.Thread;

public sealed class LinkTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    [Fact]
    public async Task Links_are_added_from_either_side_and_shown_on_both_items()
    {
        var team = await factory.Data.TeamProjectAsync();
        var insight = await factory.ItemAsync(team.Id, ItemKind.Insight, "Buren kennen elkaar niet");
        var question = await factory.ItemAsync(team.Id, ItemKind.Question, "Hoe kunnen we buren verbinden?");
        var source = await factory.ItemAsync(team.Id, ItemKind.Source, "Onderzoek naar buurtcontact");
        using var member = await factory.SignInAsync(team.Member.Email!);

        // From the insight: "dit inzicht onderbouwt de vraag".
        using (var r = await member.AddLinkAsync(insight, question, "from", "Supports")) Expect.Redirect(r, $"/draad/{insight}#verbanden");
        // From the insight again, the other way: "de bron onderbouwt dit inzicht".
        using (var r = await member.AddLinkAsync(insight, source, "to", "Supports")) Expect.Redirect(r, $"/draad/{insight}#verbanden");
        var links = await factory.WithDbAsync(db => db.Links.AsNoTracking().Where(l => l.ProjectId == team.Id).ToListAsync());
        Assert.Contains(links, l => l.FromId == insight && l.ToId == question && l.Type == LinkType.Supports && l.CreatedById == team.Member.Id);
        Assert.Contains(links, l => l.FromId == source && l.ToId == insight);

        var page = await member.OpenAsync($"/draad/{question}");
        var linkSection = page.Document.QuerySelector("#verbanden")!.TextContent;
        Assert.Contains("Buren kennen elkaar niet", linkSection, StringComparison.Ordinal);
        Assert.Contains("wordt onderbouwd door", linkSection, StringComparison.Ordinal);
        // The item page's own form works too (posts to /draad/{id}/verband).
        var form = page.FormFor("Input.OtherId");
        Assert.Contains(source.ToString(System.Globalization.CultureInfo.InvariantCulture), form.Options("Input.OtherId"));
        Assert.DoesNotContain(question.ToString(System.Globalization.CultureInfo.InvariantCulture), form.Options("Input.OtherId"));
        using (var r = await member.SubmitAsync(form, new { Input_Type = "Answers", Input_Direction = "to", Input_OtherId = source.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
            Expect.Redirect(r, $"/draad/{question}#verbanden");
        Assert.Equal(3, await factory.LinkCountAsync(team.Id));
    }

    [Fact]
    public async Task Wrong_links_get_friendly_messages()
    {
        var team = await factory.Data.TeamProjectAsync();
        var other = await factory.Data.TeamProjectAsync();
        var a = await factory.ItemAsync(team.Id, ItemKind.Insight, "A");
        var b = await factory.ItemAsync(team.Id, ItemKind.Need, "B");
        var elsewhere = await factory.ItemAsync(other.Id, ItemKind.Need, "Elders");
        var withdrawn = await factory.StoryAsync(team.Id, ConsentScope.Project, withdrawn: true);
        using var member = await factory.SignInAsync(team.Member.Email!);
        using (var r = await member.AddLinkAsync(a, b)) Expect.Redirect(r, $"/draad/{a}#verbanden");
        await Expect.FormErrorAsync(await member.AddLinkAsync(a, b), "Deze twee hebben al een verband.");
        await Expect.FormErrorAsync(await member.AddLinkAsync(b, a), "Deze twee hebben al een verband.");
        await Expect.FormErrorAsync(await member.AddLinkAsync(a, a), "Een onderdeel kan geen verband met zichzelf hebben.");
        await Expect.FormErrorAsync(await member.AddLinkAsync(a, elsewhere), "Kies een onderdeel uit de lijst van dit project.");
        await Expect.FormErrorAsync(await member.AddLinkAsync(a, withdrawn), "Kies een onderdeel uit de lijst van dit project.");
        await Expect.FormErrorAsync(await member.AddLinkAsync(a, 999999), "Kies een onderdeel uit de lijst van dit project.");
        await Expect.FormErrorAsync(await member.AddLinkAsync(a, b, direction: "sideways"), "Kies de richting van het verband.");
        await Expect.FormErrorAsync(await member.AddLinkAsync(a, b, type: ""), "Kies wat voor verband het is.");
        await Expect.FormErrorAsync(await member.AddLinkAsync(a, b, type: "99"), "De waarde '99' is niet geldig.");
        Assert.Equal(1, await factory.LinkCountAsync(team.Id));
        Assert.Equal(0, await factory.LinkCountAsync(other.Id));
    }

    [Fact]
    public async Task Who_may_not_link_or_remove()
    {
        var team = await factory.Data.TeamProjectAsync();
        var other = await factory.Data.TeamProjectAsync();
        var a = await factory.ItemAsync(team.Id, ItemKind.Insight, "A");
        var b = await factory.ItemAsync(team.Id, ItemKind.Need, "B");
        var teamStory = await factory.StoryAsync(team.Id, ConsentScope.Team);
        var link = await factory.LinkAsync(a, b, byId: team.Facilitator.Id);
        var fields = new { Input_Type = "Supports", Input_Direction = "from", Input_OtherId = b.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        using (var anonymous = factory.NewBrowser())
        {
            using (var r = await anonymous.PostAsync($"/draad/{a}/verband", fields)) Expect.RedirectToSignIn(r);
            using (var r = await anonymous.PostAsync($"/verbanden/{link}/verwijderen", new { })) Expect.RedirectToSignIn(r);
        }
        foreach (var who in new[] { team.Observer, other.Facilitator })
        {
            using var browser = await factory.SignInAsync(who.Email!);
            using (var r = await browser.PostAsync($"/draad/{a}/verband", fields)) Expect.Status(HttpStatusCode.Forbidden, r, "link as " + who.DisplayName);
            using (var r = await browser.PostAsync($"/verbanden/{link}/verwijderen", new { })) Expect.Status(HttpStatusCode.Forbidden, r, "remove as " + who.DisplayName);
            // A story they may not read is not there at all.
            using (var r = await browser.PostAsync($"/draad/{teamStory}/verband", fields)) Expect.Status(HttpStatusCode.NotFound, r, "story link as " + who.DisplayName);
        }
        // A member who did not make the link may not remove it; the facilitator who made it may.
        using (var member = await factory.SignInAsync(team.Member.Email!))
        using (var r = await member.PostAsync($"/verbanden/{link}/verwijderen", new { })) Expect.Status(HttpStatusCode.Forbidden, r);
        Assert.Equal(1, await factory.LinkCountAsync(team.Id));
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var page = await facilitator.OpenAsync($"/draad/{a}");
        using (var r = await facilitator.SubmitAsync(page.FormWithAction($"/verbanden/{link}/verwijderen"), new { }))
            Expect.Redirect(r, $"/draad/{a}#verbanden");
        Assert.Equal(0, await factory.LinkCountAsync(team.Id));
        using (var r = await facilitator.PostAsync("/verbanden/999999/verwijderen", new { })) Expect.Status(HttpStatusCode.NotFound, r);
    }

    [Fact]
    public async Task Trace_walks_both_ways_transitively_without_loops()
    {
        var team = await factory.Data.TeamProjectAsync();
        var story = await factory.StoryAsync(team.Id, ConsentScope.Project, title: "Alleen na de verhuizing");
        var insight = await factory.ItemAsync(team.Id, ItemKind.Insight, "Verhuizen maakt eenzaam");
        var need = await factory.ItemAsync(team.Id, ItemKind.Need, "Contact in de nieuwe buurt");
        var question = await factory.ItemAsync(team.Id, ItemKind.Question, "Hoe kunnen we nieuwkomers welkom heten?");
        await factory.LinkAsync(story, insight);
        await factory.LinkAsync(insight, need, LinkType.LeadsTo);
        await factory.LinkAsync(need, question, LinkType.LeadsTo);
        await factory.LinkAsync(question, insight); // a loop back

        using var anonymous = factory.NewBrowser();
        var trace = await anonymous.OpenAsync($"/draad/{need}/spoor");
        var back = trace.Document.QuerySelector("section[aria-labelledby=terug]")!.TextContent;
        var forward = trace.Document.QuerySelector("section[aria-labelledby=vooruit]")!.TextContent;
        Assert.Contains("Verhuizen maakt eenzaam", back, StringComparison.Ordinal);
        Assert.Contains("Alleen na de verhuizing", back, StringComparison.Ordinal);
        Assert.Contains("2 stappen verder", back, StringComparison.Ordinal);
        Assert.Contains("Hoe kunnen we nieuwkomers welkom heten?", forward, StringComparison.Ordinal);
        // Through the loop the insight comes forward too, once.
        Assert.Single(trace.Document.QuerySelectorAll("section[aria-labelledby=vooruit] a"), a => a.TextContent == "Verhuizen maakt eenzaam");

        var fromStory = await anonymous.OpenAsync($"/draad/{story}/spoor");
        Assert.Contains("Hoe kunnen we nieuwkomers welkom heten?", fromStory.Document.QuerySelector("section[aria-labelledby=vooruit]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_walk_reads_level_by_level_for_several_roots_at_once_and_follows_answers_backwards()
    {
        var team = await factory.Data.TeamProjectAsync();
        var story = await factory.StoryAsync(team.Id, ConsentScope.Project, title: "Wachten op de bus");
        var need = await factory.ItemAsync(team.Id, ItemKind.Need, "Vervoer naar de huisarts");
        var question = await factory.ItemAsync(team.Id, ItemKind.Question, "Hoe kunnen we samen rijden?");
        var idea = await factory.ItemAsync(team.Id, ItemKind.Idea, "Een buurtauto");
        var apart = await factory.ItemAsync(team.Id, ItemKind.Need, "Iets heel anders");
        await factory.LinkAsync(story, need);
        await factory.LinkAsync(need, question, LinkType.LeadsTo);
        await factory.LinkAsync(idea, question, LinkType.Answers); // stored idea → question, but the question came first

        var walks = await factory.WithDbAsync(db => ThreadGraph.WalkAsync(db, [story, need, apart], forward: true, CancellationToken.None));
        Assert.Equal([(need, 1), (question, 2), (idea, 3)], walks[story].Select(s => (s.Id, s.Depth)));
        Assert.Equal([(question, 1), (idea, 2)], walks[need].Select(s => (s.Id, s.Depth)));
        Assert.Empty(walks[apart]);
        var upstream = await factory.WithDbAsync(db => ThreadGraph.UpstreamAsync(db, idea, CancellationToken.None));
        Assert.Equal(new HashSet<int> { idea, question, need, story }, upstream);
    }

    [Fact]
    public async Task Trace_respects_story_consent()
    {
        var team = await factory.Data.TeamProjectAsync();
        var teamStory = await factory.StoryAsync(team.Id, ConsentScope.Team, title: "Geheim verhaal van het team");
        var withdrawn = await factory.StoryAsync(team.Id, ConsentScope.Project, title: "Teruggetrokken verhaal", withdrawn: true);
        var insight = await factory.ItemAsync(team.Id, ItemKind.Insight, "Inzicht met verhalen");
        await factory.LinkAsync(teamStory, insight);
        await factory.LinkAsync(withdrawn, insight);

        using var member = await factory.SignInAsync(team.Member.Email!);
        var asTeam = await member.OpenAsync($"/draad/{insight}/spoor");
        Assert.Contains("Geheim verhaal van het team", asTeam.MainText, StringComparison.Ordinal);
        Assert.Contains("ingetrokken verhaal", asTeam.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain("Teruggetrokken verhaal", asTeam.Text, StringComparison.Ordinal);

        using var anonymous = factory.NewBrowser();
        using var observer = await factory.SignInAsync(team.Observer.Email!);
        foreach (var browser in new[] { anonymous, observer })
        {
            var page = await browser.OpenAsync($"/draad/{insight}/spoor");
            Assert.DoesNotContain("Geheim verhaal van het team", page.Text, StringComparison.Ordinal);
            Assert.Contains("een verhaal dat je niet kunt lezen", page.MainText, StringComparison.Ordinal);
            Assert.Contains("ingetrokken verhaal", page.MainText, StringComparison.Ordinal);
            Assert.DoesNotContain(page.Document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == $"/verhalen/{teamStory}" || a.GetAttribute("href") == $"/verhalen/{withdrawn}");
            // The item page lists the links the same way.
            var item = await browser.OpenAsync($"/draad/{insight}");
            Assert.DoesNotContain("Geheim verhaal van het team", item.Text, StringComparison.Ordinal);
            Assert.Contains("een verhaal dat je niet kunt lezen", item.MainText, StringComparison.Ordinal);
            // The story's own trace is not there for them.
            using (var r = await browser.GetAsync($"/draad/{teamStory}/spoor")) Expect.Status(HttpStatusCode.NotFound, r);
            using (var r = await browser.GetAsync($"/draad/{withdrawn}/spoor")) Expect.Status(HttpStatusCode.NotFound, r);
        }
        // An admin is not the team.
        using var admin = await factory.SignInDemoAsync("beheerder");
        Assert.DoesNotContain("Geheim verhaal van het team", (await admin.OpenAsync($"/draad/{insight}/spoor")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_link_choices_list_only_readable_stories()
    {
        var team = await factory.Data.TeamProjectAsync();
        var teamStory = await factory.StoryAsync(team.Id, ConsentScope.Team, title: "Teamverhaal");
        var withdrawn = await factory.StoryAsync(team.Id, ConsentScope.Project, title: "Weg", withdrawn: true);
        var open = await factory.StoryAsync(team.Id, ConsentScope.Project, title: "Open verhaal");
        var insight = await factory.ItemAsync(team.Id, ItemKind.Insight, "Inzicht");
        using var member = await factory.SignInAsync(team.Member.Email!);
        var options = (await member.OpenAsync($"/draad/{insight}")).FormFor("Input.OtherId").Options("Input.OtherId");
        Assert.Contains(teamStory.ToString(System.Globalization.CultureInfo.InvariantCulture), options);
        Assert.Contains(open.ToString(System.Globalization.CultureInfo.InvariantCulture), options);
        Assert.DoesNotContain(withdrawn.ToString(System.Globalization.CultureInfo.InvariantCulture), options);
    }
}
