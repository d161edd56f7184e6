using Proeftuin.Data;
using Proeftuin.Features.Stories;
using Proeftuin.Features.Thread;

namespace Proeftuin.Tests.Thread;

/// <summary>
/// The full-text index (PostgreSQL GIN, SQLite FTS5 kept in step by triggers; ADR 0024) follows every change of an
/// item's stored stems: a stale index would still find a withdrawn story's old words, or miss an edited item's new ones.
/// </summary>
public sealed class SearchIndexTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private Task<List<int>> FindAsync(int projectId, params string[] words) =>
        factory.WithDbAsync(db => db.Items.Where(i => i.ProjectId == projectId)
            .Matching(db, words.SelectMany(w => DutchStems.Of(w)).ToList()).Select(i => i.Id).OrderBy(i => i).ToListAsync());

    [Fact]
    public async Task Index_follows_edits_withdrawals_and_deletes()
    {
        var team = await factory.Data.TeamProjectAsync();
        var story = await factory.StoryAsync(team.Id, ConsentScope.Project, title: "Zondagmiddag", text: "De vuilnisophaler groette altijd vriendelijk.");
        var insight = await factory.ItemAsync(team.Id, ItemKind.Insight, "Ophaaldienst", "Vaste gezichten op straat, zoals de vuilnisophaler.");
        Assert.Equal([story, insight], await FindAsync(team.Id, "vuilnisophalers"));
        Assert.Equal([story], await FindAsync(team.Id, "vuilnis", "zondagmiddag"));

        // Edited: the old words are gone from the index, the new ones are found.
        await factory.WithDbAsync(async db =>
        {
            var item = await db.Items.SingleAsync(i => i.Id == insight);
            item.Text = "Vaste gezichten op straat, zoals de postbode.";
            item.SearchTerms = DutchStems.ToSearchTerms(item.Title, item.Text);
            return await db.SaveChangesAsync();
        });
        Assert.Equal([story], await FindAsync(team.Id, "vuilnisophaler"));
        Assert.Equal([insight], await FindAsync(team.Id, "postbode"));

        // Withdrawn as WithdrawStory erases it: nothing of its words stays findable, whatever the consent filter.
        await factory.WithDbAsync(async db =>
        {
            WithdrawStory.Erase(await db.Stories.SingleAsync(s => s.Id == story), DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });
        Assert.Empty(await FindAsync(team.Id, "vuilnisophaler"));
        Assert.Empty(await FindAsync(team.Id, "zondagmiddag"));

        // Deleted: gone from the index too; a new item with the same words is found under its own id.
        await factory.WithDbAsync(db => db.Items.Where(i => i.Id == insight).ExecuteDeleteAsync());
        Assert.Empty(await FindAsync(team.Id, "postbode"));
        var again = await factory.ItemAsync(team.Id, ItemKind.Need, "Een postbode die even aanbelt");
        Assert.Equal([again], await FindAsync(team.Id, "postbode"));
    }

    [Fact]
    public async Task Words_match_as_prefixes_and_query_syntax_is_plain_text()
    {
        var team = await factory.Data.TeamProjectAsync();
        var cafe = await factory.ItemAsync(team.Id, ItemKind.Insight, "Café in de wijk", "Koffie \"en\" OR thee NEAR de kerk AND-moskee.");
        var plain = await factory.ItemAsync(team.Id, ItemKind.Insight, "Cafe zonder accent");
        Assert.Equal([cafe, plain], await FindAsync(team.Id, "caf"));
        // Words that are operators in FTS5 or tsquery syntax are just words here.
        Assert.Equal([cafe], await FindAsync(team.Id, "OR", "NEAR", "AND"));
        Assert.Empty(await FindAsync(team.Id, "NOT"));
        // A stem matches the start of a stored word only, not its middle.
        Assert.Empty(await FindAsync(team.Id, "offie"));
    }
}
