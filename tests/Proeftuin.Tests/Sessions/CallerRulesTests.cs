using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Proeftuin.Features.Sessions;

namespace Proeftuin.Tests.Sessions;

/// <summary>
/// The one caller in live sessions (ADR 0018): a guest cookie grants only its own session, a hub call sees the same
/// person as a page or API request, and a named rule (withdraw a post-it) answers the same on page, API and hub.
/// </summary>
public sealed class CallerRulesTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    [Fact]
    public async Task A_guest_cookie_of_session_A_grants_nothing_in_session_B()
    {
        var team = await factory.Data.TeamProjectAsync();
        var a = await factory.SessionAsync(team.Id);
        var b = await factory.SessionAsync(team.Id);
        var (_, key) = await factory.ParticipantAsync(a.Id, name: "Fatima");

        using var guest = factory.GuestBrowser(a.Id, key!);
        Assert.Equal(HttpStatusCode.OK, (await guest.GetPageAsync($"/sessies/{a.Id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await guest.GetPageAsync($"/sessies/{b.Id}")).Status);
        // The API asks them to sign in or join B: they bring nothing for it.
        using (var api = await guest.GetAsync($"/api/v1/sessions/{b.Id}"))
            Expect.Status(HttpStatusCode.Unauthorized, api);
        await using (var live = await guest.ConnectAsync())
        {
            Assert.Equal("Fatima", (await live.EnterAsync(a.Id)).Me.DisplayName);
            await Assert.ThrowsAsync<HubException>(() => live.EnterAsync(b.Id));
            SessionSeats.Refused(await live.CallAsync("AddNote", b.Id, "Ergens anders"));
        }

        // A's key under B's cookie name is still A's key: it matches no participant of B.
        using var swapped = factory.GuestBrowser(b.Id, key!);
        Assert.Equal(HttpStatusCode.NotFound, (await swapped.GetPageAsync($"/sessies/{b.Id}")).Status);
        await using (var live = await swapped.ConnectAsync())
            await Assert.ThrowsAsync<HubException>(() => live.EnterAsync(b.Id));
        Assert.Equal(0, await factory.NoteCountAsync(b.Id));
    }

    [Fact]
    public async Task A_hub_call_resolves_the_same_caller_as_a_page_or_api_request_of_the_same_person()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id);
        var (_, key) = await factory.ParticipantAsync(session.Id, name: "Fatima");
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        using var member = await factory.SignInAsync(team.Member.Email!);
        using var guest = factory.GuestBrowser(session.Id, key!);
        await facilitator.OpenAsync($"/sessies/{session.Id}");
        await member.OpenAsync($"/sessies/{session.Id}");

        foreach (var browser in new[] { facilitator, member, guest })
        {
            var api = await browser.GetJsonAsync($"/api/v1/sessions/{session.Id}");
            await using var live = await browser.ConnectAsync();
            var hub = await live.EnterAsync(session.Id);
            var me = api.GetProperty("me");
            Assert.Equal(me.GetProperty("participantId").GetInt32(), hub.Me.ParticipantId);
            Assert.Equal(me.GetProperty("displayName").GetString(), hub.Me.DisplayName);
            Assert.Equal(me.GetProperty("isGuest").GetBoolean(), hub.Me.IsGuest);
            Assert.Equal(me.GetProperty("isFacilitator").GetBoolean(), hub.Me.IsFacilitator);
            Assert.Equal(me.GetProperty("canModerate").GetBoolean(), hub.Me.CanModerate);
            Assert.Equal(me.GetProperty("canWrite").GetBoolean(), hub.Me.CanWrite);
        }
        var view = await guest.GetJsonAsync($"/api/v1/sessions/{session.Id}");
        Assert.True(view.GetProperty("me").GetProperty("isGuest").GetBoolean());
        Assert.True((await facilitator.GetJsonAsync($"/api/v1/sessions/{session.Id}")).GetProperty("me").GetProperty("canModerate").GetBoolean());
        Assert.False(view.GetProperty("me").GetProperty("canModerate").GetBoolean());

        // Signed out there is nobody: no page, no API, no hub.
        using var anonymous = factory.NewBrowser();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetPageAsync($"/sessies/{session.Id}")).Status);
        await using var nobody = await anonymous.ConnectAsync();
        await Assert.ThrowsAsync<HubException>(() => nobody.EnterAsync(session.Id));
    }

    private static bool ApiCanWithdraw(JsonElement notes, int noteId) =>
        notes.EnumerateArray().Single(n => n.GetProperty("id").GetInt32() == noteId).GetProperty("canWithdraw").GetBoolean();

    [Fact]
    public async Task Withdraw_a_note_is_one_rule_on_page_api_and_hub()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id, SessionState.Running, new StepSeed(StepMode.Write), new StepSeed(StepMode.Cluster));
        await using var facilitator = await factory.MemberSeatAsync(team.Facilitator.Email!, session.Id);
        await using var member = await factory.MemberSeatAsync(team.Member.Email!, session.Id);
        await using var writer = await factory.GuestSeatAsync(session.Id, "Fatima");
        var step = session.StepIds[0];
        var notes = new List<int>();
        for (var i = 0; i < 4; i++) notes.Add(await factory.NoteAsync(session.Id, step, writer.ParticipantId, "Post-it " + i));

        // What each person is told they may do, by the API, the hub's state and the page's buttons.
        async Task<(bool Api, bool Hub, bool Page)> ToldAsync(Seat seat, int noteId)
        {
            var api = ApiCanWithdraw(await seat.Browser.GetJsonAsync($"/api/v1/sessions/{session.Id}/notes"), noteId);
            var hub = (await seat.Live.EnterAsync(session.Id)).Notes.Single(n => n.Id == noteId).CanWithdraw;
            var page = await seat.Browser.OpenAsync($"/sessies/{session.Id}");
            var button = page.Document.QuerySelector($"#post-it-{noteId} form[data-pt-note-delete]") is not null;
            return (api, hub, button);
        }

        // In the write step: the writer and the facilitator may, another participant may not.
        Assert.Equal((true, true, true), await ToldAsync(writer, notes[0]));
        Assert.Equal((true, true, true), await ToldAsync(facilitator, notes[0]));
        Assert.Equal((false, false, false), await ToldAsync(member, notes[0]));

        // And doing it agrees, by hub and by plain form.
        SessionSeats.Refused(await member.CallAsync("DeleteNote", session.Id, notes[0]), "Dit mag je nu niet doen.");
        using (var refused = await member.Browser.PostAsync($"/sessies/{session.Id}/post-its/{notes[0]}?handler=Delete", new { }))
            Expect.Status(HttpStatusCode.Forbidden, refused);
        Assert.True((await writer.CallAsync("DeleteNote", session.Id, notes[0])).Ok);
        using (var byForm = await writer.Browser.PostAsync($"/sessies/{session.Id}/post-its/{notes[1]}?handler=Delete", new { }))
            Assert.True(Browser.IsRedirect(byForm.StatusCode), byForm.StatusCode.ToString());
        Assert.True((await facilitator.CallAsync("DeleteNote", session.Id, notes[2])).Ok);

        // In the cluster step the writer no longer may (the rule follows the step); the facilitator still may.
        await factory.GoToStepAsync(session.Id, session.StepIds[1]);
        Assert.Equal((false, false, false), await ToldAsync(writer, notes[3]));
        Assert.Equal((true, true, true), await ToldAsync(facilitator, notes[3]));
        SessionSeats.Refused(await writer.CallAsync("DeleteNote", session.Id, notes[3]), "In deze stap");
        Assert.True((await facilitator.CallAsync("DeleteNote", session.Id, notes[3])).Ok);
        Assert.Equal(0, await factory.NoteCountAsync(session.Id));
    }

    [Fact]
    public async Task A_note_event_carries_the_writers_rights_only_to_the_writer()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id);
        await using var member = await factory.MemberSeatAsync(team.Member.Email!, session.Id);
        await using var writer = await factory.GuestSeatAsync(session.Id, "Fatima");

        var reply = await writer.CallAsync("AddNote", session.Id, "Een bankje");
        Assert.True(reply.Ok, reply.Error);
        var own = await writer.Live.WaitForAsync("NoteAdded", a => a[0].Mine());
        Assert.True(own[0].GetProperty("canEdit").GetBoolean());
        Assert.True(own[0].GetProperty("canWithdraw").GetBoolean());
        var others = await member.Live.WaitForAsync("NoteAdded", a => a[0].GetProperty("id").GetInt32() == reply.Id);
        Assert.False(others[0].GetProperty("canEdit").GetBoolean());
        Assert.False(others[0].GetProperty("canWithdraw").GetBoolean());
    }

    [Fact]
    public async Task The_join_code_follows_its_rule()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id);
        using var observer = await factory.SignInAsync(team.Observer.Email!);
        var watching = await observer.GetJsonAsync($"/api/v1/sessions/{session.Id}");
        Assert.False(watching.GetProperty("me").GetProperty("canSeeJoinCode").GetBoolean());
        Assert.Equal("", watching.GetProperty("joinCode").GetString());

        await using var facilitator = await factory.MemberSeatAsync(team.Facilitator.Email!, session.Id);
        Assert.True(facilitator.View.Me.CanSeeJoinCode);
        Assert.Equal(session.JoinCode, facilitator.View.JoinCode);
        var page = await facilitator.Browser.OpenAsync($"/sessies/{session.Id}");
        Assert.NotNull(page.Document.QuerySelector(".pt-session-code"));
        Assert.Null((await observer.OpenAsync($"/sessies/{session.Id}")).Document.QuerySelector(".pt-session-code"));
    }
}
