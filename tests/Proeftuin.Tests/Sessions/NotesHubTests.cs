using Microsoft.AspNetCore.SignalR.Client;
using Proeftuin.Features.Sessions;

namespace Proeftuin.Tests.Sessions;

public sealed class NotesHubTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    [Fact]
    public async Task A_note_appears_for_everyone_at_once()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id);
        await using var facilitator = await factory.MemberSeatAsync(team.Facilitator.Email!, session.Id);
        await using var member = await factory.MemberSeatAsync(team.Member.Email!, session.Id);
        await using var guest = await factory.GuestSeatAsync(session.Id, "Fatima");

        var reply = await guest.CallAsync("AddNote", session.Id, "Een bankje bij de bushalte");
        Assert.True(reply.Ok, reply.Error);
        Assert.NotNull(reply.Id);

        var seen = await member.Live.WaitForAsync("NoteAdded", a => a[0].Text() == "Een bankje bij de bushalte");
        Assert.False(seen[0].Mine());
        Assert.Equal("Fatima", seen[0].GetProperty("author").GetString());
        Assert.True(seen[1].GetInt64() > 0);
        await facilitator.Live.WaitForAsync("NoteAdded", a => a[0].GetProperty("id").GetInt32() == reply.Id);
        await guest.Live.WaitForAsync("NoteAdded", a => a[0].GetProperty("id").GetInt32() == reply.Id && a[0].Mine());

        // And a fresh screen gets it in the state.
        var view = await member.Live.EnterAsync(session.Id);
        Assert.Contains(view.Notes, n => n.Id == reply.Id && !n.Mine);
    }

    [Fact]
    public async Task Private_step_hides_notes_from_others_and_the_facilitator_until_reveal_and_anonymous_drops_the_author()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id, SessionState.Running, new StepSeed(StepMode.Write, Private: true, Anonymous: true));
        var step = session.StepIds[0];
        await using var facilitator = await factory.MemberSeatAsync(team.Facilitator.Email!, session.Id);
        await using var member = await factory.MemberSeatAsync(team.Member.Email!, session.Id);
        await using var guest = await factory.GuestSeatAsync(session.Id, "Fatima");

        var reply = await guest.CallAsync("AddNote", session.Id, "Geheim idee");
        Assert.True(reply.Ok, reply.Error);

        await guest.Live.WaitForAsync("NoteAdded", a => a[0].Text() == "Geheim idee" && a[0].Mine());
        var counted = await member.Live.WaitForAsync("PrivateNotesCounted", a => a[0].GetInt32() == step);
        Assert.Equal(1, counted[1].GetInt32());
        await facilitator.Live.WaitForAsync("PrivateNotesCounted");
        Assert.True(await member.Live.NothingAsync("NoteAdded"));
        Assert.True(await facilitator.Live.NothingAsync("NoteAdded", within: TimeSpan.FromMilliseconds(100)));

        var hidden = await member.Live.EnterAsync(session.Id);
        Assert.Empty(hidden.Notes);
        Assert.Equal(1, hidden.HiddenNotes);
        Assert.Empty((await facilitator.Live.EnterAsync(session.Id)).Notes);
        var own = await guest.Live.EnterAsync(session.Id);
        Assert.Contains(own.Notes, n => n.Text == "Geheim idee" && n.Mine);

        // Others cannot reach a hidden note by its id either.
        SessionSeats.Refused(await member.CallAsync("EditNote", session.Id, reply.Id, "Gevonden"));
        SessionSeats.Refused(await facilitator.CallAsync("MoveNote", session.Id, reply.Id, null));

        await factory.StepAsync(step, s => s.Revealed = true);
        var revealed = await member.Live.EnterAsync(session.Id);
        var note = Assert.Single(revealed.Notes);
        Assert.Equal("Geheim idee", note.Text);
        Assert.Null(note.Author);
        Assert.Null(note.AuthorPerspective);
        Assert.Equal(0, revealed.HiddenNotes);
    }

    [Fact]
    public async Task A_screen_that_reconnects_gets_what_it_missed_and_nothing_when_it_is_up_to_date()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id);
        await using var guest = await factory.GuestSeatAsync(session.Id, "Fatima");
        long lastSeen;
        using (var browser = await factory.SignInAsync(team.Member.Email!))
        {
            await browser.OpenAsync($"/sessies/{session.Id}");
            await using (var first = await browser.ConnectAsync())
                lastSeen = (await first.EnterAsync(session.Id)).Sequence;

            Assert.True((await guest.CallAsync("AddNote", session.Id, "Terwijl jij weg was")).Ok);

            await using var again = await browser.ConnectAsync();
            var missed = await again.Connection.InvokeAsync<SessionView?>("Rejoin", session.Id, lastSeen);
            Assert.NotNull(missed);
            Assert.Contains(missed.Notes, n => n.Text == "Terwijl jij weg was");
            Assert.True(missed.Sequence > lastSeen);
            Assert.Null(await again.Connection.InvokeAsync<SessionView?>("Rejoin", session.Id, missed.Sequence));

            // Back in the groups: the next note arrives live.
            Assert.True((await guest.CallAsync("AddNote", session.Id, "En nu live")).Ok);
            await again.WaitForAsync("NoteAdded", a => a[0].Text() == "En nu live");
        }
    }

    [Fact]
    public async Task Observers_strangers_signed_out_and_guests_of_another_session_cannot_write()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id);
        var other = await factory.SessionAsync(team.Id);

        await using var observer = await factory.MemberSeatAsync(team.Observer.Email!, session.Id);
        Assert.Null(observer.View.Me.ParticipantId);
        SessionSeats.Refused(await observer.CallAsync("AddNote", session.Id, "Ik kijk alleen"), "Dit mag je nu niet doen.");

        var outsider = await factory.Data.UserAsync();
        using (var stranger = await factory.SignInAsync(outsider.Email!))
        await using (var live = await stranger.ConnectAsync())
            SessionSeats.Refused(await live.CallAsync("AddNote", session.Id, "Van buiten"), "bestaat niet");

        var otherTeam = await factory.Data.TeamProjectAsync();
        using (var neighbour = await factory.SignInAsync(otherTeam.Facilitator.Email!))
        await using (var live = await neighbour.ConnectAsync())
            SessionSeats.Refused(await live.CallAsync("AddNote", session.Id, "Van een ander project"), "bestaat niet");

        using (var anonymous = factory.NewBrowser())
        await using (var live = await anonymous.ConnectAsync())
            SessionSeats.Refused(await live.CallAsync("AddNote", session.Id, "Anoniem"), "bestaat niet");

        await using var otherGuest = await factory.GuestSeatAsync(other.Id, "Gast elders");
        SessionSeats.Refused(await otherGuest.CallAsync("AddNote", session.Id, "Verkeerde sessie"), "bestaat niet");

        // The plain form refuses the signed-out too: for them the session does not exist.
        using (var page = factory.NewBrowser())
        using (var response = await page.PostAsync($"/sessies/{session.Id}/post-its?handler=Add", new { Input_Text = "Zonder toegang" }))
            Expect.Status(HttpStatusCode.NotFound, response);

        Assert.Equal(0, await factory.NoteCountAsync(session.Id));
    }

    [Fact]
    public async Task A_closed_session_accepts_nothing_and_a_planned_one_no_notes_yet()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id, SessionState.Closed, new StepSeed(StepMode.Vote, SeveralPerNote: true));
        await using var guest = await factory.GuestSeatAsync(session.Id, "Fatima");
        var note = await factory.NoteAsync(session.Id, session.StepIds[0], guest.ParticipantId, "Van toen");
        await using var facilitator = await factory.MemberSeatAsync(team.Facilitator.Email!, session.Id);

        const string closed = "De sessie is afgelopen";
        SessionSeats.Refused(await guest.CallAsync("AddNote", session.Id, "Te laat"), closed);
        SessionSeats.Refused(await guest.CallAsync("EditNote", session.Id, note, "Te laat"), closed);
        SessionSeats.Refused(await guest.CallAsync("DeleteNote", session.Id, note), closed);
        SessionSeats.Refused(await guest.CallAsync("CastVote", session.Id, note), closed);
        SessionSeats.Refused(await facilitator.CallAsync("DeleteNote", session.Id, note), closed);
        SessionSeats.Refused(await facilitator.CallAsync("AddCluster", session.Id, "Te laat"), closed);
        SessionSeats.Refused(await facilitator.CallAsync("MoveNote", session.Id, note, null), closed);
        Assert.Equal(1, await factory.NoteCountAsync(session.Id));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Votes.CountAsync(v => v.SessionId == session.Id)));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Clusters.CountAsync(c => c.SessionId == session.Id)));

        var planned = await factory.SessionAsync(team.Id, SessionState.Planned);
        await using var early = await factory.GuestSeatAsync(planned.Id, "Vroeg");
        SessionSeats.Refused(await early.CallAsync("AddNote", planned.Id, "Te vroeg"), "nog niet begonnen");
        Assert.Equal(0, await factory.NoteCountAsync(planned.Id));
    }
}
