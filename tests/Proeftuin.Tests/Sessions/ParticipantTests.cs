using System.Net.Http.Json;
using Proeftuin.Features.Sessions;
using Proeftuin.Web;

namespace Proeftuin.Tests.Sessions;

/// <summary>
/// Issue 15, participants: the same browser keeps one seat, the facilitator takes someone out (notes stay, open-vote
/// stippen go, closed results stay) and closes joining (now or from the vote step on), and a participant changes their
/// perspective only before the first vote. Who may not, over form, hub and API; hostile ids.
/// </summary>
public sealed class ParticipantTests(JoinFactory factory) : IClassFixture<JoinFactory>
{
    private static readonly Uri Local = new("http://localhost");

    [Fact]
    public async Task A_second_join_from_the_same_browser_returns_the_same_participant()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id);
        using var guest = factory.NewBrowser();
        var form = await guest.OpenAsync($"/doe-mee/{session.JoinCode}");
        using (var joined = await guest.SubmitAsync(form.FormFor("Input.DisplayName"), new { Input_DisplayName = "Fatima", Input_Perspective = "Experience" }))
            Expect.Redirect(joined, $"/sessies/{session.Id}");
        // The join form posted again (a second tab, the back button): the same seat.
        using (var again = await guest.PostAsync($"/doe-mee/{session.JoinCode}", new { Input_DisplayName = "Fatima 2", Input_Perspective = "Scientific" }))
            Expect.Redirect(again, $"/sessies/{session.Id}");
        var seat = await factory.WithDbAsync(db => db.Participants.SingleAsync(p => p.SessionId == session.Id));
        Assert.NotNull(seat.BrowserKeyHash);

        // The session's own cookie is gone (cleared, expired), the browser-wide key is kept: the join page offers the seat back.
        var browserKey = guest.Cookies.GetCookies(Local)[Caller.BrowserCookie]!.Value;
        Assert.DoesNotContain(browserKey, seat.BrowserKeyHash, StringComparison.Ordinal);
        using var same = factory.NewBrowser();
        same.Cookies.Add(Local, new System.Net.Cookie(Caller.BrowserCookie, browserKey, "/"));
        var back = await same.OpenAsync($"/doe-mee/{session.JoinCode}");
        Assert.Contains("Je deed al mee in deze browser, als: Fatima", back.MainText, StringComparison.Ordinal);
        using (var rejoined = await same.SubmitAsync(back.FormWithAction($"/doe-mee/{session.JoinCode}"), new { }))
            Expect.Redirect(rejoined, $"/sessies/{session.Id}");
        Assert.Equal(1, await factory.WithDbAsync(db => db.Participants.CountAsync(p => p.SessionId == session.Id)));

        // The hub knows them as that seat, with the new session cookie.
        await using var live = await same.ConnectAsync();
        var view = await live.EnterAsync(session.Id);
        Assert.Equal(seat.Id, view.Me.ParticipantId);
        Assert.Equal("Fatima", view.Me.DisplayName);
        // The old cookie's key no longer opens the seat: only the newest hash is kept.
        Assert.NotEqual(seat.GuestKeyHash, (await factory.WithDbAsync(db => db.Participants.SingleAsync(p => p.Id == seat.Id))).GuestKeyHash);

        // A browser key from elsewhere (or a forged one) makes a new seat, as a private window does.
        using var other = factory.NewBrowser();
        other.Cookies.Add(Local, new System.Net.Cookie(Caller.BrowserCookie, Tokens.New(), "/"));
        var fresh = await other.OpenAsync($"/doe-mee/{session.JoinCode}");
        Assert.DoesNotContain("Je deed al mee", fresh.MainText, StringComparison.Ordinal);
        using (var second = await other.SubmitAsync(fresh.FormFor("Input.DisplayName"), new { Input_DisplayName = "Ans", Input_Perspective = "Professional" }))
            Expect.Redirect(second, $"/sessies/{session.Id}");
        Assert.Equal(2, await factory.WithDbAsync(db => db.Participants.CountAsync(p => p.SessionId == session.Id)));
    }

    [Fact]
    public async Task A_signed_in_person_joining_twice_keeps_one_seat()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id);
        var outsider = await factory.Data.UserAsync();
        using var browser = await factory.SignInAsync(outsider.Email!);
        for (var i = 0; i < 2; i++)
        {
            using var joined = await browser.PostAsync($"/doe-mee/{session.JoinCode}", new { });
            Expect.Redirect(joined, $"/sessies/{session.Id}");
        }
        Assert.Equal(1, await factory.WithDbAsync(db => db.Participants.CountAsync(p => p.SessionId == session.Id && p.UserId == outsider.Id)));
    }

    [Fact]
    public async Task Removing_withdraws_open_votes_keeps_closed_ones_and_notes_and_refuses_the_one_removed()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id, SessionState.Running, new StepSeed(StepMode.Write), new StepSeed(StepMode.Vote), new StepSeed(StepMode.Vote));
        var (write, closedVote, openVote) = (session.StepIds[0], session.StepIds[1], session.StepIds[2]);
        await factory.StepAsync(closedVote, s => s.VotingClosed = true);
        var (guestId, key) = await factory.ParticipantAsync(session.Id, name: "Storende Gast");
        var (otherId, _) = await factory.ParticipantAsync(session.Id, name: "Ans", perspective: Perspective.Professional);
        var note = await factory.NoteAsync(session.Id, write, guestId, "Mijn post-it blijft");
        await factory.VoteAsync(session.Id, closedVote, guestId, note);
        await factory.VoteAsync(session.Id, openVote, guestId, note);
        await factory.VoteAsync(session.Id, openVote, otherId, note);

        using var guestBrowser = factory.GuestBrowser(session.Id, key!);
        await using var guest = await guestBrowser.ConnectAsync();
        await guest.EnterAsync(session.Id);
        await using var facilitator = await factory.MemberSeatAsync(team.Facilitator.Email!, session.Id);
        Assert.Contains(facilitator.View.Participants!, p => p.Id == guestId && p.IsGuest && p.JoinedAt != default);

        var reply = await facilitator.CallAsync("RemoveParticipant", session.Id, guestId);
        Assert.True(reply.Ok, reply.Error);
        await guest.WaitForAsync("Removed");
        var people = await facilitator.Live.WaitForAsync("ParticipantsChanged");
        Assert.DoesNotContain(people[0].EnumerateArray(), p => p.GetProperty("id").GetInt32() == guestId);

        var votes = await factory.WithDbAsync(db => db.Votes.Where(v => v.SessionId == session.Id).Select(v => new { v.StepId, v.ParticipantId }).ToListAsync());
        Assert.Contains(votes, v => v.StepId == closedVote && v.ParticipantId == guestId);
        Assert.DoesNotContain(votes, v => v.StepId == openVote && v.ParticipantId == guestId);
        Assert.Contains(votes, v => v.StepId == openVote && v.ParticipantId == otherId);
        Assert.True(await factory.WithDbAsync(db => db.Notes.AnyAsync(n => n.Id == note)));

        // The one removed: hub, page, form post, API and the join page all say why.
        SessionSeats.Refused(await guest.CallAsync("AddNote", session.Id, "Nog eentje"), ParticipantRules.RemovedMessage);
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => guest.EnterAsync(session.Id));
        Assert.Contains(ParticipantRules.RemovedMessage, ex.Message, StringComparison.Ordinal);
        var page = await guestBrowser.GetPageAsync($"/sessies/{session.Id}");
        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Contains(ParticipantRules.RemovedMessage, page.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain("Mijn post-it blijft", page.Text, StringComparison.Ordinal);
        using (var post = await guestBrowser.PostAsync($"/sessies/{session.Id}/post-its?handler=Add", new { Input_Text = "Via het formulier" }))
            Expect.Redirect(post, $"/sessies/{session.Id}");
        using (var done = await guestBrowser.PostAsync($"/sessies/{session.Id}/klaar", new { done = "true" }))
            Expect.Redirect(done, $"/sessies/{session.Id}");
        using (var api = await guestBrowser.Client.GetAsync(new Uri($"/api/v1/sessions/{session.Id}", UriKind.Relative)))
        {
            Expect.Status(HttpStatusCode.Forbidden, api);
            Assert.Contains(ParticipantRules.RemovedMessage, await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var join = await guestBrowser.GetPageAsync($"/doe-mee/{session.JoinCode}");
        Assert.Equal(HttpStatusCode.Forbidden, join.Status);
        Assert.Contains(ParticipantRules.RemovedMessage, join.MainText, StringComparison.Ordinal);
        using (var rejoin = await guestBrowser.PostAsync($"/doe-mee/{session.JoinCode}", new { Input_DisplayName = "Nieuwe naam", Input_Perspective = "Experience" }))
            Expect.Status(HttpStatusCode.Forbidden, rejoin);
        Assert.Equal(1, await factory.NoteCountAsync(session.Id));
        Assert.Equal(3, await factory.WithDbAsync(db => db.Participants.CountAsync(p => p.SessionId == session.Id))); // the facilitator, Ans and the one removed

        // Counted nowhere any more; the summary says someone was taken out, with a name only for the facilitator.
        var state = await facilitator.Live.EnterAsync(session.Id);
        Assert.Equal(2, state.Participation.Total); // Ans and the facilitator
        Assert.Equal("Storende Gast", Assert.Single(state.Removals!).DisplayName);
        var summary = await facilitator.Browser.OpenAsync($"/sessies/{session.Id}/samenvatting");
        Assert.Contains("1 deelnemer verwijderd door de begeleider", summary.MainText, StringComparison.Ordinal);
        Assert.Contains("Storende Gast, verwijderd op", summary.MainText, StringComparison.Ordinal);
        using var member = await factory.SignInAsync(team.Member.Email!);
        var memberSummary = await member.OpenAsync($"/sessies/{session.Id}/samenvatting");
        Assert.Contains("1 deelnemer verwijderd door de begeleider", memberSummary.MainText, StringComparison.Ordinal);
        // Names are for facilitators, as today (a post-it still carries its writer's name, as it always did).
        Assert.DoesNotContain("Storende Gast", memberSummary.Document.QuerySelector("[data-removals]")!.NextElementSibling!.TextContent, StringComparison.Ordinal);
        var memberView = await member.GetJsonAsync($"/api/v1/sessions/{session.Id}");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, memberView.GetProperty("removals")[0].GetProperty("displayName").ValueKind);

        // Removing again is harmless.
        Assert.True((await facilitator.CallAsync("RemoveParticipant", session.Id, guestId)).Ok);
    }

    [Fact]
    public async Task The_facilitator_removes_by_plain_form_and_by_API_and_sees_the_list_without_JavaScript()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id);
        var (first, _) = await factory.ParticipantAsync(session.Id, name: "Piet");
        var (second, _) = await factory.ParticipantAsync(session.Id, name: "Riet", perspective: Perspective.Scientific);
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var page = await facilitator.OpenAsync($"/sessies/{session.Id}");
        var table = page.Document.QuerySelector("#deelnemers table")!;
        Assert.NotNull(table.QuerySelector("caption"));
        Assert.Contains("Piet", table.TextContent, StringComparison.Ordinal);
        Assert.Contains("Wetenschappelijke kennis", table.TextContent, StringComparison.Ordinal);
        var form = page.Forms.Single(f => f.Element.QuerySelector("input[name=participantId]")?.GetAttribute("value") == first.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("Uit de sessie halen: Piet", form.Element.TextContent.Trim(), StringComparison.Ordinal);
        using (var removed = await facilitator.SubmitAsync(form, new { }))
            Expect.Redirect(removed, $"/sessies/{session.Id}#deelnemers");
        var after = await facilitator.OpenAsync($"/sessies/{session.Id}");
        Assert.DoesNotContain("Piet", after.Document.QuerySelector("#deelnemers table")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 deelnemer verwijderd door de begeleider", after.Document.QuerySelector("#deelnemers")!.TextContent, StringComparison.Ordinal);

        using var api = await facilitator.Client.DeleteAsync(new Uri($"/api/v1/sessions/{session.Id}/participants/{second}", UriKind.Relative));
        Expect.Status(HttpStatusCode.NoContent, api);
        Assert.Equal(2, await factory.WithDbAsync(db => db.Participants.CountAsync(p => p.SessionId == session.Id && p.RemovedAt != null)));
    }

    [Fact]
    public async Task Only_the_facilitator_may_remove_or_close_joining()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id);
        var (target, key) = await factory.ParticipantAsync(session.Id, name: "Doelwit");
        var otherTeam = await factory.Data.TeamProjectAsync();

        // A participant (the guest, about themselves or another), an observer, a member, another project's facilitator.
        await using var guest = await factory.GuestSeatAsync(session.Id, "Gast");
        SessionSeats.Refused(await guest.CallAsync("RemoveParticipant", session.Id, target));
        SessionSeats.Refused(await guest.CallAsync("SetJoining", session.Id, "Closed"));
        foreach (var email in new[] { team.Observer.Email!, team.Member.Email!, otherTeam.Facilitator.Email! })
        {
            using var browser = await factory.SignInAsync(email);
            await using var live = await browser.ConnectAsync();
            SessionSeats.Refused(await live.CallAsync("RemoveParticipant", session.Id, target));
            SessionSeats.Refused(await live.CallAsync("SetJoining", session.Id, "Closed"));
            using var form = await browser.PostAsync($"/sessies/{session.Id}/leiden?handler=Remove", new { participantId = target });
            Assert.Contains(form.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
            using var joining = await browser.PostAsync($"/sessies/{session.Id}/leiden?handler=Joining", new { joining = "Closed" });
            Assert.Contains(joining.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
            using var api = await browser.Client.DeleteAsync(new Uri($"/api/v1/sessions/{session.Id}/participants/{target}", UriKind.Relative));
            Assert.Contains(api.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
            using var put = await browser.Client.PutAsJsonAsync(new Uri($"/api/v1/sessions/{session.Id}/joining", UriKind.Relative), new { joining = "Closed" });
            Assert.Contains(put.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
        }
        // Signed out.
        using var anonymous = factory.NewBrowser();
        using (var api = await anonymous.Client.DeleteAsync(new Uri($"/api/v1/sessions/{session.Id}/participants/{target}", UriKind.Relative)))
            Expect.Status(HttpStatusCode.Unauthorized, api);
        using (var form = await anonymous.PostAsync($"/sessies/{session.Id}/leiden?handler=Remove", new { participantId = target }))
            Assert.Contains(form.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Redirect, HttpStatusCode.Found });
        // The guest's own API refuses too.
        using var guestApi = factory.GuestBrowser(session.Id, key!);
        using (var api = await guestApi.Client.DeleteAsync(new Uri($"/api/v1/sessions/{session.Id}/participants/{guest.ParticipantId}", UriKind.Relative)))
            Expect.Status(HttpStatusCode.Forbidden, api);

        var row = await factory.WithDbAsync(db => db.Sessions.SingleAsync(s => s.Id == session.Id));
        Assert.Equal(JoiningRule.Open, row.Joining);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Participants.CountAsync(p => p.SessionId == session.Id && p.RemovedAt != null)));
    }

    [Fact]
    public async Task Hostile_participant_ids_are_not_found_and_the_facilitator_cannot_remove_themselves()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id);
        var elsewhere = await factory.SessionAsync(team.Id);
        var (foreign, _) = await factory.ParticipantAsync(elsewhere.Id, name: "Andere sessie");
        await using var facilitator = await factory.MemberSeatAsync(team.Facilitator.Email!, session.Id);
        foreach (var id in new[] { foreign, -1, 0, int.MaxValue })
        {
            SessionSeats.Refused(await facilitator.CallAsync("RemoveParticipant", session.Id, id), "bestaat niet");
            using var form = await facilitator.Browser.PostAsync($"/sessies/{session.Id}/leiden?handler=Remove", new { participantId = id });
            Expect.Status(HttpStatusCode.NotFound, form);
        }
        using (var junk = await facilitator.Browser.PostAsync($"/sessies/{session.Id}/leiden?handler=Remove", new { participantId = "<script>" }))
            Expect.Status(HttpStatusCode.NotFound, junk);
        SessionSeats.Refused(await facilitator.CallAsync("RemoveParticipant", session.Id, facilitator.ParticipantId), "jezelf");
        SessionSeats.Refused(await facilitator.CallAsync("SetJoining", session.Id, 7), "Kies of meedoen");
        using (var put = await facilitator.Browser.Client.PutAsJsonAsync(new Uri($"/api/v1/sessions/{session.Id}/joining", UriKind.Relative), new { joining = "Dicht" }))
            Expect.Status(HttpStatusCode.BadRequest, put);
        Assert.Null(await factory.WithDbAsync(db => db.Participants.Where(p => p.Id == foreign).Select(p => p.RemovedAt).SingleAsync()));
    }

    [Fact]
    public async Task Closed_joining_refuses_newcomers_while_those_in_reconnect()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id);
        await using var inside = await factory.GuestSeatAsync(session.Id, "Al binnen");
        await using var facilitator = await factory.MemberSeatAsync(team.Facilitator.Email!, session.Id);
        var reply = await facilitator.CallAsync("SetJoining", session.Id, "Closed");
        Assert.True(reply.Ok, reply.Error);

        using var newcomer = factory.NewBrowser();
        var page = await newcomer.GetPageAsync($"/doe-mee/{session.JoinCode}");
        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Contains(ParticipantRules.JoiningClosedMessage, page.MainText, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("input[name='Input.DisplayName']"));
        using (var post = await newcomer.PostAsync($"/doe-mee/{session.JoinCode}", new { Input_DisplayName = "Laatkomer", Input_Perspective = "Experience" }))
        {
            Expect.Status(HttpStatusCode.Forbidden, post);
            Assert.Contains(ParticipantRules.JoiningClosedMessage, await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        // A signed-in outsider by code, and a team member who was not in yet, are refused too.
        var outsider = await factory.Data.UserAsync();
        using (var signedIn = await factory.SignInAsync(outsider.Email!))
        using (var post = await signedIn.PostAsync($"/doe-mee/{session.JoinCode}", new { }))
            Expect.Status(HttpStatusCode.Forbidden, post);
        using var member = await factory.SignInAsync(team.Member.Email!);
        await using (var memberLive = await member.ConnectAsync())
        {
            await member.OpenAsync($"/sessies/{session.Id}");
            Assert.Null((await memberLive.EnterAsync(session.Id)).Me.ParticipantId);
        }

        // Those already in go on, also after a reconnect.
        await using var again = await inside.Browser.ConnectAsync();
        Assert.Equal(inside.ParticipantId, (await again.EnterAsync(session.Id)).Me.ParticipantId);
        Assert.True((await again.CallAsync("AddNote", session.Id, "Nog steeds welkom")).Ok);
        Assert.Equal(2, await factory.WithDbAsync(db => db.Participants.CountAsync(p => p.SessionId == session.Id)));

        // Open again by API: newcomers may join.
        using (var put = await facilitator.Browser.Client.PutAsJsonAsync(new Uri($"/api/v1/sessions/{session.Id}/joining", UriKind.Relative), new { joining = "Open" }))
            Expect.Status(HttpStatusCode.OK, put);
        using (var post = await newcomer.PostAsync($"/doe-mee/{session.JoinCode}", new { Input_DisplayName = "Laatkomer", Input_Perspective = "Experience" }))
            Expect.Redirect(post, $"/sessies/{session.Id}");
    }

    [Fact]
    public async Task From_the_vote_step_on_joining_closes_when_a_vote_step_starts()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id, SessionState.Running, new StepSeed(StepMode.Write), new StepSeed(StepMode.Vote));
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var lead = await facilitator.OpenAsync($"/sessies/{session.Id}");
        using (var set = await facilitator.SubmitAsync(lead.FormWithAction("handler=Joining"), new { joining = "UntilVote" }))
            Expect.Redirect(set, $"/sessies/{session.Id}#deelnemers");
        Assert.Contains("Meedoen sluit zodra het stemmen begint.", (await facilitator.OpenAsync($"/sessies/{session.Id}")).MainText, StringComparison.Ordinal);

        using var early = factory.NewBrowser();
        using (var post = await early.PostAsync($"/doe-mee/{session.JoinCode}", new { Input_DisplayName = "Op tijd", Input_Perspective = "Experience" }))
            Expect.Redirect(post, $"/sessies/{session.Id}");

        var next = (await facilitator.OpenAsync($"/sessies/{session.Id}")).FormWithAction("handler=Next");
        using (var moved = await facilitator.SubmitAsync(next, new { }))
            Expect.Redirect(moved, $"/sessies/{session.Id}#stap");
        using var late = factory.NewBrowser();
        using (var post = await late.PostAsync($"/doe-mee/{session.JoinCode}", new { Input_DisplayName = "Te laat", Input_Perspective = "Experience" }))
            Expect.Status(HttpStatusCode.Forbidden, post);
        Assert.Contains("Meedoen is gesloten", (await facilitator.OpenAsync($"/sessies/{session.Id}")).MainText, StringComparison.Ordinal);
        // The early one is still in.
        var page = await early.GetPageAsync($"/sessies/{session.Id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
    }

    [Fact]
    public async Task A_participant_changes_perspective_before_the_vote_recorded_and_not_after()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id, SessionState.Running, new StepSeed(StepMode.Write), new StepSeed(StepMode.Vote));
        var (guestId, key) = await factory.ParticipantAsync(session.Id, name: "Mark", perspective: Perspective.Professional);
        using var guest = factory.GuestBrowser(session.Id, key!);
        var page = await guest.OpenAsync($"/sessies/{session.Id}");
        var form = page.FormWithAction("handler=Perspective");
        using (var changed = await guest.SubmitAsync(form, new { perspective = "Experience" }))
            Expect.Redirect(changed, $"/sessies/{session.Id}#mijn-kennisbron");
        var change = await factory.WithDbAsync(db => db.PerspectiveChanges.SingleAsync(c => c.ParticipantId == guestId));
        Assert.Equal((Perspective.Professional, Perspective.Experience, session.Id), (change.From, change.To, change.SessionId));

        // Bad input changes nothing.
        using (var bad = await guest.PostAsync($"/sessies/{session.Id}?handler=Perspective", new { perspective = "<script>" }))
            Expect.Redirect(bad, $"/sessies/{session.Id}#mijn-kennisbron");
        Assert.Equal(1, await factory.WithDbAsync(db => db.PerspectiveChanges.CountAsync(c => c.ParticipantId == guestId)));

        // The facilitator sees what it was.
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var lead = await facilitator.OpenAsync($"/sessies/{session.Id}");
        Assert.Contains("was: Professionele kennis", lead.Document.QuerySelector("#deelnemers")!.TextContent, StringComparison.Ordinal);
        await using var facilitatorLive = await facilitator.ConnectAsync();
        var view = await facilitatorLive.EnterAsync(session.Id);
        var mark = view.Participants!.Single(p => p.Id == guestId);
        Assert.Equal((Perspective.Experience, Perspective.Professional), (mark.Perspective, mark.WasPerspective));

        // Once a vote step has started: the form is gone, the use case refuses (hub and form).
        await factory.StepAsync(session.StepIds[1], s => s.StartedAt = factory.Clock.GetUtcNow().UtcDateTime);
        await factory.GoToStepAsync(session.Id, session.StepIds[1]);
        var later = await guest.OpenAsync($"/sessies/{session.Id}");
        Assert.Null(later.Document.QuerySelector("form[action*='handler=Perspective']"));
        await using var live = await guest.ConnectAsync();
        await live.EnterAsync(session.Id);
        SessionSeats.Refused(await live.CallAsync("ChangePerspective", session.Id, "Scientific"), ParticipantRules.PerspectiveLockedMessage);
        using (var post = await guest.PostAsync($"/sessies/{session.Id}?handler=Perspective", new { perspective = "Scientific" }))
            Expect.Redirect(post, $"/sessies/{session.Id}#mijn-kennisbron");
        Assert.Equal(Perspective.Experience, await factory.WithDbAsync(db => db.Participants.Where(p => p.Id == guestId).Select(p => p.Perspective).SingleAsync()));

        // Those not in (an observer) may not change anything.
        using var observer = await factory.SignInAsync(team.Observer.Email!);
        using (var post = await observer.PostAsync($"/sessies/{session.Id}?handler=Perspective", new { perspective = "Scientific" }))
            Expect.Status(HttpStatusCode.Forbidden, post);
    }
}
