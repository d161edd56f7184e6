using Proeftuin.Features.Experiments;
using Proeftuin.Features.Stories;
using Proeftuin.Features.Thread;
using Proeftuin.Tests.Experiments;
using Proeftuin.Tests.Thread;

namespace Proeftuin.Tests.Dashboard;

/// <summary>The trace page's drawn graph: the whole thread, story to lesson, both ways, with a withdrawn story that exposes nothing.</summary>
public sealed class TraceGraphTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private static readonly string[] ThreadOrder =
        ["Ervaringsverhaal", "Inzicht", "Behoefte", "Hoe kunnen we …?-vraag", "Idee", "Prototype", "Proef", "Besluit", "Les"];

    private sealed record Chain(TeamProject Team, int Story, int Withdrawn, int Insight, int Lesson, string WithdrawnTitle);

    private async Task<Chain> ChainAsync()
    {
        var team = await factory.Data.TeamProjectAsync();
        var withdrawnTitle = "Weggehaald " + Guid.NewGuid().ToString("N")[..8];
        var story = await factory.StoryAsync(team.Id, ConsentScope.Project, title: "Zondagen zijn lang");
        var withdrawn = await factory.StoryAsync(team.Id, ConsentScope.Project, title: withdrawnTitle, text: withdrawnTitle, withdrawn: true);
        var insight = await factory.ItemAsync(team.Id, ItemKind.Insight, "Zondag is eenzaam");
        var need = await factory.ItemAsync(team.Id, ItemKind.Need, "Iemand om mee te praten");
        var question = await factory.ItemAsync(team.Id, ItemKind.Question, "Hoe kunnen we de zondag vullen?");
        var idea = await factory.ItemAsync(team.Id, ItemKind.Idea, "Buurtkamer op zondag open");
        var prototype = await factory.PrototypeAsync(team.Id, "Buurtkamer mock-up");
        var experiment = await factory.ExperimentAsync(team.Id, ExperimentStatus.Ended, prototype, title: "Zondag open proef");
        var decision = await factory.WithDbAsync(async db =>
        {
            var d = new Decision
            {
                ProjectId = team.Id,
                ExperimentId = experiment.Id,
                Choice = DecisionChoice.Adjust,
                Title = "Bijsturen: ook op zaterdag",
                Text = "Te weinig mensen.",
                Html = "<p>Te weinig mensen.</p>",
                CreatedAt = DateTime.UtcNow,
                UpdatedAt = DateTime.UtcNow,
                SearchTerms = " bijsturen ",
            };
            db.Items.Add(d);
            await db.SaveChangesAsync();
            return d.Id;
        });
        var lesson = await factory.ItemAsync(team.Id, ItemKind.Lesson, "Vraag eerst wie er komt");
        int[] chain = [story, insight, need, question, idea, prototype, experiment.Id, decision, lesson];
        for (var i = 0; i + 1 < chain.Length; i++) await factory.LinkAsync(chain[i], chain[i + 1], LinkType.LeadsTo);
        await factory.LinkAsync(withdrawn, insight, LinkType.Supports);
        return new Chain(team, story, withdrawn, insight, lesson, withdrawnTitle);
    }

    [Fact]
    public async Task The_trace_draws_story_to_lesson_both_ways_and_a_withdrawn_story_exposes_nothing()
    {
        var c = await ChainAsync();
        using var member = await factory.SignInAsync(c.Team.Member.Email!);
        foreach (var (root, what) in new[] { (c.Lesson, "backward from the lesson"), (c.Story, "forward from the story") })
        {
            var page = await member.OpenAsync($"/draad/{root}/spoor");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            var svg = page.Document.QuerySelector("svg.pt-trace-graph__svg");
            Assert.True(svg is not null, $"No drawing {what}.");
            Assert.Equal("img", svg.GetAttribute("role"));
            Assert.NotNull(svg.QuerySelector("title"));
            Assert.Contains("De lijsten hieronder", svg.QuerySelector("desc")!.TextContent, StringComparison.Ordinal);
            // One column per kind, in the order of the thread, whichever end the walk started from.
            var columns = svg.QuerySelectorAll(".pt-trace-graph__column").Select(t => t.TextContent.Trim()).ToList();
            Assert.Equal(ThreadOrder, columns);
            var nodes = svg.QuerySelectorAll(".pt-trace-graph__node").ToList();
            Assert.Single(nodes, n => n.ClassList.Contains("pt-trace-graph__node--root"));
            Assert.True(svg.QuerySelectorAll(".pt-trace-graph__arrow").Length >= 8, $"Too few arrows {what}.");
            // The accessible list stays; the drawing has no links and no ids of items.
            Assert.NotNull(page.Document.QuerySelector("ol.pt-trace"));
            Assert.Empty(svg.QuerySelectorAll("a"));
            Assert.DoesNotContain(c.WithdrawnTitle, page.Text, StringComparison.Ordinal);
            Assert.DoesNotContain($"/verhalen/{c.Withdrawn}", page.Text, StringComparison.Ordinal);
            if (root == c.Lesson)
            {
                // Backwards from the lesson the walk reaches both stories: ten boxes, one of them the withdrawn story's placeholder.
                Assert.Equal(10, nodes.Count);
                var gone = Assert.Single(nodes, n => n.ClassList.Contains("pt-trace-graph__node--gone"));
                Assert.Contains("ingetrokken verhaal", gone.TextContent, StringComparison.Ordinal);
                Assert.Contains("Zondagen zijn lang", svg.TextContent, StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal(9, nodes.Count);
                Assert.Contains("Vraag eerst wie er", svg.TextContent, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task A_long_hostile_title_is_cut_and_escaped_in_the_drawing()
    {
        var team = await factory.Data.TeamProjectAsync();
        var hostile = "<script>alert(1)</script> " + new string('x', 170); // within the 200 characters a title may have (PostgreSQL enforces it)
        var insight = await factory.ItemAsync(team.Id, ItemKind.Insight, hostile);
        var need = await factory.ItemAsync(team.Id, ItemKind.Need, "Behoefte");
        await factory.LinkAsync(insight, need);
        using var anonymous = factory.NewBrowser();
        var page = await anonymous.OpenAsync($"/draad/{need}/spoor");
        var svg = page.Document.QuerySelector("svg.pt-trace-graph__svg")!;
        Assert.Empty(svg.QuerySelectorAll("script"));
        Assert.All(svg.QuerySelectorAll(".pt-trace-graph__title"), t => Assert.True(t.TextContent.Length <= TraceGraph.LineLength + 1, t.TextContent));
        Assert.DoesNotContain(new string('x', 40), svg.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Titles_are_cut_into_two_lines_at_words()
    {
        Assert.Equal(["Zondag is eenzaam"], TraceGraph.Lines("Zondag is eenzaam"));
        var lines = TraceGraph.Lines("Hoe kunnen we de zondag vullen voor mensen die alleen wonen in de wijk?");
        Assert.Equal(2, lines.Count);
        Assert.EndsWith("…", lines[1], StringComparison.Ordinal);
        Assert.All(lines, l => Assert.True(l.Length <= TraceGraph.LineLength + 1, l));
        Assert.Empty(TraceGraph.Lines("   "));
    }
}
