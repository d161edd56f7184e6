using Microsoft.AspNetCore.SignalR;
using Proeftuin.Features.Sessions;
using Proeftuin.Features.Thread;

namespace Proeftuin.Tests.Sessions;

/// <summary>What a review of the live sessions found, each kept closed by a test.</summary>
public sealed class SessionGuardTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    [Fact]
    public async Task An_idea_from_an_anonymous_note_does_not_take_its_writers_perspective()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id, SessionState.Running, new StepSeed(StepMode.Write, Private: true, Anonymous: true));
        await factory.StepAsync(session.StepIds[0], s => s.Revealed = true);
        var question = await factory.QuestionAsync(team.Id);
        await factory.AskAsync(session.Id, question);
        var (resident, _) = await factory.ParticipantAsync(session.Id, name: "Riet", perspective: Perspective.Experience);
        var note = await factory.NoteAsync(session.Id, session.StepIds[0], resident, "Een wandelclub op zondag");
        var cluster = await factory.ClusterAsync(session.Id, "Bewegen");
        await factory.NoteAsync(session.Id, session.StepIds[0], resident, "Samen fietsen", cluster);
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        var url = $"/sessies/{session.Id}/ideeen";

        // Without a choice both are refused with the reason, and nothing is made.
        using (var r = await facilitator.PostAsync(url + "?handler=Note", new { noteId = note }))
            Expect.Redirect(r, $"/sessies/{session.Id}#ideeen");
        using (var r = await facilitator.PostAsync(url + "?handler=Cluster", new { clusterId = cluster }))
            Expect.Redirect(r, $"/sessies/{session.Id}#ideeen");
        Assert.Equal(0, await factory.IdeaCountAsync(session.Id));
        var page = await facilitator.OpenAsync($"/sessies/{session.Id}");
        Assert.Contains("Kies zelf de kennisbron", page.BodyText, StringComparison.Ordinal);

        // With the facilitator's choice it is made with that source.
        using (var r = await facilitator.PostAsync(url + "?handler=Note", new { noteId = note, knowledgeSource = "Professional" }))
            Expect.Redirect(r, $"/sessies/{session.Id}#ideeen");
        var source = await factory.WithDbAsync(db => db.Items.OfType<Idea>().Where(i => i.SessionId == session.Id).Select(i => i.KnowledgeSource).SingleAsync());
        Assert.Equal(Perspective.Professional, source);
    }

    [Fact]
    public async Task A_removed_member_no_longer_opens_the_sessions_they_joined_but_their_notes_stay()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id);
        using var member = await factory.SignInAsync(team.Member.Email!);
        await member.OpenAsync($"/sessies/{session.Id}");
        var seat = await factory.WithDbAsync(db => db.Participants.SingleAsync(p => p.SessionId == session.Id && p.UserId == team.Member.Id));
        await factory.NoteAsync(session.Id, session.StepIds[0], seat.Id, "Blijft staan");

        var membership = await factory.Data.MembershipIdAsync(team.Id, team.Member.Id);
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        using (var r = await facilitator.PostAsync($"/projecten/{team.Id}/leden?handler=Remove", new { membershipId = membership }))
            Assert.True(Browser.IsRedirect(r.StatusCode));

        using (var r = await member.GetAsync($"/sessies/{session.Id}"))
            Expect.Status(HttpStatusCode.NotFound, r);
        await using var live = await member.ConnectAsync();
        await Assert.ThrowsAsync<HubException>(() => live.EnterAsync(session.Id));
        Assert.Equal(1, await factory.NoteCountAsync(session.Id));
    }

    [Fact]
    public async Task An_observer_cannot_join_by_code_and_does_not_get_the_code()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id);
        using var observer = await factory.SignInAsync(team.Observer.Email!);
        var view = await observer.GetJsonAsync($"/api/v1/sessions/{session.Id}");
        Assert.Equal("", view.GetProperty("joinCode").GetString());
        var page = await observer.OpenAsync($"/doe-mee/{session.JoinCode}");
        using var r = await observer.SubmitAsync(page.FormWithAction("/doe-mee/"), new { });
        Assert.Equal(0, await factory.WithDbAsync(db => db.Participants.CountAsync(p => p.SessionId == session.Id && p.UserId == team.Observer.Id)));
    }

    [Fact]
    public async Task An_account_with_a_long_name_opens_the_session_with_the_name_cut_to_fit()
    {
        var longName = new string('a', 90);
        var user = await factory.Data.UserAsync(displayName: longName);
        var project = await factory.Data.ProjectAsync(members: [(user, Features.Members.ProjectRole.Member)]);
        var session = await factory.SessionAsync(project);
        using var browser = await factory.SignInAsync(user.Email!);
        using (var r = await browser.GetAsync($"/sessies/{session.Id}"))
            Expect.Status(HttpStatusCode.OK, r);
        var name = await factory.WithDbAsync(db => db.Participants.Where(p => p.SessionId == session.Id).Select(p => p.DisplayName).SingleAsync());
        Assert.Equal(SessionLimits.DisplayName, name.Length);
    }

    [Fact]
    public async Task An_admin_who_is_not_a_member_does_not_become_a_participant_by_looking()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id);
        var admin = await factory.Data.UserAsync(admin: true);
        using var browser = await factory.SignInAsync(admin.Email!);
        using (var r = await browser.GetAsync($"/sessies/{session.Id}"))
            Expect.Status(HttpStatusCode.OK, r);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Participants.CountAsync(p => p.SessionId == session.Id)));
    }

    [Fact]
    public async Task A_note_with_an_unknown_charset_is_a_bad_request_not_an_error()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id);
        using var member = await factory.SignInAsync(team.Member.Email!);
        await member.OpenAsync($"/sessies/{session.Id}");
        using var content = new StringContent("{\"text\":\"hallo\"}");
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("application/json; charset=onbekend");
        using var r = await member.Client.PostAsync(new Uri($"/api/v1/sessions/{session.Id}/notes", UriKind.Relative), content);
        Expect.Status(HttpStatusCode.BadRequest, r);
        Assert.Equal(0, await factory.NoteCountAsync(session.Id));
    }

    [Fact]
    public async Task A_flood_of_hub_calls_on_one_connection_is_stopped()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id, SessionState.Running, new StepSeed(StepMode.Cluster));
        var (_, key) = await factory.ParticipantAsync(session.Id, name: "Script");
        using var guest = factory.GuestBrowser(session.Id, key!);
        await using var live = await guest.ConnectAsync();
        await live.EnterAsync(session.Id);
        var stopped = false;
        for (var i = 0; i < SessionLimits.HubCallsPerTenSeconds + 5 && !stopped; i++)
        {
            try { await live.CallAsync("RenameCluster", session.Id, 0, "x"); }
            catch (HubException e) when (e.Message.Contains("Even rustig aan", StringComparison.Ordinal)) { stopped = true; }
        }
        Assert.True(stopped);
    }

    [Fact]
    public async Task Clusters_stop_at_the_limit()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id, SessionState.Running, new StepSeed(StepMode.Cluster));
        await factory.WithDbAsync(async db =>
        {
            for (var i = 0; i < SessionLimits.MaxClusters; i++)
                db.Clusters.Add(new Cluster { SessionId = session.Id, Name = "C" + i, Position = i, CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        await facilitator.OpenAsync($"/sessies/{session.Id}");
        await using var live = await facilitator.ConnectAsync();
        await live.EnterAsync(session.Id);
        var reply = await live.CallAsync("AddCluster", session.Id, "Nog een");
        Assert.False(reply.Ok);
        Assert.Equal(SessionLimits.MaxClusters, await factory.WithDbAsync(db => db.Clusters.CountAsync(c => c.SessionId == session.Id)));
    }

    [Fact]
    public async Task Two_facilitators_clicking_at_once_make_one_idea()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id);
        var question = await factory.QuestionAsync(team.Id);
        await factory.AskAsync(session.Id, question);
        var (writer, _) = await factory.ParticipantAsync(session.Id, name: "Ans", perspective: Perspective.Experience);
        var note = await factory.NoteAsync(session.Id, session.StepIds[0], writer, "Een ruilkast in de hal");
        using var first = await factory.SignInAsync(team.Facilitator.Email!);
        using var second = await factory.SignInAsync(team.Facilitator.Email!);
        var url = $"/sessies/{session.Id}/ideeen?handler=Note";
        var answers = await Task.WhenAll(first.PostAsync(url, new { noteId = note }), second.PostAsync(url, new { noteId = note }));
        foreach (var a in answers)
        {
            Assert.True(Browser.IsRedirect(a.StatusCode));
            a.Dispose();
        }
        Assert.Equal(1, await factory.IdeaCountAsync(session.Id));
    }
}
