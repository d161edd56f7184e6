using Proeftuin.Features.Sessions;
using Proeftuin.Features.Thread;

namespace Proeftuin.Tests.Sessions;

public sealed class IdeaTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private sealed record Room(TeamProject Team, SeededSession Session, int QuestionId, int WriterId);

    /// <summary>A running session on one question, with the team's member as a participant (ervaringskennis).</summary>
    private async Task<Room> RoomAsync(SessionState state = SessionState.Running, bool question = true, params StepSeed[] steps)
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id, state, steps);
        var questionId = await factory.QuestionAsync(team.Id);
        if (question) await factory.AskAsync(session.Id, questionId);
        var (writer, _) = await factory.ParticipantAsync(session.Id, team.Member.Id, "Ans", Perspective.Experience);
        return new Room(team, session, questionId, writer);
    }

    [Fact]
    public async Task Facilitator_makes_an_idea_from_a_note_with_the_form_and_it_joins_the_thread()
    {
        var room = await RoomAsync();
        var noteId = await factory.NoteAsync(room.Session.Id, room.Session.StepIds[0], room.WriterId, "Een zondagse soepmiddag voor de hele straat");
        using var facilitator = await factory.SignInAsync(room.Team.Facilitator.Email!);
        var page = await facilitator.OpenAsync($"/sessies/{room.Session.Id}");
        using (var r = await facilitator.SubmitAsync(page.FormWithAction("handler=Note"), new { noteId = noteId.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
            Expect.Redirect(r, $"/sessies/{room.Session.Id}#ideeen");

        var (idea, link, noteIdea) = await factory.WithDbAsync(async db =>
        {
            var i = await db.Items.OfType<Idea>().SingleAsync(x => x.SessionId == room.Session.Id);
            var l = await db.Links.SingleAsync(x => x.FromId == i.Id);
            var n = await db.Notes.SingleAsync(x => x.Id == noteId);
            return (i, l, n.IdeaId);
        });
        Assert.Equal("Een zondagse soepmiddag voor de hele straat", idea.Title);
        Assert.Equal(Perspective.Experience, idea.KnowledgeSource);
        Assert.Equal(room.Team.Id, idea.ProjectId);
        Assert.Equal(room.Team.Facilitator.Id, idea.AuthorId);
        Assert.Contains("soepmiddag", idea.Html, StringComparison.Ordinal);
        Assert.Contains(" soepmiddag", idea.SearchTerms, StringComparison.Ordinal);
        Assert.Equal(idea.Id, noteIdea);
        Assert.Equal((room.QuestionId, LinkType.Answers), (link.ToId, link.Type));

        // The idea's page names the session for those who may see it.
        var item = await facilitator.OpenAsync($"/ideeen/{idea.Id}");
        Assert.Equal(idea.Title, item.H1);
        Assert.Contains("Uit sessie", item.MainText, StringComparison.Ordinal);
        Assert.NotNull(item.Document.QuerySelector($"a[href='/sessies/{room.Session.Id}']"));
        // The thread lists ideas too.
        var thread = await facilitator.OpenAsync($"/projecten/{room.Team.Id}/draad?soort=idee");
        Assert.NotNull(thread.Document.QuerySelector($"a[href='/ideeen/{idea.Id}']"));
        // Trace of the question: the idea answers it.
        var trace = await facilitator.OpenAsync($"/draad/{room.QuestionId}/spoor");
        Assert.NotNull(trace.Document.QuerySelector($"a[href='/ideeen/{idea.Id}']"));
        // Search finds it by a word stem.
        var search = await facilitator.OpenAsync($"/projecten/{room.Team.Id}/zoeken?q=soepmiddagen");
        Assert.NotNull(search.Document.QuerySelector($"a[href='/ideeen/{idea.Id}']"));
        // The knowledge balance counts it as an idea from ervaringskennis.
        var project = await facilitator.GetJsonAsync($"/api/v1/projects/{room.Team.Id}");
        Assert.Equal(1, project.GetProperty("knowledgeBalance").GetProperty("contributionsByKind").GetProperty("Ideas").GetProperty("Experience").GetInt32());
        // The session page shows it under ideas, and the note no longer in the choice.
        var after = await facilitator.OpenAsync($"/sessies/{room.Session.Id}");
        Assert.NotNull(after.Document.QuerySelector($"#ideeen a[href='/ideeen/{idea.Id}']"));
        Assert.Null(after.Document.QuerySelector($"#idee-postit option[value='{noteId}']"));
    }

    [Fact]
    public async Task A_reader_who_may_not_see_the_session_reads_only_that_the_idea_came_from_a_session()
    {
        var room = await RoomAsync();
        var noteId = await factory.NoteAsync(room.Session.Id, room.Session.StepIds[0], room.WriterId, "Een bankje bij de bakker");
        using var facilitator = await factory.SignInAsync(room.Team.Facilitator.Email!);
        using (var r = await facilitator.PostAsync($"/sessies/{room.Session.Id}/ideeen?handler=Note", new { noteId, questionId = room.QuestionId }))
            Expect.Redirect(r, $"/sessies/{room.Session.Id}#ideeen");
        var ideaId = await factory.WithDbAsync(db => db.Items.OfType<Idea>().Where(i => i.SessionId == room.Session.Id).Select(i => i.Id).SingleAsync());
        // An open project: anyone reads the thread, but only the team sees the session.
        using var stranger = await factory.SignInAsync((await factory.Data.UserAsync()).Email!);
        var page = await stranger.OpenAsync($"/ideeen/{ideaId}");
        Assert.Contains("Uit een sessie", page.MainText, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector($"a[href='/sessies/{room.Session.Id}']"));
    }

    [Fact]
    public async Task From_a_cluster_the_notes_become_a_list_and_the_most_common_perspective_is_the_default()
    {
        var room = await RoomAsync();
        var step = room.Session.StepIds[0];
        var (pro1, _) = await factory.ParticipantAsync(room.Session.Id, name: "Mark", perspective: Perspective.Professional);
        var (pro2, _) = await factory.ParticipantAsync(room.Session.Id, name: "Petra", perspective: Perspective.Professional);
        var cluster = await factory.ClusterAsync(room.Session.Id, "Samen eten");
        await factory.NoteAsync(room.Session.Id, step, room.WriterId, "Soep op zondag", cluster);
        await factory.NoteAsync(room.Session.Id, step, pro1, "Koken in de buurtkamer\nmet iedereen", cluster);
        await factory.NoteAsync(room.Session.Id, step, pro2, "Eettafel bij de kerk", cluster);
        var other = await factory.ClusterAsync(room.Session.Id, "Wandelen");
        await factory.NoteAsync(room.Session.Id, step, room.WriterId, "Elke dinsdag samen wandelen", other);

        using var facilitator = await factory.SignInAsync(room.Team.Facilitator.Email!);
        var page = await facilitator.OpenAsync($"/sessies/{room.Session.Id}");
        using (var r = await facilitator.SubmitAsync(page.FormWithAction("handler=Cluster"), new { clusterId = cluster.ToString(System.Globalization.CultureInfo.InvariantCulture), knowledgeSource = "" }))
            Expect.Redirect(r, $"/sessies/{room.Session.Id}#ideeen");
        using (var r = await facilitator.PostAsync($"/sessies/{room.Session.Id}/ideeen?handler=Cluster", new { clusterId = other, knowledgeSource = "Scientific" }))
            Expect.Redirect(r, $"/sessies/{room.Session.Id}#ideeen");

        var ideas = await factory.WithDbAsync(db => db.Items.OfType<Idea>().Where(i => i.SessionId == room.Session.Id).OrderBy(i => i.Id).ToListAsync());
        Assert.Equal(2, ideas.Count);
        Assert.Equal("Samen eten", ideas[0].Title);
        Assert.Equal("- Soep op zondag\n- Koken in de buurtkamer met iedereen\n- Eettafel bij de kerk", ideas[0].Text);
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Count(ideas[0].Html, "<li>"));
        Assert.Equal(Perspective.Professional, ideas[0].KnowledgeSource);
        Assert.Equal(Perspective.Scientific, ideas[1].KnowledgeSource);
        var clusterIdea = await factory.WithDbAsync(db => db.Clusters.Where(c => c.Id == cluster).Select(c => c.IdeaId).SingleAsync());
        Assert.Equal(ideas[0].Id, clusterIdea);
    }

    [Fact]
    public async Task The_same_note_or_cluster_does_not_become_two_ideas()
    {
        var room = await RoomAsync();
        var cluster = await factory.ClusterAsync(room.Session.Id, "Ontmoeten");
        var noteId = await factory.NoteAsync(room.Session.Id, room.Session.StepIds[0], room.WriterId, "Koffie in de hal", cluster);
        using var facilitator = await factory.SignInAsync(room.Team.Facilitator.Email!);
        var url = $"/sessies/{room.Session.Id}/ideeen";
        using (var r = await facilitator.PostAsync(url + "?handler=Note", new { noteId })) Expect.Redirect(r, $"/sessies/{room.Session.Id}#ideeen");
        using (var r = await facilitator.PostAsync(url + "?handler=Note", new { noteId }))
        {
            var page = await facilitator.FollowAsync(r, url);
            Assert.Contains("Van deze post-it is al een idee gemaakt.", page.MainText, StringComparison.Ordinal);
        }
        using (var r = await facilitator.PostAsync(url + "?handler=Cluster", new { clusterId = cluster })) Expect.Redirect(r, $"/sessies/{room.Session.Id}#ideeen");
        using (var r = await facilitator.PostAsync(url + "?handler=Cluster", new { clusterId = cluster }))
        {
            var page = await facilitator.FollowAsync(r, url);
            Assert.Contains("Van dit cluster is al een idee gemaakt.", page.MainText, StringComparison.Ordinal);
        }
        Assert.Equal(2, await factory.IdeaCountAsync(room.Session.Id));
    }

    [Fact]
    public async Task Without_a_question_or_with_a_question_from_elsewhere_no_idea_is_made()
    {
        var room = await RoomAsync(question: false);
        var noteId = await factory.NoteAsync(room.Session.Id, room.Session.StepIds[0], room.WriterId, "Een praatbank");
        using var facilitator = await factory.SignInAsync(room.Team.Facilitator.Email!);
        var url = $"/sessies/{room.Session.Id}/ideeen?handler=Note";
        using (var r = await facilitator.PostAsync(url, new { noteId }))
        {
            var page = await facilitator.FollowAsync(r, url);
            Assert.Contains("Deze sessie werkt nog aan geen enkele vraag.", page.MainText, StringComparison.Ordinal);
        }
        // A question of another project, sent by hand, is refused too; so is a second question the session does not work on.
        var elsewhere = await factory.QuestionAsync(await factory.Data.ProjectAsync());
        var second = await factory.QuestionAsync(room.Team.Id, "Hoe kunnen we de zondag korter laten voelen?");
        await factory.AskAsync(room.Session.Id, room.QuestionId, second);
        using (var r = await facilitator.PostAsync(url, new { noteId, questionId = elsewhere }))
            Assert.Contains("Kies een vraag waar deze sessie aan werkt.", (await facilitator.FollowAsync(r, url)).MainText, StringComparison.Ordinal);
        // Two questions: the facilitator has to choose.
        using (var r = await facilitator.PostAsync(url, new { noteId }))
            Assert.Contains("Kies bij welke vraag dit idee hoort.", (await facilitator.FollowAsync(r, url)).MainText, StringComparison.Ordinal);
        Assert.Equal(0, await factory.IdeaCountAsync(room.Session.Id));
        using (var r = await facilitator.PostAsync(url, new { noteId, questionId = second })) Expect.Redirect(r, $"/sessies/{room.Session.Id}#ideeen");
        var link = await factory.WithDbAsync(db => db.Links.SingleAsync(l => l.From.Kind == ItemKind.Idea && l.ProjectId == room.Team.Id));
        Assert.Equal(second, link.ToId);
    }

    [Fact]
    public async Task Only_facilitators_make_ideas()
    {
        var room = await RoomAsync();
        var noteId = await factory.NoteAsync(room.Session.Id, room.Session.StepIds[0], room.WriterId, "Een boekenkast in de hal");
        var url = $"/sessies/{room.Session.Id}/ideeen?handler=Note";
        using (var member = await factory.SignInAsync(room.Team.Member.Email!))
        {
            var page = await member.OpenAsync($"/sessies/{room.Session.Id}");
            Assert.DoesNotContain(page.Forms, f => f.Action.Contains("ideeen", StringComparison.Ordinal));
            using var r = await member.PostAsync(url, new { noteId });
            Expect.Status(HttpStatusCode.Forbidden, r);
        }
        using (var observer = await factory.SignInAsync(room.Team.Observer.Email!))
        using (var r = await observer.PostAsync(url, new { noteId }))
            Expect.Status(HttpStatusCode.Forbidden, r);
        var (_, key) = await factory.ParticipantAsync(room.Session.Id, name: "Gast", perspective: Perspective.Experience);
        using (var guest = factory.GuestBrowser(room.Session.Id, key!))
        using (var r = await guest.PostAsync(url, new { noteId }))
            Assert.True(r.StatusCode == HttpStatusCode.Forbidden
                || (r.StatusCode == HttpStatusCode.Redirect && Expect.LocationPath(r).StartsWith("/inloggen", StringComparison.Ordinal)), $"guest: {(int)r.StatusCode}");
        using (var outsider = await factory.SignInAsync((await factory.Data.UserAsync()).Email!))
        using (var r = await outsider.PostAsync(url, new { noteId }))
            Expect.Status(HttpStatusCode.NotFound, r);
        Assert.Equal(0, await factory.IdeaCountAsync(room.Session.Id));
        Assert.Null(await factory.WithDbAsync(db => db.Notes.Where(n => n.Id == noteId).Select(n => n.IdeaId).SingleAsync()));
    }

    [Fact]
    public async Task Unrevealed_private_notes_wrong_ids_and_planned_sessions_make_no_idea()
    {
        var room = await RoomAsync(SessionState.Running, true, new StepSeed(StepMode.Write, Private: true));
        var hidden = await factory.NoteAsync(room.Session.Id, room.Session.StepIds[0], room.WriterId, "Nog geheim");
        var elsewhere = await factory.SessionAsync(room.Team.Id);
        var (p, _) = await factory.ParticipantAsync(elsewhere.Id, name: "Iemand");
        var foreign = await factory.NoteAsync(elsewhere.Id, elsewhere.StepIds[0], p, "Uit een andere sessie");
        using var facilitator = await factory.SignInAsync(room.Team.Facilitator.Email!);
        var url = $"/sessies/{room.Session.Id}/ideeen?handler=Note";
        foreach (var noteId in new[] { hidden, foreign, 999_999 })
        {
            using var r = await facilitator.PostAsync(url, new { noteId });
            Expect.Status(HttpStatusCode.NotFound, r, $"note {noteId}");
        }
        using (var r = await facilitator.PostAsync($"/sessies/{room.Session.Id}/ideeen?handler=Cluster", new { clusterId = "abc" }))
            Expect.Status(HttpStatusCode.NotFound, r);

        var planned = await RoomAsync(SessionState.Planned);
        var note = await factory.NoteAsync(planned.Session.Id, planned.Session.StepIds[0], planned.WriterId, "Te vroeg");
        using var other = await factory.SignInAsync(planned.Team.Facilitator.Email!);
        using (var r = await other.PostAsync($"/sessies/{planned.Session.Id}/ideeen?handler=Note", new { noteId = note }))
            Assert.Contains("Ideeën maak je tijdens of na de sessie.", (await other.FollowAsync(r, "/")).MainText, StringComparison.Ordinal);
        Assert.Equal(0, await factory.IdeaCountAsync(room.Session.Id) + await factory.IdeaCountAsync(planned.Session.Id));
    }

    [Fact]
    public async Task After_the_session_ideas_are_still_made_and_screens_are_told()
    {
        var room = await RoomAsync(SessionState.Closed);
        var noteId = await factory.NoteAsync(room.Session.Id, room.Session.StepIds[0], room.WriterId, "Een buurtapp voor zondag");
        using var member = await factory.SignInAsync(room.Team.Member.Email!);
        await using var live = await member.ConnectAsync();
        await live.EnterAsync(room.Session.Id);
        using var facilitator = await factory.SignInAsync(room.Team.Facilitator.Email!);
        using (var r = await facilitator.PostAsync($"/sessies/{room.Session.Id}/ideeen?handler=Note", new { noteId }))
            Expect.Redirect(r, $"/sessies/{room.Session.Id}#ideeen");
        var changed = await live.WaitForAsync("NoteChanged", a => a[0].GetProperty("id").GetInt32() == noteId);
        Assert.True(changed[0].GetProperty("ideaId").GetInt32() > 0);
    }

    [Fact]
    public async Task An_idea_is_edited_and_deleted_on_the_thread_like_other_items()
    {
        var room = await RoomAsync();
        var noteId = await factory.NoteAsync(room.Session.Id, room.Session.StepIds[0], room.WriterId, "Een moestuin op het plein");
        using var facilitator = await factory.SignInAsync(room.Team.Facilitator.Email!);
        using (var r = await facilitator.PostAsync($"/sessies/{room.Session.Id}/ideeen?handler=Note", new { noteId })) Expect.Redirect(r, $"/sessies/{room.Session.Id}#ideeen");
        var ideaId = await factory.WithDbAsync(db => db.Items.OfType<Idea>().Where(i => i.SessionId == room.Session.Id).Select(i => i.Id).SingleAsync());

        var edit = await facilitator.OpenAsync($"/draad/{ideaId}/bewerken");
        using (var r = await facilitator.SubmitAsync(edit.FormFor("Input.Title"), new { Input_Title = "Een moestuin voor de hele buurt", Input_Text = "Met **bakken** en een bank." }))
            Expect.Redirect(r, $"/draad/{ideaId}");
        // The thread's address sends an idea on to its own page (Features/Ideas).
        using (var moved = await facilitator.GetAsync($"/draad/{ideaId}")) Expect.Redirect(moved, $"/ideeen/{ideaId}");
        var page = await facilitator.OpenAsync($"/ideeen/{ideaId}");
        Assert.Equal("Een moestuin voor de hele buurt", page.H1);
        Assert.NotNull(page.Document.QuerySelector(".pt-news-body strong"));

        using var member = await factory.SignInAsync(room.Team.Member.Email!);
        await using var live = await member.ConnectAsync();
        await live.EnterAsync(room.Session.Id);
        var delete = await facilitator.OpenAsync($"/draad/{ideaId}/verwijderen");
        using (var r = await facilitator.SubmitAsync(delete.Forms.Single(f => f.Action.Contains("verwijderen", StringComparison.Ordinal)), new { }))
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal(0, await factory.IdeaCountAsync(room.Session.Id));
        await live.WaitForAsync("SessionChanged");
        // The note is free again, so a new idea can be made from it.
        Assert.Null(await factory.WithDbAsync(db => db.Notes.Where(n => n.Id == noteId).Select(n => n.IdeaId).SingleAsync()));
        using (var r = await facilitator.PostAsync($"/sessies/{room.Session.Id}/ideeen?handler=Note", new { noteId })) Expect.Redirect(r, $"/sessies/{room.Session.Id}#ideeen");
        Assert.Equal(1, await factory.IdeaCountAsync(room.Session.Id));
    }
}
