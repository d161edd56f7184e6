using System.Text.Json;
using Proeftuin.Features.Sessions;

namespace Proeftuin.Tests.Sessions;

/// <summary>The facilitator's controls over the hub with several connected screens; who may not; a closed session.</summary>
public sealed class FacilitationHubTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    [Fact]
    public async Task Everyone_gets_the_step_and_its_timer_when_the_facilitator_moves_on()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id, SessionState.Planned, new StepSeed(StepMode.Write), new StepSeed(StepMode.Share));
        var (_, key) = await factory.ParticipantAsync(session.Id, name: "Gast");
        using var facilitatorBrowser = await factory.SignInAsync(team.Facilitator.Email!);
        using var guestBrowser = factory.GuestBrowser(session.Id, key!);
        await using var facilitator = await facilitatorBrowser.ConnectAsync();
        await using var guest = await guestBrowser.ConnectAsync();
        await facilitator.EnterAsync(session.Id);
        await guest.EnterAsync(session.Id);

        var start = await facilitator.CallAsync("StartSession", session.Id);
        Assert.True(start.Ok, start.Error);
        await guest.WaitForAsync("SessionChanged");
        var first = await guest.WaitForAsync("StepStarted");
        Assert.Equal(session.StepIds[0], first[0].GetProperty("id").GetInt32());

        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var reply = await facilitator.CallAsync("GoToStep", session.Id, session.StepIds[1]);
        Assert.True(reply.Ok, reply.Error);
        Assert.Equal(session.StepIds[1], reply.Id);
        var moved = await guest.WaitForAsync("StepStarted", a => a[0].GetProperty("id").GetInt32() == session.StepIds[1]);
        Assert.Equal(now.AddMinutes(5), moved[0].GetProperty("endsAt").GetDateTime().ToUniversalTime());
        Assert.Equal(now, moved[1].GetDateTime().ToUniversalTime());
        Assert.True(moved[2].GetInt64() > 0);
        var view = await guest.EnterAsync(session.Id);
        Assert.Equal(session.StepIds[1], view.CurrentStepId);

        // Pause with 2 minutes gone, then resume later: the time left is kept.
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True((await facilitator.CallAsync("ChangeTimer", session.Id, session.StepIds[1], TimerAction.Pause)).Ok);
        var paused = await guest.WaitForAsync("TimerChanged", a => a[0].GetProperty("pausedSecondsLeft").ValueKind == JsonValueKind.Number);
        Assert.Equal(180, paused[0].GetProperty("pausedSecondsLeft").GetInt32());
        Assert.Equal(JsonValueKind.Null, paused[0].GetProperty("endsAt").ValueKind);
        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        var resumedAt = factory.Clock.GetUtcNow().UtcDateTime;
        Assert.True((await facilitator.CallAsync("ChangeTimer", session.Id, session.StepIds[1], TimerAction.Resume)).Ok);
        var resumed = await guest.WaitForAsync("TimerChanged", a => a[0].GetProperty("endsAt").ValueKind == JsonValueKind.String);
        Assert.Equal(resumedAt.AddSeconds(180), resumed[0].GetProperty("endsAt").GetDateTime().ToUniversalTime());
        Assert.True((await facilitator.CallAsync("ChangeTimer", session.Id, session.StepIds[1], TimerAction.AddMinute)).Ok);
        var step = await StepAsync(session.StepIds[1]);
        Assert.Equal(resumedAt.AddSeconds(240), step.EndsAt!.Value, TimeSpan.FromMilliseconds(1));
        var resume = await facilitator.CallAsync("ChangeTimer", session.Id, session.StepIds[1], TimerAction.Resume);
        Assert.False(resume.Ok);
        Assert.Equal("De klok staat niet op pauze.", resume.Error);
        Assert.True((await facilitator.CallAsync("ChangeTimer", session.Id, session.StepIds[1], TimerAction.Stop)).Ok);
        Assert.Null((await StepAsync(session.StepIds[1])).EndsAt);
    }

    [Fact]
    public async Task Klaar_counts_reach_the_facilitator()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id);
        var (_, key) = await factory.ParticipantAsync(session.Id, name: "Gast");
        await factory.ParticipantAsync(session.Id, name: "Nog een gast");
        using var facilitatorBrowser = await factory.SignInAsync(team.Facilitator.Email!);
        using var guestBrowser = factory.GuestBrowser(session.Id, key!);
        await using var facilitator = await facilitatorBrowser.ConnectAsync();
        await using var guest = await guestBrowser.ConnectAsync();
        var before = await facilitator.EnterAsync(session.Id);
        Assert.Equal((2, 0), (before.Participation.Total, before.Participation.Done));
        await guest.EnterAsync(session.Id);
        Assert.True((await guest.CallAsync("MarkDone", session.Id, true)).Ok);
        var counted = await facilitator.WaitForAsync("ParticipationChanged", a => a[0].GetProperty("done").GetInt32() == 1);
        Assert.Equal(2, counted[0].GetProperty("total").GetInt32());
        var view = await facilitator.EnterAsync(session.Id);
        Assert.Contains(view.Participants!, p => p is { DisplayName: "Gast", Done: true });
        Assert.True((await guest.CallAsync("MarkDone", session.Id, false)).Ok);
        await facilitator.WaitForAsync("ParticipationChanged", a => a[0].GetProperty("done").GetInt32() == 0);
    }

    [Fact]
    public async Task Reveal_sends_the_hidden_notes_without_names_when_anonymous_and_votes_and_summon_reach_everyone()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id, SessionState.Running, new StepSeed(StepMode.Write, Private: true, Anonymous: true), new StepSeed(StepMode.Vote));
        var (writerId, writerKey) = await factory.ParticipantAsync(session.Id, name: "Schrijver");
        var (_, readerKey) = await factory.ParticipantAsync(session.Id, name: "Lezer");
        var noteId = await factory.WithDbAsync(async db =>
        {
            var note = new Note { SessionId = session.Id, StepId = session.StepIds[0], ParticipantId = writerId, Text = "Een bankje bij de bakker", CreatedAt = DateTime.UtcNow };
            db.Notes.Add(note);
            await db.SaveChangesAsync();
            return note.Id;
        });
        using var facilitatorBrowser = await factory.SignInAsync(team.Facilitator.Email!);
        using var readerBrowser = factory.GuestBrowser(session.Id, readerKey!);
        await using var facilitator = await facilitatorBrowser.ConnectAsync();
        await using var reader = await readerBrowser.ConnectAsync();
        await facilitator.EnterAsync(session.Id);
        var hidden = await reader.EnterAsync(session.Id);
        Assert.Empty(hidden.Notes);
        Assert.Equal(1, hidden.HiddenNotes);

        Assert.True((await facilitator.CallAsync("RevealNotes", session.Id, session.StepIds[0])).Ok);
        var revealed = await reader.WaitForAsync("NotesRevealed");
        Assert.Equal(session.StepIds[0], revealed[0].GetInt32());
        var note = revealed[1].EnumerateArray().Single();
        Assert.Equal(noteId, note.GetProperty("id").GetInt32());
        Assert.Equal(JsonValueKind.Null, note.GetProperty("author").ValueKind);
        Assert.False(note.GetProperty("mine").GetBoolean());
        Assert.Single((await reader.EnterAsync(session.Id)).Notes);

        var notVote = await facilitator.CallAsync("CloseVoting", session.Id, session.StepIds[0]);
        Assert.False(notVote.Ok);
        Assert.True((await facilitator.CallAsync("CloseVoting", session.Id, session.StepIds[1])).Ok);
        await reader.WaitForAsync("VotesRevealed", a => a[0].GetInt32() == session.StepIds[1]);

        Assert.True((await facilitator.CallAsync("Summon", session.Id, "post-its")).Ok);
        var summoned = await reader.WaitForAsync("Summoned");
        Assert.Equal("post-its", summoned[0].GetString());
        Assert.Equal("post-its", (await SessionAsync(session.Id)).Focus);
        var bad = await facilitator.CallAsync("Summon", session.Id, "<script>");
        Assert.False(bad.Ok);
        Assert.Equal("Kies een deel van de sessie uit de lijst.", bad.Error);
        Assert.Equal("post-its", (await SessionAsync(session.Id)).Focus);
        Assert.NotNull(writerKey);
    }

    [Fact]
    public async Task Guests_members_observers_outsiders_and_signed_out_cannot_lead()
    {
        var team = await factory.Data.TeamProjectAsync();
        var other = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id, SessionState.Running, new StepSeed(StepMode.Write, Private: true), new StepSeed(StepMode.Vote));
        var (_, key) = await factory.ParticipantAsync(session.Id, name: "Gast");
        await factory.ParticipantAsync(session.Id, userId: team.Member.Id, name: "Lid");
        var before = await SessionAsync(session.Id);
        var browsers = new List<Browser>
        {
            factory.GuestBrowser(session.Id, key!),
            await factory.SignInAsync(team.Member.Email!),
            await factory.SignInAsync(team.Observer.Email!),
            await factory.SignInAsync(other.Facilitator.Email!),
            factory.NewBrowser(),
        };
        foreach (var browser in browsers)
        {
            await using var live = await browser.ConnectAsync();
            foreach (var (method, args) in LeaderCalls(session))
            {
                var reply = await live.CallAsync(method, args);
                Assert.False(reply.Ok, method);
                Assert.False(string.IsNullOrEmpty(reply.Error));
            }
            browser.Dispose();
        }
        var after = await SessionAsync(session.Id);
        Assert.Equal((before.Sequence, before.State, before.CurrentStepId, before.Focus), (after.Sequence, after.State, after.CurrentStepId, after.Focus));
        Assert.Equal(before.Steps.Select(s => (s.EndsAt, s.Revealed, s.VotingClosed)), after.Steps.Select(s => (s.EndsAt, s.Revealed, s.VotingClosed)));
    }

    [Fact]
    public async Task A_closed_session_refuses_everything()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id, SessionState.Running, new StepSeed(StepMode.Write, Private: true), new StepSeed(StepMode.Vote));
        var (_, key) = await factory.ParticipantAsync(session.Id, name: "Gast");
        using var facilitatorBrowser = await factory.SignInAsync(team.Facilitator.Email!);
        using var guestBrowser = factory.GuestBrowser(session.Id, key!);
        await using var facilitator = await facilitatorBrowser.ConnectAsync();
        await using var guest = await guestBrowser.ConnectAsync();
        await guest.EnterAsync(session.Id);
        Assert.True((await facilitator.CallAsync("CloseSession", session.Id)).Ok);
        await guest.WaitForAsync("SessionChanged");
        var closed = await SessionAsync(session.Id);
        Assert.Equal(SessionState.Closed, closed.State);
        foreach (var (method, args) in LeaderCalls(session).Append(("StartSession", [session.Id])))
        {
            var reply = await facilitator.CallAsync(method, args);
            Assert.False(reply.Ok, method);
            Assert.Equal("De sessie is afgelopen. Je kunt niets meer veranderen.", reply.Error);
        }
        var done = await guest.CallAsync("MarkDone", session.Id, true);
        Assert.False(done.Ok);
        Assert.Equal(closed.Sequence, (await SessionAsync(session.Id)).Sequence);
        Assert.Equal(SessionState.Closed, (await guest.EnterAsync(session.Id)).State);
    }

    [Fact]
    public async Task Start_needs_a_planned_session_with_steps()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id, SessionState.Planned);
        await factory.WithDbAsync(async db => await db.Steps.Where(s => s.SessionId == session.Id).ExecuteDeleteAsync());
        using var facilitatorBrowser = await factory.SignInAsync(team.Facilitator.Email!);
        await using var facilitator = await facilitatorBrowser.ConnectAsync();
        var empty = await facilitator.CallAsync("StartSession", session.Id);
        Assert.False(empty.Ok);
        Assert.Contains("Voeg eerst een stap toe", empty.Error, StringComparison.Ordinal);
        var notRunning = await facilitator.CallAsync("GoToStep", session.Id, 999_999);
        Assert.False(notRunning.Ok);
        Assert.Equal(SessionState.Planned, (await SessionAsync(session.Id)).State);
    }

    private static IEnumerable<(string Method, object?[] Args)> LeaderCalls(SeededSession s) =>
    [
        ("StartSession", [s.Id]),
        ("GoToStep", [s.Id, s.StepIds[1]]),
        ("ChangeTimer", [s.Id, s.StepIds[0], TimerAction.Pause]),
        ("ChangeTimer", [s.Id, s.StepIds[0], TimerAction.AddMinute]),
        ("RevealNotes", [s.Id, s.StepIds[0]]),
        ("CloseVoting", [s.Id, s.StepIds[1]]),
        ("Summon", [s.Id, "post-its"]),
        ("CloseSession", [s.Id]),
    ];

    private Task<LiveSession> SessionAsync(int id) =>
        factory.WithDbAsync(db => db.Sessions.AsNoTracking().Include(s => s.Steps.OrderBy(x => x.Position)).SingleAsync(s => s.Id == id));

    private Task<Step> StepAsync(int id) => factory.WithDbAsync(db => db.Steps.AsNoTracking().SingleAsync(s => s.Id == id));
}
