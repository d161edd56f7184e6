using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Features.Sessions;
using Proeftuin.Tests.Sessions;
using Proeftuin.Tests.Stories;
using Proeftuin.Web;

namespace Proeftuin.Tests.Idempotency;

/// <summary>The app with a broadcast that fails on every send, whatever carries it (not Redis): the write is still answered as saved.</summary>
public sealed class FailingBroadcastFactory : ProeftuinFactory
{
    public bool Failing { get; set; } = true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<DefaultHubLifetimeManager<SessionHub>>();
            services.AddSingleton<HubLifetimeManager<SessionHub>>(sp => new FailingSends(sp.GetRequiredService<DefaultHubLifetimeManager<SessionHub>>(), this));
        });
    }

    /// <summary>Connections and groups work; every send to a group or a person throws, as a lost backplane would.</summary>
    private sealed class FailingSends(HubLifetimeManager<SessionHub> inner, FailingBroadcastFactory factory) : HubLifetimeManager<SessionHub>
    {
        private Task Send(Func<Task> send) => factory.Failing ? throw new InvalidOperationException("The broadcast is down (test)") : send();

        public override Task OnConnectedAsync(HubConnectionContext connection) => inner.OnConnectedAsync(connection);
        public override Task OnDisconnectedAsync(HubConnectionContext connection) => inner.OnDisconnectedAsync(connection);
        public override Task AddToGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default) => inner.AddToGroupAsync(connectionId, groupName, cancellationToken);
        public override Task RemoveFromGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default) => inner.RemoveFromGroupAsync(connectionId, groupName, cancellationToken);
        public override Task SendAllAsync(string methodName, object?[] args, CancellationToken cancellationToken = default) => Send(() => inner.SendAllAsync(methodName, args, cancellationToken));
        public override Task SendAllExceptAsync(string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default) => Send(() => inner.SendAllExceptAsync(methodName, args, excludedConnectionIds, cancellationToken));
        public override Task SendConnectionAsync(string connectionId, string methodName, object?[] args, CancellationToken cancellationToken = default) => Send(() => inner.SendConnectionAsync(connectionId, methodName, args, cancellationToken));
        public override Task SendConnectionsAsync(IReadOnlyList<string> connectionIds, string methodName, object?[] args, CancellationToken cancellationToken = default) => Send(() => inner.SendConnectionsAsync(connectionIds, methodName, args, cancellationToken));
        public override Task SendGroupAsync(string groupName, string methodName, object?[] args, CancellationToken cancellationToken = default) => Send(() => inner.SendGroupAsync(groupName, methodName, args, cancellationToken));
        public override Task SendGroupsAsync(IReadOnlyList<string> groupNames, string methodName, object?[] args, CancellationToken cancellationToken = default) => Send(() => inner.SendGroupsAsync(groupNames, methodName, args, cancellationToken));
        public override Task SendGroupExceptAsync(string groupName, string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default) => Send(() => inner.SendGroupExceptAsync(groupName, methodName, args, excludedConnectionIds, cancellationToken));
        public override Task SendUserAsync(string userId, string methodName, object?[] args, CancellationToken cancellationToken = default) => Send(() => inner.SendUserAsync(userId, methodName, args, cancellationToken));
        public override Task SendUsersAsync(IReadOnlyList<string> userIds, string methodName, object?[] args, CancellationToken cancellationToken = default) => Send(() => inner.SendUsersAsync(userIds, methodName, args, cancellationToken));
    }
}

/// <summary>
/// Issue 16, point 1: a saved write is answered as saved even when telling the screens fails, and a retry with the same
/// request key (API header, hub argument, hidden form field) returns the first answer and adds no row.
/// </summary>
public sealed class RequestKeyTests(FailingBroadcastFactory factory) : IClassFixture<FailingBroadcastFactory>
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<HttpResponseMessage> PostNoteAsync(Browser who, int sessionId, string text, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/sessions/{sessionId}/notes") { Content = Json(JsonSerializer.Serialize(new { text })) };
        if (key is not null) request.Headers.TryAddWithoutValidation(RequestKeys.Header, key);
        return await who.Client.SendAsync(request);
    }

    private static async Task<int> IdOfAsync(HttpResponseMessage response)
    {
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("id").GetInt32();
    }

    private async Task<(TeamProject Team, SeededSession Session)> WriteSessionAsync()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id, SessionState.Running, new StepSeed(StepMode.Write));
        return (team, session);
    }

    [Fact]
    public async Task A_note_over_the_api_is_answered_as_saved_while_the_broadcast_fails_and_a_retry_adds_no_row()
    {
        var (team, session) = await WriteSessionAsync();
        using var member = await factory.SignInAsync(team.Member.Email!);
        await member.OpenAsync($"/sessies/{session.Id}");

        using var first = await PostNoteAsync(member, session.Id, "Een bankje", "note-1");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var id = await IdOfAsync(first);
        Assert.Equal(1, await factory.NoteCountAsync(session.Id));

        using var again = await PostNoteAsync(member, session.Id, "Een bankje", "note-1");
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(id, await IdOfAsync(again));
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.True(again.Headers.Contains(IdempotentApi.ReplayedHeader));
        Assert.Equal(1, await factory.NoteCountAsync(session.Id));

        // Another key is another note; the same key with another text is not a retry.
        using (var other = await PostNoteAsync(member, session.Id, "Een bankje", "note-2"))
            Assert.NotEqual(id, await IdOfAsync(other));
        using (var changed = await PostNoteAsync(member, session.Id, "Iets anders", "note-1"))
            Assert.Equal(HttpStatusCode.UnprocessableEntity, changed.StatusCode);
        Assert.Equal(2, await factory.NoteCountAsync(session.Id));

        // A refusal is not kept: corrected, the same key goes through.
        using (var empty = await PostNoteAsync(member, session.Id, "", "note-3"))
            Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        using (var fixedUp = await PostNoteAsync(member, session.Id, "", "note-3"))
            Assert.Equal(HttpStatusCode.BadRequest, fixedUp.StatusCode);
        Assert.Equal(2, await factory.NoteCountAsync(session.Id));
    }

    [Fact]
    public async Task Concurrent_retries_with_one_key_make_one_row()
    {
        var (team, session) = await WriteSessionAsync();
        using var member = await factory.SignInAsync(team.Member.Email!);
        await member.OpenAsync($"/sessies/{session.Id}");
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => PostNoteAsync(member, session.Id, "Tegelijk", "same-key")));
        try
        {
            Assert.Equal(1, await factory.NoteCountAsync(session.Id));
            Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, a.StatusCode.ToString()));
            var ids = new HashSet<int>();
            foreach (var a in answers.Where(a => a.StatusCode == HttpStatusCode.Created)) ids.Add(await IdOfAsync(a));
            Assert.Single(ids);
            var busy = answers.FirstOrDefault(a => a.StatusCode == HttpStatusCode.Conflict);
            if (busy is not null)
            {
                Assert.Equal("application/problem+json", busy.Content.Headers.ContentType?.MediaType);
                Assert.Contains("wordt nog verwerkt", await busy.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }
        finally
        {
            foreach (var a in answers) a.Dispose();
        }
    }

    [Theory]
    // An empty header is dropped by HttpClient before it leaves; a blank one gets through and is refused.
    [InlineData(" ")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("met spatie")]
    [InlineData("tab\there")]
    [InlineData("LONG")]
    public async Task A_hostile_key_is_a_clear_400_and_saves_nothing(string key)
    {
        if (key == "LONG") key = new string('a', 1000);
        var (team, session) = await WriteSessionAsync();
        using var member = await factory.SignInAsync(team.Member.Email!);
        await member.OpenAsync($"/sessies/{session.Id}");
        using var response = await PostNoteAsync(member, session.Id, "Een bankje", key);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Idempotency-Key", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await factory.NoteCountAsync(session.Id));
    }

    [Fact]
    public async Task Another_persons_key_does_not_replay_their_answer()
    {
        var (team, session) = await WriteSessionAsync();
        using var member = await factory.SignInAsync(team.Member.Email!);
        await member.OpenAsync($"/sessies/{session.Id}");
        using var facilitator = await factory.SignInAsync(team.Facilitator.Email!);
        await facilitator.OpenAsync($"/sessies/{session.Id}");
        using var mine = await PostNoteAsync(member, session.Id, "Van mij", "gedeelde-sleutel");
        using var theirs = await PostNoteAsync(facilitator, session.Id, "Van mij", "gedeelde-sleutel");
        Assert.Equal(HttpStatusCode.Created, theirs.StatusCode);
        Assert.False(theirs.Headers.Contains(IdempotentApi.ReplayedHeader));
        Assert.NotEqual(await IdOfAsync(mine), await IdOfAsync(theirs));
        Assert.Equal(2, await factory.NoteCountAsync(session.Id));
    }

    [Fact]
    public async Task A_story_over_the_api_is_made_once_for_one_key()
    {
        var team = await factory.Data.TeamProjectAsync();
        var prompt = await factory.PromptAsync(team.Id);
        using var member = await factory.SignInAsync(team.Member.Email!);
        var body = JsonSerializer.Serialize(new { promptId = prompt, title = "Opnieuw geprobeerd", text = "Het netwerk viel weg.", scope = "Team", mayQuote = true });
        async Task<HttpResponseMessage> SendAsync(string key)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/projects/{team.Id}/stories") { Content = Json(body) };
            request.Headers.Add(RequestKeys.Header, key);
            return await member.Client.SendAsync(request);
        }
        int Count() => factory.WithDbAsync(db => db.Stories.CountAsync(s => s.ProjectId == team.Id)).GetAwaiter().GetResult();
        var before = Count();
        using var first = await SendAsync("7c9e6679-7425-40de-944b-e07fc1f90ae7");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        using var again = await SendAsync("7c9e6679-7425-40de-944b-e07fc1f90ae7");
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(await IdOfAsync(first), await IdOfAsync(again));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(before + 1, Count());
        using var other = await SendAsync("een-andere-sleutel");
        Assert.Equal(before + 2, Count());
    }

    [Fact]
    public async Task A_note_over_the_hub_is_ok_while_the_broadcast_fails_and_the_same_key_gives_the_same_id()
    {
        var (_, session) = await WriteSessionAsync();
        await using var guest = await factory.GuestSeatAsync(session.Id, "Fatima");
        var first = await guest.CallAsync("AddNote", session.Id, "Via de hub", "hub-1");
        Assert.True(first.Ok, first.Error);
        var again = await guest.CallAsync("AddNote", session.Id, "Via de hub", "hub-1");
        Assert.True(again.Ok, again.Error);
        Assert.Equal(first.Id, again.Id);
        Assert.Equal(1, await factory.NoteCountAsync(session.Id));
        Assert.True((await guest.CallAsync("AddNote", session.Id, "Via de hub", "hub-2")).Ok);
        Assert.Equal(2, await factory.NoteCountAsync(session.Id));
        // No key (an old script) still works; a hostile one is refused in words.
        Assert.True((await guest.CallAsync("AddNote", session.Id, "Zonder sleutel")).Ok);
        var hostile = await guest.CallAsync("AddNote", session.Id, "Kwaad", "<b>x</b>");
        Assert.False(hostile.Ok);
        Assert.Contains("Idempotency-Key", hostile.Error, StringComparison.Ordinal);
        Assert.Equal(3, await factory.NoteCountAsync(session.Id));

        // Another guest with the same key makes their own note.
        await using var other = await factory.GuestSeatAsync(session.Id, "Sem");
        var theirs = await other.CallAsync("AddNote", session.Id, "Via de hub", "hub-1");
        Assert.True(theirs.Ok);
        Assert.NotEqual(first.Id, theirs.Id);
    }

    [Fact]
    public async Task A_screen_that_missed_a_note_gets_it_on_rejoin()
    {
        var (_, session) = await WriteSessionAsync();
        await using var guest = await factory.GuestSeatAsync(session.Id, "Fatima");
        var seen = guest.View.Sequence;
        Assert.True((await guest.CallAsync("AddNote", session.Id, "Gemist", "gemist-1")).Ok);
        var state = await guest.Live.Connection.InvokeAsync<SessionView?>("Rejoin", session.Id, seen);
        Assert.NotNull(state);
        Assert.Contains(state!.Notes, n => n.Text == "Gemist");
    }

    [Fact]
    public async Task A_note_by_form_is_redirected_while_the_broadcast_fails_and_a_double_submit_adds_no_row()
    {
        var (team, session) = await WriteSessionAsync();
        using var member = await factory.SignInAsync(team.Member.Email!);
        var page = await member.OpenAsync($"/sessies/{session.Id}");
        var form = page.FormWithAction("post-its?handler=Add");
        Assert.Contains(form.Fields, f => f.Key == RequestKeys.FormField && RequestKeys.LooksValid(f.Value));
        using var first = await member.SubmitAsync(form, new { Input_Text = "Per formulier" });
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        using var again = await member.SubmitAsync(form, new { Input_Text = "Per formulier" });
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(1, await factory.NoteCountAsync(session.Id));
        // The same form with other words is a new note (back button, change, send).
        using var changed = await member.SubmitAsync(form, new { Input_Text = "Iets anders" });
        Assert.Equal(2, await factory.NoteCountAsync(session.Id));
    }

    [Fact]
    public async Task A_story_by_form_sent_twice_is_one_story()
    {
        var team = await factory.Data.TeamProjectAsync();
        await factory.PromptAsync(team.Id);
        using var member = await factory.SignInAsync(team.Member.Email!);
        var page = await member.OpenAsync($"/projecten/{team.Id}/verhalen/delen");
        var values = new { Input_Title = "Twee keer geklikt", Input_Text = "Ik klikte twee keer.", Input_Scope = "Project", Input_MayQuote = "true" };
        int Count() => factory.WithDbAsync(db => db.Stories.CountAsync(s => s.ProjectId == team.Id)).GetAwaiter().GetResult();
        var before = Count();
        using var first = await member.SubmitAsync(page.FormFor("Input.Text"), values);
        var id = Expect.RedirectToId(first, "/verhalen/");
        using var again = await member.SubmitAsync(page.FormFor("Input.Text"), values);
        Assert.Equal(id, Expect.RedirectToId(again, "/verhalen/"));
        Assert.Equal(before + 1, Count());
    }

    [Fact]
    public async Task A_vote_and_a_cluster_over_the_hub_are_made_once_per_key()
    {
        var team = await factory.Data.TeamProjectAsync();
        var session = await factory.SessionAsync(team.Id, SessionState.Running, new StepSeed(StepMode.Vote));
        await using var guest = await factory.GuestSeatAsync(session.Id, "Fatima");
        var note = await factory.NoteAsync(session.Id, session.StepIds[0], guest.ParticipantId, "Stem hierop");
        Assert.True((await guest.CallAsync("CastVote", session.Id, note, "stip-1")).Ok);
        Assert.True((await guest.CallAsync("CastVote", session.Id, note, "stip-1")).Ok);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Votes.CountAsync(v => v.NoteId == note)));
        await using var facilitator = await factory.MemberSeatAsync(team.Facilitator.Email!, session.Id);
        var a = await facilitator.CallAsync("AddCluster", session.Id, "Zitten", "cluster-1");
        var b = await facilitator.CallAsync("AddCluster", session.Id, "Zitten", "cluster-1");
        Assert.Equal(a.Id, b.Id);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Clusters.CountAsync(c => c.SessionId == session.Id)));
    }
}
