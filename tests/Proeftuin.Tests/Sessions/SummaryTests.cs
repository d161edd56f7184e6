using Proeftuin.Data;
using Proeftuin.Features.Sessions;
using Proeftuin.Features.Thread;

namespace Proeftuin.Tests.Sessions;

public sealed class SummaryTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private sealed record Held(TeamProject Team, SeededSession Session, int QuestionId, string GuestKey, int VisibleNote, int VoteStep);

    /// <summary>
    /// A closed session: an open write step, a private step never revealed, a private anonymous step that was revealed,
    /// a cluster step and a closed vote step; a member (Ans), a guest (Riet) and a professional guest (Mark).
    /// </summary>
    private async Task<Held> HeldAsync()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id, SessionState.Closed,
            new StepSeed(StepMode.Write), new StepSeed(StepMode.Write, Private: true), new StepSeed(StepMode.Write, Private: true, Anonymous: true),
            new StepSeed(StepMode.Cluster), new StepSeed(StepMode.Vote, Votes: 3));
        var s = session.StepIds;
        await factory.StepAsync(s[2], x => x.Revealed = true);
        await factory.StepAsync(s[4], x => x.VotingClosed = true);
        var question = await factory.QuestionAsync(team.Id, "Hoe kunnen we de zondag gezelliger maken?");
        await factory.AskAsync(session.Id, question);
        var (ans, _) = await factory.ParticipantAsync(session.Id, team.Member.Id, "Ans", Perspective.Experience);
        var (riet, key) = await factory.ParticipantAsync(session.Id, name: "Riet", perspective: Perspective.Experience);
        var (mark, _) = await factory.ParticipantAsync(session.Id, name: "Mark", perspective: Perspective.Professional);
        var cluster = await factory.ClusterAsync(session.Id, "Ontmoeten op zondag");
        var visible = await factory.NoteAsync(session.Id, s[0], ans, "Koffie in het wijkcentrum", cluster);
        await factory.NoteAsync(session.Id, s[1], ans, "Geheime post-it van Ans");
        var anonymous = await factory.NoteAsync(session.Id, s[2], riet, "Anonieme wens voor een buurtfeest", cluster);
        await factory.NoteAsync(session.Id, s[0], mark, "Losse post-it zonder cluster");
        await factory.VoteAsync(session.Id, s[4], ans, visible);
        await factory.VoteAsync(session.Id, s[4], riet, visible);
        await factory.VoteAsync(session.Id, s[4], mark, anonymous);
        return new Held(team, session, question, key!, visible, s[4]);
    }

    [Fact]
    public async Task The_summary_shows_questions_steps_notes_by_cluster_votes_participants_and_ideas()
    {
        var held = await HeldAsync();
        using var facilitator = await factory.SignInAsync(held.Team.Facilitator.Email!);
        using (var r = await facilitator.PostAsync($"/sessies/{held.Session.Id}/ideeen?handler=Note", new { noteId = held.VisibleNote }))
            Expect.Redirect(r, $"/sessies/{held.Session.Id}#ideeen");
        var ideaId = await factory.WithDbAsync(db => db.Items.OfType<Idea>().Where(i => i.SessionId == held.Session.Id).Select(i => i.Id).SingleAsync());

        using var response = await facilitator.GetAsync($"/sessies/{held.Session.Id}/samenvatting");
        Assert.True(response.Headers.CacheControl?.NoStore, "no-store");
        var page = await HtmlPage.ReadAsync(response, "/samenvatting");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var text = page.MainText;
        Assert.Contains("Hoe kunnen we de zondag gezelliger maken?", text, StringComparison.Ordinal);
        Assert.Contains("Stemmen met stippen", text, StringComparison.Ordinal);
        var cluster = page.Document.QuerySelectorAll(".pt-summary-cluster").Single(c => c.TextContent.Contains("Ontmoeten op zondag", StringComparison.Ordinal));
        Assert.Contains("Koffie in het wijkcentrum", cluster.TextContent, StringComparison.Ordinal);
        Assert.Contains("Anonieme wens voor een buurtfeest", cluster.TextContent, StringComparison.Ordinal);
        Assert.Contains("Losse post-it zonder cluster", text, StringComparison.Ordinal);
        // Not revealed: nobody reads it here, the facilitator neither.
        Assert.DoesNotContain("Geheime post-it", text, StringComparison.Ordinal);
        // Anonymised: no name next to the note, even for the facilitator.
        var anon = page.Document.QuerySelectorAll(".pt-summary-notes li").Single(li => li.TextContent.Contains("Anonieme wens", StringComparison.Ordinal));
        Assert.DoesNotContain("Riet", anon.TextContent, StringComparison.Ordinal);
        Assert.Contains("naam niet getoond", anon.TextContent, StringComparison.Ordinal);
        // Votes of the closed step, raw.
        var row = page.Document.QuerySelectorAll("tr").Single(tr => tr.TextContent.Contains("Koffie in het wijkcentrum", StringComparison.Ordinal));
        Assert.Equal("2", row.QuerySelectorAll("td")[1].TextContent.Trim());
        // Participants by perspective, and names for the facilitator.
        Assert.Contains("3 deelnemers", text, StringComparison.Ordinal);
        Assert.Contains("Namen (alleen voor begeleiders)", text, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector($"a[href='/ideeen/{ideaId}']"));
    }

    [Fact]
    public async Task Members_and_guests_see_the_summary_without_names_and_private_notes()
    {
        var held = await HeldAsync();
        using var member = await factory.SignInAsync(held.Team.Member.Email!);
        var page = await member.OpenAsync($"/sessies/{held.Session.Id}/samenvatting");
        // Even the writer does not find their unrevealed note in the shared summary.
        Assert.DoesNotContain("Geheime post-it", page.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain("Namen (alleen voor begeleiders)", page.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain("Riet", page.MainText, StringComparison.Ordinal);

        using var guest = factory.GuestBrowser(held.Session.Id, held.GuestKey);
        var guestPage = await guest.OpenAsync($"/sessies/{held.Session.Id}/samenvatting");
        Assert.Contains("Koffie in het wijkcentrum", guestPage.MainText, StringComparison.Ordinal);
        // Guests see nothing of the project outside the session: no breadcrumb to it, no links to the thread.
        Assert.Null(guestPage.Document.QuerySelector($"a[href='/projecten/{held.Team.Id}']"));
        Assert.Null(guestPage.Document.QuerySelector("a[href^='/draad/']"));
        // Their cookie is for this session only.
        var other = await factory.SessionAsync(held.Team.Id, SessionState.Closed);
        using var otherResponse = await guest.GetAsync($"/sessies/{other.Id}/samenvatting");
        Expect.Status(HttpStatusCode.NotFound, otherResponse);
    }

    [Fact]
    public async Task Outsiders_get_not_found()
    {
        var held = await HeldAsync();
        using var anonymous = factory.NewBrowser();
        using (var r = await anonymous.GetAsync($"/sessies/{held.Session.Id}/samenvatting")) Expect.Status(HttpStatusCode.NotFound, r);
        using var stranger = await factory.SignInAsync((await factory.Data.UserAsync()).Email!);
        using (var r = await stranger.GetAsync($"/sessies/{held.Session.Id}/samenvatting")) Expect.Status(HttpStatusCode.NotFound, r);
        using (var r = await stranger.GetAsync("/sessies/999999/samenvatting")) Expect.Status(HttpStatusCode.NotFound, r);
    }

    [Fact]
    public async Task Demo_sessions_exist_and_the_summary_of_the_closed_one_renders()
    {
        var (closed, planned, ideas) = await factory.WithDbAsync(async db =>
        {
            var c = await db.Sessions.SingleAsync(s => s.Title == DemoSessions.ClosedTitle);
            var p = await db.Sessions.SingleAsync(s => s.Title == DemoSessions.PlannedTitle);
            var i = await db.Items.OfType<Idea>().Where(x => x.SessionId == c.Id).Select(x => x.Id).ToListAsync();
            return (c, p, i);
        });
        Assert.Equal(SessionState.Closed, closed.State);
        Assert.Equal(SessionState.Planned, planned.State);
        Assert.Single(ideas);

        using var facilitator = await factory.SignInDemoAsync("procesbegeleider");
        var page = await facilitator.OpenAsync($"/sessies/{closed.Id}/samenvatting");
        Assert.Contains("Een open huis op zondag", page.MainText, StringComparison.Ordinal);
        Assert.Contains("Riet", page.MainText, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector($"a[href='/ideeen/{ideas[0]}']"));
        // Each idea says where it stands now (Features/Ideas).
        Assert.Contains("Status: Nieuw", page.Document.QuerySelector($".pt-item-list a[href='/ideeen/{ideas[0]}']")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(page.Document.QuerySelectorAll("table tbody tr"));
        var idea = await facilitator.OpenAsync($"/ideeen/{ideas[0]}");
        Assert.Contains("Uit sessie", idea.MainText, StringComparison.Ordinal);
        // The session page itself opens too, and a planned session's summary says it has not started.
        await facilitator.OpenAsync($"/sessies/{closed.Id}");
        var plannedSummary = await facilitator.OpenAsync($"/sessies/{planned.Id}/samenvatting");
        Assert.Contains("Deze sessie is nog niet begonnen.", plannedSummary.MainText, StringComparison.Ordinal);
    }
}
