using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Proeftuin.Features.Sessions;

namespace Proeftuin.Tests.Sessions;

public sealed class SessionsApiTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.Clone();
    }

    [Fact]
    public async Task A_participant_reads_the_state_and_posts_a_note_that_others_receive()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id);
        await factory.ParticipantAsync(session.Id, team.Member.Id, "Ans", Perspective.Experience);
        var (_, key) = await factory.ParticipantAsync(session.Id, name: "Riet", perspective: Perspective.Experience);
        using var guest = factory.GuestBrowser(session.Id, key!);
        await using var live = await guest.ConnectAsync();
        await live.EnterAsync(session.Id);

        using var member = await factory.SignInAsync(team.Member.Email!);
        using (var r = await member.GetAsync($"/api/v1/sessions/{session.Id}"))
        {
            Expect.Status(HttpStatusCode.OK, r);
            Assert.True(r.Headers.CacheControl?.NoStore, "no-store");
            var view = await ReadAsync(r);
            Assert.Equal(session.Id, view.GetProperty("id").GetInt32());
            Assert.True(view.GetProperty("me").GetProperty("canAct").GetBoolean());
        }
        using (var r = await member.Client.PostAsync(new Uri($"/api/v1/sessions/{session.Id}/notes", UriKind.Relative), Json("{\"text\": \"  Een bankje bij de bakker  \"}")))
        {
            Expect.Status(HttpStatusCode.Created, r);
            var note = await ReadAsync(r);
            Assert.Equal("Een bankje bij de bakker", note.GetProperty("text").GetString());
            Assert.True(note.GetProperty("mine").GetBoolean());
        }
        await live.WaitForAsync("NoteAdded", a => a[0].GetProperty("text").GetString() == "Een bankje bij de bakker");
        var notes = await member.GetJsonAsync($"/api/v1/sessions/{session.Id}/notes");
        Assert.Equal("Een bankje bij de bakker", notes[0].GetProperty("text").GetString());

        // A guest writes through the API with their session cookie, no account.
        using (var r = await guest.Client.PostAsync(new Uri($"/api/v1/sessions/{session.Id}/notes", UriKind.Relative), Json("{\"text\": \"Van de gast\"}")))
            Expect.Status(HttpStatusCode.Created, r);
        Assert.Equal(2, await factory.WithDbAsync(db => db.Notes.CountAsync(n => n.SessionId == session.Id)));
    }

    [Fact]
    public async Task Results_show_only_closed_votes_raw_and_by_perspective()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id, SessionState.Running, new StepSeed(StepMode.Write), new StepSeed(StepMode.Vote), new StepSeed(StepMode.Vote));
        var s = session.StepIds;
        var (ans, _) = await factory.ParticipantAsync(session.Id, team.Member.Id, "Ans", Perspective.Experience);
        var (mark, _) = await factory.ParticipantAsync(session.Id, name: "Mark", perspective: Perspective.Professional);
        var a = await factory.NoteAsync(session.Id, s[0], ans, "Soep op zondag");
        var b = await factory.NoteAsync(session.Id, s[0], mark, "Buurtapp");
        await factory.VoteAsync(session.Id, s[1], ans, a);
        await factory.VoteAsync(session.Id, s[1], mark, a);
        await factory.VoteAsync(session.Id, s[1], mark, b);
        await factory.VoteAsync(session.Id, s[2], ans, b);
        await factory.StepAsync(s[1], x => x.VotingClosed = true);

        using var member = await factory.SignInAsync(team.Member.Email!);
        var results = await member.GetJsonAsync($"/api/v1/sessions/{session.Id}/results");
        var steps = results.GetProperty("steps");
        // The second vote is still open: its results stay hidden.
        Assert.Equal(1, steps.GetArrayLength());
        var step = steps[0];
        Assert.Equal(s[1], step.GetProperty("stepId").GetInt32());
        Assert.Equal(3, step.GetProperty("totalVotes").GetInt32());
        var rowA = step.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("noteId").GetInt32() == a);
        Assert.Equal(2, rowA.GetProperty("raw").GetInt32());
        Assert.Equal(1, rowA.GetProperty("rawByPerspective").GetProperty("Professional").GetInt32());
        // Ervaringskennis put its one stip on A (share 1), professionals one of their two (share ½): (1 + ½) / 2.
        Assert.Equal(0.75, rowA.GetProperty("balanced").GetDouble(), 6);
        var experience = step.GetProperty("perspectives").EnumerateArray().Single(p => p.GetProperty("perspective").GetString() == "Experience");
        Assert.Equal(1, experience.GetProperty("voters").GetInt32());
    }

    [Fact]
    public async Task Outsiders_get_401_or_404()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id);
        using var anonymous = factory.NewBrowser();
        foreach (var url in new[] { $"/api/v1/sessions/{session.Id}", $"/api/v1/sessions/{session.Id}/results" })
        {
            using var r = await anonymous.GetAsync(url);
            Expect.Status(HttpStatusCode.Unauthorized, r);
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        }
        using (var r = await anonymous.Client.PostAsync(new Uri($"/api/v1/sessions/{session.Id}/notes", UriKind.Relative), Json("{\"text\": \"hoi\"}")))
            Expect.Status(HttpStatusCode.Unauthorized, r);

        using var stranger = await factory.SignInAsync((await factory.Data.UserAsync()).Email!);
        foreach (var url in new[] { $"/api/v1/sessions/{session.Id}", $"/api/v1/sessions/{session.Id}/results", "/api/v1/sessions/999999" })
        {
            using var r = await stranger.GetAsync(url);
            Expect.Status(HttpStatusCode.NotFound, r);
        }
        using (var r = await stranger.Client.PostAsync(new Uri($"/api/v1/sessions/{session.Id}/notes", UriKind.Relative), Json("{\"text\": \"hoi\"}")))
            Expect.Status(HttpStatusCode.NotFound, r);

        // A guest of another session: their cookie names that session only.
        var other = await factory.SessionAsync(team.Id);
        var (_, key) = await factory.ParticipantAsync(other.Id, name: "Gast");
        using var guest = factory.GuestBrowser(other.Id, key!);
        using (var r = await guest.GetAsync($"/api/v1/sessions/{session.Id}"))
            Assert.True(r.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.NotFound, $"{(int)r.StatusCode}");
        Assert.Equal(0, await factory.WithDbAsync(db => db.Notes.CountAsync(n => n.SessionId == session.Id)));
    }

    [Fact]
    public async Task Bad_input_is_refused_with_dutch_problem_details_and_nothing_is_stored()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id);
        await factory.ParticipantAsync(session.Id, team.Member.Id, "Ans", Perspective.Experience);
        using var member = await factory.SignInAsync(team.Member.Email!);
        var url = new Uri($"/api/v1/sessions/{session.Id}/notes", UriKind.Relative);

        using (var r = await member.Client.PostAsync(url, Json("{\"text\": ")))
        {
            Expect.Status(HttpStatusCode.BadRequest, r);
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
            Assert.Contains("geen geldige JSON", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var r = await member.Client.PostAsync(url, Json("{\"text\": \"   \"}")))
        {
            Expect.Status(HttpStatusCode.BadRequest, r);
            var problem = await ReadAsync(r);
            Assert.Contains("Vul je post-it in.", problem.GetProperty("errors").GetProperty("text")[0].GetString(), StringComparison.Ordinal);
        }
        using (var r = await member.Client.PostAsync(url, JsonContent.Create(new { text = TestData.Long(10_001) })))
        {
            Assert.True(r.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, $"{(int)r.StatusCode}");
            Assert.Contains("500", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var r = await member.Client.PostAsync(url, new FormUrlEncodedContent([new("text", "formulier")])))
            Expect.Status(HttpStatusCode.UnsupportedMediaType, r);
        // Markup is stored as text and comes back as text, never rendered by the API.
        using (var r = await member.Client.PostAsync(url, JsonContent.Create(new { text = TestData.Script })))
        {
            Expect.Status(HttpStatusCode.Created, r);
            Assert.Equal(TestData.Script, (await ReadAsync(r)).GetProperty("text").GetString());
        }
        Assert.Equal(1, await factory.WithDbAsync(db => db.Notes.CountAsync(n => n.SessionId == session.Id)));
    }

    [Fact]
    public async Task Closed_sessions_vote_steps_and_observers_take_no_notes()
    {
        var team = await factory.Data.TeamProjectAsync();
        var closed = await factory.SessionAsync(team.Id, SessionState.Closed);
        await factory.ParticipantAsync(closed.Id, team.Member.Id, "Ans", Perspective.Experience);
        using var member = await factory.SignInAsync(team.Member.Email!);
        using (var r = await member.Client.PostAsync(new Uri($"/api/v1/sessions/{closed.Id}/notes", UriKind.Relative), Json("{\"text\": \"Te laat\"}")))
        {
            Assert.True(r.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Conflict, $"{(int)r.StatusCode}");
            Assert.Contains("afgelopen", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        // Still readable after the session.
        using (var r = await member.GetAsync($"/api/v1/sessions/{closed.Id}")) Expect.Status(HttpStatusCode.OK, r);

        var voting = await factory.SessionAsync(team.Id, SessionState.Running, new StepSeed(StepMode.Vote));
        await factory.ParticipantAsync(voting.Id, team.Member.Id, "Ans", Perspective.Experience);
        using (var r = await member.Client.PostAsync(new Uri($"/api/v1/sessions/{voting.Id}/notes", UriKind.Relative), Json("{\"text\": \"Nu niet\"}")))
            Expect.Status(HttpStatusCode.BadRequest, r);

        var open = await factory.SessionAsync(team.Id);
        using var observer = await factory.SignInAsync(team.Observer.Email!);
        using (var r = await observer.Client.PostAsync(new Uri($"/api/v1/sessions/{open.Id}/notes", UriKind.Relative), Json("{\"text\": \"Ik kijk mee\"}")))
            Expect.Status(HttpStatusCode.Forbidden, r);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Notes.CountAsync(n => n.SessionId == closed.Id || n.SessionId == voting.Id || n.SessionId == open.Id)));
    }

    [Fact]
    public async Task The_api_is_documented_for_Scalar()
    {
        using var browser = factory.NewBrowser();
        var doc = await browser.GetJsonAsync("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        Assert.True(paths.GetProperty("/api/v1/sessions/{id}").GetProperty("get").TryGetProperty("summary", out _));
        Assert.True(paths.GetProperty("/api/v1/sessions/{id}/results").GetProperty("get").TryGetProperty("summary", out _));
        Assert.True(paths.GetProperty("/api/v1/sessions/{id}/notes").GetProperty("post").TryGetProperty("summary", out _));
    }
}
