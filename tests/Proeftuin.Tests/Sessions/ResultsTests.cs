using Microsoft.AspNetCore.SignalR.Client;
using Proeftuin.Features.Sessions;

namespace Proeftuin.Tests.Sessions;

public sealed class ResultsTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    /// <summary>
    /// Worked by hand: one resident puts a stip on A, three professionals each put one on B.
    /// Raw: B 3, A 1, so B wins on a plain count. Balanced: residents gave 1/1 of their votes to A, professionals 3/3 to B;
    /// the mean over the two perspectives is A = (1 + 0) / 2 = 50 %, B = (0 + 1) / 2 = 50 %. Equal balanced scores go by raw,
    /// so B is listed first.
    /// </summary>
    [Fact]
    public async Task One_resident_weighs_as_much_as_three_professionals_and_results_stay_hidden_until_the_vote_closes()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id, SessionState.Running, new StepSeed(StepMode.Write), new StepSeed(StepMode.Vote, Votes: 3));
        var writer = await factory.ParticipantAsync(session.Id, name: "Schrijver");
        var a = await factory.NoteAsync(session.Id, session.StepIds[0], writer.Id, "Idee A: een buurtbankje");
        var b = await factory.NoteAsync(session.Id, session.StepIds[0], writer.Id, "Idee B: een loket");
        var c = await factory.NoteAsync(session.Id, session.StepIds[0], writer.Id, "Idee C: niemand kiest dit");
        await factory.GoToStepAsync(session.Id, session.StepIds[1]);
        var vote = session.StepIds[1];

        await using var resident = await factory.GuestSeatAsync(session.Id, "Fatima", Perspective.Experience);
        Assert.True((await resident.CallAsync("CastVote", session.Id, a)).Ok);
        for (var i = 0; i < 3; i++)
        {
            await using var professional = await factory.GuestSeatAsync(session.Id, $"Professional {i}", Perspective.Professional);
            Assert.True((await professional.CallAsync("CastVote", session.Id, b)).Ok);
        }

        Assert.Null(await resident.Live.Connection.InvokeAsync<ResultsView?>("Results", session.Id, vote));
        var before = await resident.Browser.OpenAsync($"/sessies/{session.Id}");
        Assert.Null(before.Document.QuerySelector("table.pt-results"));

        await factory.StepAsync(vote, s => s.VotingClosed = true);
        var results = await resident.Live.Connection.InvokeAsync<ResultsView?>("Results", session.Id, vote);
        Assert.NotNull(results);
        Assert.Equal(4, results.TotalVotes);
        Assert.Equal([b, a, c], results.Rows.Select(r => r.NoteId));
        var rowB = results.Rows[0];
        var rowA = results.Rows[1];
        Assert.Equal(3, rowB.Raw);
        Assert.Equal(1, rowA.Raw);
        Assert.Equal(0.5, rowA.Balanced, 6);
        Assert.Equal(0.5, rowB.Balanced, 6);
        Assert.Equal(0, results.Rows[2].Balanced, 6);
        Assert.Equal(3, rowB.RawByPerspective[Perspective.Professional]);
        Assert.Equal(1.0, rowA.ShareByPerspective[Perspective.Experience], 6);
        Assert.Contains(results.Perspectives, p => p is { Perspective: Perspective.Experience, Voters: 1, Votes: 1 });
        Assert.Contains(results.Perspectives, p => p is { Perspective: Perspective.Professional, Voters: 3, Votes: 3 });

        var page = await resident.Browser.OpenAsync($"/sessies/{session.Id}");
        var table = page.Document.QuerySelector("#stemmen table.pt-results");
        Assert.NotNull(table);
        Assert.Contains("elke kennisbron telt even zwaar", table.QuerySelector("caption")!.TextContent, StringComparison.Ordinal);
        var rows = table.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("th, td").Select(x => x.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal("Idee B: een loket", rows[0][0]);
        Assert.Equal("3", rows[0][2]);
        Assert.Equal("50 %", rows[0][3]);
        Assert.Equal("Idee A: een buurtbankje", rows[1][0]);
        Assert.Equal("1", rows[1][2]);
        Assert.Equal("50 %", rows[1][3]);
        // Every header says what it heads: a column, or a knowledge source's group of two columns.
        Assert.All(table.QuerySelectorAll("thead th"), th => Assert.Contains(th.GetAttribute("scope"), new[] { "col", "colgroup" }));
    }

    [Fact]
    public async Task Results_of_a_step_that_is_no_vote_or_of_another_session_are_not_given()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id, SessionState.Running, new StepSeed(StepMode.Write), new StepSeed(StepMode.Vote));
        var other = await factory.SessionAsync(team.Id, SessionState.Running, new StepSeed(StepMode.Vote));
        await factory.StepAsync(other.StepIds[0], s => s.VotingClosed = true);
        await using var guest = await factory.GuestSeatAsync(session.Id, "Fatima");
        Assert.Null(await guest.Live.Connection.InvokeAsync<ResultsView?>("Results", session.Id, session.StepIds[0]));
        Assert.Null(await guest.Live.Connection.InvokeAsync<ResultsView?>("Results", session.Id, other.StepIds[0]));
        Assert.Null(await guest.Live.Connection.InvokeAsync<ResultsView?>("Results", other.Id, other.StepIds[0]));
    }
}
