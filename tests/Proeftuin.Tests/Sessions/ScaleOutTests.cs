using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Proeftuin.Features.Sessions;

namespace Proeftuin.Tests.Sessions;

/// <summary>
/// Two app instances behind an imaginary load balancer: real Kestrel on loopback, one database, screens connected over
/// WebSockets to different nodes. With the Redis backplane a change saved on one node reaches the screens on the other;
/// without it, it does not (which shows these tests would notice a missing backplane). State lives in the database, so a
/// screen that lands on the other node after a reconnect catches up there.
/// </summary>
public sealed class ScaleOutTests
{
    /// <summary>
    /// The Redis tests need a server: test.sh starts one for its full run and sets this variable; quick mode leaves them
    /// out with --filter "Category!=Redis". A run that includes them without Redis fails instead of passing quietly.
    /// </summary>
    private static string Redis =>
        Environment.GetEnvironmentVariable("PROEFTUIN_TEST_REDIS") is { Length: > 0 } redis
            ? redis
            : throw new InvalidOperationException(
                "This test needs Redis: set PROEFTUIN_TEST_REDIS (e.g. 127.0.0.1:56379, see tools/dev-services.sh), or leave it out with --filter \"Category!=Redis\".");

    /// <summary>A channel prefix per test, so tests (and developers) sharing one Redis never hear each other.</summary>
    private static string Prefix() => "proeftuin-test-" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    [Trait("Category", "Redis")]
    public async Task Joining_on_one_node_is_seen_on_the_other_both_ways()
    {
        var prefix = Prefix();
        await using var a = KestrelNode.First(Redis, prefix);
        await using var b = KestrelNode.Joining(a, Redis, prefix);
        var team = await a.Data.TeamProjectAsync();
        var session = await a.SessionAsync(team.Id);

        // The member opens the session on node B (and so takes part) and watches over node B's hub.
        using var member = b.RealBrowser();
        await member.SignInAsync(team.Member.Email!, TestData.Password);
        await member.OpenAsync($"/sessies/{session.Id}");
        await using var onB = await b.ConnectAsync(member);
        Assert.Equal(1, (await onB.EnterAsync(session.Id)).Participation.Total);

        // The facilitator opens it on node A: node A saves and tells everyone, node B's screen hears it through Redis.
        using var facilitator = a.RealBrowser();
        await facilitator.SignInAsync(team.Facilitator.Email!, TestData.Password);
        await facilitator.OpenAsync($"/sessies/{session.Id}");
        await onB.WaitForAsync(nameof(ISessionClient.ParticipationChanged), args => Total(args) == 2);

        // And back: a guest joins with the join form on node B; the facilitator's screen on node A hears it.
        await using var onA = await a.ConnectAsync(facilitator);
        await onA.EnterAsync(session.Id);
        using var guest = b.RealBrowser();
        var form = await guest.OpenAsync($"/doe-mee/{session.JoinCode}");
        using var joined = await guest.SubmitAsync(form.FormFor("Input.DisplayName"), new { Input_DisplayName = "Gast op B", Input_Perspective = nameof(Perspective.Experience) });
        Assert.True(Browser.IsRedirect(joined.StatusCode), $"the join form answered {(int)joined.StatusCode}");
        var heard = await onA.WaitForAsync(nameof(ISessionClient.ParticipationChanged), args => Total(args) == 3);
        Assert.True(heard[1].GetInt64() > 0, "every event carries the session's sequence number");
    }

    [Fact]
    [Trait("Category", "Redis")]
    public async Task A_note_written_on_node_A_arrives_at_a_screen_on_node_B()
    {
        var prefix = Prefix();
        await using var a = KestrelNode.First(Redis, prefix);
        await using var b = KestrelNode.Joining(a, Redis, prefix);
        var team = await a.Data.TeamProjectAsync();
        var session = await a.SessionAsync(team.Id, SessionState.Running, new StepSeed(StepMode.Share));
        var (_, writerKey) = await a.ParticipantAsync(session.Id, name: "Schrijver");
        var (_, readerKey) = await a.ParticipantAsync(session.Id, name: "Lezer");

        using var writer = a.RealGuestBrowser(session.Id, writerKey!);
        using var reader = b.RealGuestBrowser(session.Id, readerKey!);
        await using var onA = await a.ConnectAsync(writer);
        await using var onB = await b.ConnectAsync(reader);
        await onA.EnterAsync(session.Id);
        await onB.EnterAsync(session.Id);

        var text = "Buurtkamer op woensdag " + Guid.NewGuid().ToString("N")[..6];
        var reply = await onA.CallAsync("AddNote", session.Id, text);
        Assert.True(reply.Ok, reply.Error);
        var added = await onB.WaitForAsync(nameof(ISessionClient.NoteAdded), args => args[0].GetProperty("text").GetString() == text);
        Assert.Equal(reply.Id, added[0].GetProperty("id").GetInt32());
        Assert.False(added[0].GetProperty("mine").GetBoolean());
    }

    [Fact]
    public async Task Without_the_backplane_the_other_node_hears_nothing()
    {
        await using var a = KestrelNode.First(redis: null, channelPrefix: null);
        await using var b = KestrelNode.Joining(a, redis: null, channelPrefix: null);
        var team = await a.Data.TeamProjectAsync();
        var session = await a.SessionAsync(team.Id);
        var (_, key) = await a.ParticipantAsync(session.Id, name: "Gast");

        using var guest = b.RealGuestBrowser(session.Id, key!);
        await using var onB = await b.ConnectAsync(guest);
        await onB.EnterAsync(session.Id);
        using var member = a.RealBrowser();
        await member.SignInAsync(team.Member.Email!, TestData.Password);
        await member.OpenAsync($"/sessies/{session.Id}");

        // The join was saved (node B reads it from the shared database) but, with SignalR in memory, never told to B.
        Assert.Equal(2, await b.WithDbAsync(db => db.Participants.CountAsync(p => p.SessionId == session.Id)));
        Assert.True(await onB.NothingAsync(nameof(ISessionClient.ParticipationChanged), within: TimeSpan.FromSeconds(1.5)));
    }

    [Fact]
    public async Task A_screen_that_reconnects_to_the_other_node_catches_up_from_the_database()
    {
        await using var a = KestrelNode.First(redis: null, channelPrefix: null);
        await using var b = KestrelNode.Joining(a, redis: null, channelPrefix: null);
        var team = await a.Data.TeamProjectAsync();
        var session = await a.SessionAsync(team.Id);
        var (_, key) = await a.ParticipantAsync(session.Id, name: "Gast");

        using var guest = a.RealGuestBrowser(session.Id, key!);
        long lastSeen;
        await using (var onA = await a.ConnectAsync(guest))
            lastSeen = (await onA.EnterAsync(session.Id)).Sequence;

        // While the screen is away, someone joins through node A.
        using var member = a.RealBrowser();
        await member.SignInAsync(team.Member.Email!, TestData.Password);
        await member.OpenAsync($"/sessies/{session.Id}");

        // Its reconnect lands on node B: it gets the whole, current state, not a replay of what it missed.
        await using var onB = await b.ConnectAsync(guest);
        var fresh = await onB.Connection.InvokeAsync<SessionView?>("Rejoin", session.Id, lastSeen);
        Assert.NotNull(fresh);
        Assert.True(fresh.Sequence > lastSeen);
        Assert.Equal(2, fresh.Participation.Total);
        // Nothing new since then: no state is sent at all.
        Assert.Null(await onB.Connection.InvokeAsync<SessionView?>("Rejoin", session.Id, fresh.Sequence));
    }

    private static int Total(JsonElement[] args) => args[0].GetProperty("total").GetInt32();
}
