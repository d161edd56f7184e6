using Proeftuin.Features.Sessions;

namespace Proeftuin.Tests.Sessions;

public sealed class VoteTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    /// <summary>A running session in a vote step with three visible notes by someone else.</summary>
    private async Task<(SeededSession Session, int[] Notes)> VoteStepAsync(int projectId, int votes = 3, bool severalPerNote = false)
    {
        var session = await factory.SessionAsync(projectId, SessionState.Running, new StepSeed(StepMode.Write), new StepSeed(StepMode.Vote, Votes: votes, SeveralPerNote: severalPerNote));
        var writer = await factory.ParticipantAsync(session.Id, name: "Schrijver");
        var notes = new int[3];
        for (var i = 0; i < notes.Length; i++) notes[i] = await factory.NoteAsync(session.Id, session.StepIds[0], writer.Id, $"Idee {i}");
        await factory.GoToStepAsync(session.Id, session.StepIds[1]);
        return (session, notes);
    }

    private Task<int> VoteCountAsync(int sessionId, int? participantId = null) =>
        factory.WithDbAsync(db => db.Votes.CountAsync(v => v.SessionId == sessionId && (participantId == null || v.ParticipantId == participantId)));

    [Fact]
    public async Task Votes_per_person_hold_when_a_client_sends_extra_votes_directly()
    {
        var team = await factory.Data.TeamProjectAsync();
        var (session, notes) = await VoteStepAsync(team.Id, votes: 3, severalPerNote: true);
        await using var guest = await factory.GuestSeatAsync(session.Id, "Fatima");
        await using var other = await factory.GuestSeatAsync(session.Id, "Karel", Perspective.Professional);

        var reply = await guest.CallAsync("CastVote", session.Id, notes[0]);
        Assert.True(reply.Ok, reply.Error);
        Assert.Equal(2, reply.Id); // votes left
        var changed = await guest.Live.WaitForAsync("VotesChanged");
        Assert.Equal(2, changed[2].GetInt32());
        Assert.True((await guest.CallAsync("CastVote", session.Id, notes[0])).Ok);
        Assert.True((await guest.CallAsync("CastVote", session.Id, notes[1])).Ok);
        SessionSeats.Refused(await guest.CallAsync("CastVote", session.Id, notes[2]), "al je stippen gebruikt");
        Assert.Equal(3, await VoteCountAsync(session.Id));
        // Votes are private until the vote closes: nobody else hears of them.
        Assert.True(await other.Live.NothingAsync("VotesChanged"));

        var view = await guest.Live.EnterAsync(session.Id);
        Assert.Equal(2, view.MyVotes[notes[0]]);
        Assert.Equal(0, view.VotesLeft);

        Assert.True((await guest.CallAsync("RemoveVote", session.Id, notes[0])).Ok);
        SessionSeats.Refused(await guest.CallAsync("RemoveVote", session.Id, notes[2]), "geen stip op deze post-it");
        Assert.Equal(2, await VoteCountAsync(session.Id));
    }

    [Fact]
    public async Task Parallel_votes_from_several_screens_of_one_person_never_pass_the_limit()
    {
        var team = await factory.Data.TeamProjectAsync();
        var (session, notes) = await VoteStepAsync(team.Id, votes: 2, severalPerNote: true);
        var (id, key) = await factory.ParticipantAsync(session.Id, name: "Snel", perspective: Perspective.Experience);
        using var browser = factory.GuestBrowser(session.Id, key!);
        var screens = new List<LiveClient>();
        try
        {
            for (var i = 0; i < 6; i++)
            {
                var live = await browser.ConnectAsync();
                await live.EnterAsync(session.Id);
                screens.Add(live);
            }
            var replies = await Task.WhenAll(screens.Select((s, i) => s.CallAsync("CastVote", session.Id, notes[i % notes.Length])));
            Assert.Equal(2, replies.Count(r => r.Ok));
            Assert.Equal(2, await VoteCountAsync(session.Id, id));

            // One per note: many screens at once on the same note leave one vote.
            var single = await VoteStepAsync(team.Id, votes: 3, severalPerNote: false);
            var (id2, key2) = await factory.ParticipantAsync(single.Session.Id, name: "Dubbel");
            using var second = factory.GuestBrowser(single.Session.Id, key2!);
            var more = new List<LiveClient>();
            for (var i = 0; i < 5; i++)
            {
                var live = await second.ConnectAsync();
                await live.EnterAsync(single.Session.Id);
                more.Add(live);
            }
            screens.AddRange(more);
            var same = await Task.WhenAll(more.Select(s => s.CallAsync("CastVote", single.Session.Id, single.Notes[0])));
            Assert.Equal(1, same.Count(r => r.Ok));
            Assert.Equal(1, await VoteCountAsync(single.Session.Id, id2));
        }
        finally
        {
            foreach (var s in screens) await s.DisposeAsync();
        }
    }

    [Fact]
    public async Task With_one_stip_per_note_a_second_vote_on_the_same_note_is_refused()
    {
        var team = await factory.Data.TeamProjectAsync();
        var (session, notes) = await VoteStepAsync(team.Id, votes: 3, severalPerNote: false);
        await using var guest = await factory.GuestSeatAsync(session.Id, "Fatima");
        Assert.True((await guest.CallAsync("CastVote", session.Id, notes[0])).Ok);
        SessionSeats.Refused(await guest.CallAsync("CastVote", session.Id, notes[0]), "maar één stip op dezelfde post-it");
        Assert.True((await guest.CallAsync("CastVote", session.Id, notes[1])).Ok);
        Assert.Equal(2, await VoteCountAsync(session.Id));
    }

    [Fact]
    public async Task Votes_on_notes_of_another_session_hidden_notes_and_outside_an_open_vote_are_refused()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id, SessionState.Running, new StepSeed(StepMode.Write, Private: true), new StepSeed(StepMode.Vote));
        var (other, otherNotes) = await VoteStepAsync(team.Id);
        await using var guest = await factory.GuestSeatAsync(session.Id, "Fatima");
        var writer = await factory.ParticipantAsync(session.Id, name: "Schrijver");
        var hidden = await factory.NoteAsync(session.Id, session.StepIds[0], writer.Id, "Nog geheim");
        var own = (await guest.CallAsync("AddNote", session.Id, "Mijn eigen geheim")).Id!.Value;

        SessionSeats.Refused(await guest.CallAsync("CastVote", session.Id, hidden), "bestaat niet");
        await factory.GoToStepAsync(session.Id, session.StepIds[1]);
        SessionSeats.Refused(await guest.CallAsync("CastVote", session.Id, hidden), "bestaat niet");
        SessionSeats.Refused(await guest.CallAsync("CastVote", session.Id, own), "bestaat niet");
        SessionSeats.Refused(await guest.CallAsync("CastVote", session.Id, otherNotes[0]), "bestaat niet");
        SessionSeats.Refused(await guest.CallAsync("CastVote", other.Id, otherNotes[0]), "bestaat niet");
        SessionSeats.Refused(await guest.CallAsync("CastVote", session.Id, 987_654), "bestaat niet");

        await factory.StepAsync(session.StepIds[0], s => s.Revealed = true);
        Assert.True((await guest.CallAsync("CastVote", session.Id, hidden)).Ok);
        await factory.StepAsync(session.StepIds[1], s => s.VotingClosed = true);
        SessionSeats.Refused(await guest.CallAsync("CastVote", session.Id, own), "Het stemmen is gesloten.");
        SessionSeats.Refused(await guest.CallAsync("RemoveVote", session.Id, hidden), "Het stemmen is gesloten.");
        await factory.GoToStepAsync(session.Id, session.StepIds[0]);
        SessionSeats.Refused(await guest.CallAsync("CastVote", session.Id, own), "In deze stap kun je niet stemmen.");
        Assert.Equal(1, await VoteCountAsync(session.Id));
        Assert.Equal(0, await VoteCountAsync(other.Id));

        // Observers watch only.
        await factory.GoToStepAsync(other.Id, other.StepIds[1]);
        await using var observer = await factory.MemberSeatAsync(team.Observer.Email!, other.Id);
        SessionSeats.Refused(await observer.CallAsync("CastVote", other.Id, otherNotes[0]), "Dit mag je nu niet doen.");
    }

    [Fact]
    public async Task Without_javascript_a_guest_votes_and_takes_a_vote_back_with_forms()
    {
        var team = await factory.Data.TeamProjectAsync();
        var (session, notes) = await VoteStepAsync(team.Id, votes: 1);
        var (_, key) = await factory.ParticipantAsync(session.Id, name: "Fatima");
        using var guest = factory.GuestBrowser(session.Id, key!);
        var page = await guest.OpenAsync($"/sessies/{session.Id}");
        Assert.Contains("Je hebt nog 1 van de 1 stippen.", page.BodyText, StringComparison.Ordinal);
        var vote = page.Document.QuerySelector($"#post-it-{notes[1]} form[action*='handler=Vote']") as AngleSharp.Html.Dom.IHtmlFormElement;
        using (var voted = await guest.SubmitAsync(new HtmlForm(vote!, page.Url), new { }))
            Assert.Equal($"/sessies/{session.Id}#post-it-{notes[1]}", Expect.LocationPath(voted));
        Assert.Equal(1, await VoteCountAsync(session.Id));

        page = await guest.OpenAsync($"/sessies/{session.Id}");
        Assert.Contains("Je hebt nog 0 van de 1 stippen.", page.BodyText, StringComparison.Ordinal);
        // Used up: aria-disabled (it keeps the keyboard focus), and the server refuses it anyway.
        Assert.Equal("true", page.Document.QuerySelector($"#post-it-{notes[0]} form[action*='handler=Vote'] button")!.GetAttribute("aria-disabled"));
        // A form sent anyway (an old page) meets the same rule.
        await Expect.FormErrorAsync(await guest.PostAsync($"/sessies/{session.Id}/stemmen?handler=Vote", new { NoteId = notes[0] }), "al je stippen gebruikt");
        var unvote = page.Document.QuerySelector($"#post-it-{notes[1]} form[action*='handler=Unvote']") as AngleSharp.Html.Dom.IHtmlFormElement;
        using (var back = await guest.SubmitAsync(new HtmlForm(unvote!, page.Url), new { }))
            Expect.Status(HttpStatusCode.Redirect, back);
        Assert.Equal(0, await VoteCountAsync(session.Id));
    }
}
