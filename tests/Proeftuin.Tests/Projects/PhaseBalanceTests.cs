using Proeftuin.Features.Stories;
using Proeftuin.Features.Thread;

namespace Proeftuin.Tests.Projects;

public sealed class PhaseBalanceTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private Task AddAsync(int projectId, params ThreadItem[] items) => factory.WithDbAsync(async db =>
    {
        foreach (var i in items)
        {
            i.ProjectId = projectId;
            i.Title = i.Title.Length == 0 ? "Item" : i.Title;
            i.CreatedAt = i.UpdatedAt = DateTime.UtcNow;
        }
        db.Items.AddRange(items);
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task Without_stories_the_page_says_so_in_plain_words()
    {
        var team = await factory.Data.TeamProjectAsync();
        await AddAsync(team.Id, new Insight { KnowledgeSource = Perspective.Professional, Phase = Phase.Empathize });
        using var anonymous = factory.NewBrowser();
        var text = (await anonymous.OpenAsync($"/projecten/{team.Id}")).MainText;
        Assert.Contains("Er zijn nog geen ervaringsverhalen in deze fase.", text, StringComparison.Ordinal);
        Assert.Contains("Er is in deze fase nog geen kennis uit ervaring ingebracht.", text, StringComparison.Ordinal);
        Assert.Contains("Er is in deze fase nog geen kennis uit onderzoek ingebracht.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Counts_only_this_phase_and_never_withdrawn_stories()
    {
        var team = await factory.Data.TeamProjectAsync(phase: Phase.Define);
        await AddAsync(team.Id,
            new Story { KnowledgeSource = Perspective.Experience, Phase = Phase.Define, Scope = ConsentScope.Team },
            new Story { KnowledgeSource = Perspective.Experience, Phase = Phase.Define, WithdrawnAt = DateTime.UtcNow },
            new Story { KnowledgeSource = Perspective.Experience, Phase = Phase.Empathize },
            new Need { KnowledgeSource = Perspective.Professional, Phase = Phase.Define },
            new Question { KnowledgeSource = Perspective.Professional, Phase = Phase.Define },
            new Source { KnowledgeSource = Perspective.Scientific, Phase = Phase.Define, Citation = "Bron" });

        using var api = factory.NewBrowser();
        var json = await api.GetJsonAsync($"/api/v1/projects/{team.Id}");
        var balance = json.GetProperty("knowledgeBalance");
        Assert.Equal("Define", balance.GetProperty("phase").GetString());
        var contributions = balance.GetProperty("contributions");
        Assert.Equal(1, contributions.GetProperty("Experience").GetInt32());
        Assert.Equal(2, contributions.GetProperty("Professional").GetInt32());
        Assert.Equal(1, contributions.GetProperty("Scientific").GetInt32());
        Assert.Equal(1, balance.GetProperty("contributionsByKind").GetProperty("Stories").GetProperty("Experience").GetInt32());

        var text = (await api.OpenAsync($"/projecten/{team.Id}")).MainText;
        Assert.DoesNotContain("Er zijn nog geen ervaringsverhalen in deze fase.", text, StringComparison.Ordinal);
        Assert.Contains("Kennisbalans in de fase Probleem definiëren", text, StringComparison.Ordinal);
        Assert.DoesNotContain("nog geen kennis uit", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_small_share_is_named_as_under_20_percent()
    {
        var team = await factory.Data.TeamProjectAsync();
        var items = Enumerable.Range(0, 5).Select(_ => (ThreadItem)new Insight { KnowledgeSource = Perspective.Professional, Phase = Phase.Empathize })
            .Append(new Story { KnowledgeSource = Perspective.Experience, Phase = Phase.Empathize })
            .Concat(Enumerable.Range(0, 5).Select(_ => new Source { KnowledgeSource = Perspective.Scientific, Phase = Phase.Empathize, Citation = "c" }))
            .ToArray();
        await AddAsync(team.Id, items);
        using var anonymous = factory.NewBrowser();
        var text = (await anonymous.OpenAsync($"/projecten/{team.Id}")).MainText;
        Assert.Contains("Er is in deze fase weinig kennis uit ervaring ingebracht (minder dan 20% van de bijdragen).", text, StringComparison.Ordinal);
    }
}
