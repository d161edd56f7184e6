using Microsoft.Data.Sqlite;
using Npgsql;
using Proeftuin.Features.Stories;
using Proeftuin.Tests.Stories;

namespace Proeftuin.Tests.Projects;

/// <summary>
/// The knowledge balance's counts are the same for every reader, so they are kept with the public pages (SharedCounts,
/// ADR 0026): a signed-in reader gets them without a count over the whole project, and a change through the app
/// evicts them at once.
/// </summary>
public sealed class SharedCountsTests
{
    [Fact]
    public async Task Signed_in_readers_get_the_kept_balance_until_a_change_through_the_app_evicts_it()
    {
        // Its own app: rows are changed behind the app's back, which would leave other tests a stale count.
        await using var app = new StoriesFactory();
        var team = await app.Data.TeamProjectAsync();
        var stories = new List<int>();
        for (var i = 0; i < 3; i++)
            stories.Add((await app.StoryAsync(team.Id, ConsentScope.Project)).Id);
        using var member = await app.SignInAsync(team.Member.Email!);
        Assert.Equal(3, await ExperienceCountAsync(member, team.Id));

        // Two stories move to another phase without the app knowing: the kept count is served, not counted again.
        await MovePhaseWithoutTheAppAsync(app, stories.Take(2));
        Assert.Equal(3, await ExperienceCountAsync(member, team.Id));

        // A story shared through the app evicts: the next reader counts afresh (1 left in this phase + the new one).
        await app.StoryAsync(team.Id, ConsentScope.Project);
        Assert.Equal(2, await ExperienceCountAsync(member, team.Id));
    }

    private static async Task<int> ExperienceCountAsync(Browser browser, int projectId)
    {
        var (status, body) = await browser.JsonAsync($"/api/v1/projects/{projectId}");
        Assert.Equal(HttpStatusCode.OK, status);
        return body.GetProperty("knowledgeBalance").GetProperty("contributions").GetProperty("Experience").GetInt32();
    }

    private static async Task MovePhaseWithoutTheAppAsync(ProeftuinFactory app, IEnumerable<int> ids)
    {
        foreach (var id in ids)
        {
            if (ProeftuinFactory.IsPostgres)
            {
                await using var connection = new NpgsqlConnection(app.Settings["ConnectionStrings:Proeftuin"]);
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand("UPDATE \"Items\" SET \"Phase\" = 1 WHERE \"Id\" = @id", connection);
                command.Parameters.AddWithValue("id", id);
                Assert.Equal(1, await command.ExecuteNonQueryAsync());
            }
            else
            {
                await using var connection = new SqliteConnection($"Data Source={Path.Combine(app.DataDirectory, "proeftuin.db")};Pooling=false");
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "UPDATE \"Items\" SET \"Phase\" = 1 WHERE \"Id\" = $id";
                command.Parameters.AddWithValue("$id", id);
                Assert.Equal(1, await command.ExecuteNonQueryAsync());
            }
        }
    }
}
