using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Proeftuin.Data;
using Proeftuin.Features.Sessions;

namespace Proeftuin.FaultTests;

/// <summary>
/// kill -9 of the app in the middle of a storm of writes: stories (API, signed in), post-its (API, session guests) and
/// stippen (hub, session guests). Every write that got a success answer before the kill must be there after the app is
/// started again on the same database; writes whose answer never came may or may not be there (the client cannot know,
/// and neither can the test). Stories and post-its are checked through the restarted app, each by its id; stippen have
/// no id of their own, so each guest's count in the database must be at least the number of stippen it was told were
/// saved.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class KillDuringWritesTests(FaultServices services, ITestOutputHelper output)
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Every_acknowledged_write_is_there_after_kill_9_and_a_restart(string provider)
    {
        using var database = provider == "sqlite" ? Database.Sqlite() : Database.Postgres(services.Postgres);
        await using var app = new AppProcess(database);
        await app.StartAsync();
        var scenario = await Scenario.SeedAsync(database, noteGuests: 40, voteGuests: 24);

        // Four story writers (two people, two screens each), forty note-writing guests in four groups, 24 voters on the hub.
        var storyWriters = new List<Person>();
        foreach (var email in scenario.StoryWriters.Concat(scenario.StoryWriters))
        {
            var person = new Person(app.BaseUri);
            await person.SignInAsync(email, DemoData.Password);
            storyWriters.Add(person);
        }
        var noteGuests = scenario.NoteGuests.Select(g => (Guest: g, Person: Scenario.AsGuest(app.BaseUri, scenario.NotesSessionId, g))).ToList();
        var voters = new List<(Guest Guest, Person Person, HubConnection Hub)>();
        foreach (var g in scenario.VoteGuests)
        {
            var person = Scenario.AsGuest(app.BaseUri, scenario.VoteSessionId, g);
            voters.Add((g, person, await person.ConnectAsync()));
        }

        var stories = new ConcurrentBag<(Person Writer, int Id, string Title)>();
        var notes = new ConcurrentBag<(int Id, string Text)>();
        var votes = new ConcurrentDictionary<int, int>();     // participant id -> stippen acknowledged
        var written = new ConcurrentDictionary<int, int>();   // participant id -> post-its sent
        var refused = new ConcurrentBag<string>();             // an answer that was not a success while the app ran
        var unanswered = 0;
        var killed = 0;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        async Task Loop(Func<int, Task> write)
        {
            for (var i = 0; !stop.IsCancellationRequested && Volatile.Read(ref killed) == 0; i++)
            {
                try { await write(i); }
                catch (Exception e)
                {
                    // No answer: either the kill cut it off, or (before the kill) a real failure the checks below report.
                    if (Volatile.Read(ref killed) == 0) refused.Add("no answer before the kill: " + e.GetType().Name + " " + e.Message);
                    else Interlocked.Increment(ref unanswered);
                    if (Volatile.Read(ref killed) != 0) return;
                }
            }
        }

        var writers = new List<Task>();
        for (var w = 0; w < storyWriters.Count; w++)
        {
            var writer = storyWriters[w];
            var n = w;
            writers.Add(Task.Run(() => Loop(async i =>
            {
                var title = $"Storm {n}-{i} {Guid.NewGuid():N}"[..40];
                using var response = await writer.PostJsonAsync($"/api/v1/projects/{scenario.ProjectId}/stories",
                    new { promptId = scenario.PromptId, title, text = "Wat ik meemaakte: " + title, scope = "Team", mayQuote = false });
                if (response.StatusCode != HttpStatusCode.Created) { refused.Add($"story {(int)response.StatusCode}"); return; }
                using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                stories.Add((writer, doc.RootElement.GetProperty("id").GetInt32(), title));
            })));
        }
        for (var group = 0; group < 4; group++)
        {
            var mine = noteGuests.Where((_, i) => i % 4 == group).ToList();
            writers.Add(Task.Run(() => Loop(async i =>
            {
                var guest = mine[i % mine.Count];
                // A guest may write 20 post-its a minute: stay below it, so every refusal is a real one.
                if (written.GetValueOrDefault(guest.Guest.ParticipantId) >= 15) { await Task.Delay(20); return; }
                written.AddOrUpdate(guest.Guest.ParticipantId, 1, (_, c) => c + 1);
                var text = $"Post-it {guest.Guest.ParticipantId}-{i} {Guid.NewGuid():N}"[..36];
                using var response = await guest.Person.PostJsonAsync($"/api/v1/sessions/{scenario.NotesSessionId}/notes", new { text });
                if (response.StatusCode != HttpStatusCode.Created) { refused.Add($"note {(int)response.StatusCode}"); return; }
                using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                notes.Add((doc.RootElement.GetProperty("id").GetInt32(), text));
            })));
        }
        for (var group = 0; group < 4; group++)
        {
            var mine = voters.Where((_, i) => i % 4 == group).ToList();
            writers.Add(Task.Run(() => Loop(async i =>
            {
                var voter = mine[i % mine.Count];
                if (votes.GetValueOrDefault(voter.Guest.ParticipantId) >= Scenario.VotesPerGuest) { await Task.Delay(20); return; }
                var note = scenario.VoteNoteIds[Random.Shared.Next(scenario.VoteNoteIds.Length)];
                using var call = new CancellationTokenSource(TimeSpan.FromSeconds(20));
                var reply = await voter.Hub.InvokeAsync<HubReply>("CastVote", scenario.VoteSessionId, note, (string?)null, call.Token);
                if (!reply.Ok) { refused.Add("vote: " + reply.Error); return; }
                votes.AddOrUpdate(voter.Guest.ParticipantId, 1, (_, c) => c + 1);
            })));
        }

        // Kill once enough has been acknowledged to make the check mean something, with every writer still busy.
        var watch = Stopwatch.StartNew();
        await Processes.WaitUntilAsync(() => Task.FromResult(stories.Count >= 40 && notes.Count >= 60 && votes.Values.Sum() >= 60), TimeSpan.FromSeconds(30));
        var atKill = (Stories: stories.Count, Notes: notes.Count, Votes: votes.Values.Sum());
        Volatile.Write(ref killed, 1);
        await app.KillAsync();
        var killedAfter = watch.Elapsed;
        var allDone = Task.WhenAll(writers);
        Assert.True(await Task.WhenAny(allDone, Task.Delay(TimeSpan.FromSeconds(30))) == allDone, "the writers did not stop within 30 s of the kill");
        foreach (var v in voters) await v.Hub.DisposeAsync();

        Assert.True(refused.IsEmpty, "writes refused while the app ran: " + string.Join("; ", refused.Distinct().Take(10)));
        Assert.True(!stories.IsEmpty && !notes.IsEmpty && !votes.IsEmpty, $"the storm wrote too little: {stories.Count} stories, {notes.Count} notes, {votes.Values.Sum()} votes");

        // The same app on the same database.
        await app.StartAsync();
        var missing = new List<string>();
        foreach (var (writer, id, title) in stories)
        {
            using var response = await writer.GetAsync($"/api/v1/stories/{id}");
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK || !body.Contains(title, StringComparison.Ordinal)) missing.Add($"story {id}: {(int)response.StatusCode}");
        }
        using (var reader = Scenario.AsGuest(app.BaseUri, scenario.NotesSessionId, scenario.NoteGuests[0]))
        using (var list = await reader.GetAsync($"/api/v1/sessions/{scenario.NotesSessionId}/notes"))
        {
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            using var doc = JsonDocument.Parse(await list.Content.ReadAsStringAsync());
            var stored = doc.RootElement.EnumerateArray().ToDictionary(n => n.GetProperty("id").GetInt32(), n => n.GetProperty("text").GetString());
            foreach (var (id, text) in notes)
                if (stored.GetValueOrDefault(id) != text) missing.Add($"note {id}");
        }
        Dictionary<int, int> storedVotes;
        await using (var db = database.Open())
            storedVotes = await db.Votes.Where(v => v.SessionId == scenario.VoteSessionId).GroupBy(v => v.ParticipantId)
                .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
        foreach (var (participant, count) in votes)
            if (storedVotes.GetValueOrDefault(participant) < count) missing.Add($"votes of participant {participant}: {storedVotes.GetValueOrDefault(participant)} of {count}");

        output.WriteLine($"{provider}: killed after {killedAfter.TotalSeconds:0.0} s; acknowledged {stories.Count} stories, {notes.Count} notes, " +
            $"{votes.Values.Sum()} votes ({atKill.Stories}/{atKill.Notes}/{atKill.Votes} when the kill was decided); {unanswered} writes cut off without an answer; " +
            $"after the restart: {stories.Count - missing.Count(m => m.StartsWith("story", StringComparison.Ordinal))} stories and " +
            $"{notes.Count - missing.Count(m => m.StartsWith("note", StringComparison.Ordinal))} notes found by id, " +
            $"{storedVotes.Values.Sum()} votes stored for {votes.Values.Sum()} acknowledged");
        Assert.True(missing.Count == 0, $"{missing.Count} acknowledged writes are gone after kill -9: " + string.Join("; ", missing.Take(20)) + "\n" + app.Log);
        foreach (var p in storyWriters) p.Dispose();
        foreach (var g in noteGuests) g.Person.Dispose();
        foreach (var v in voters) v.Person.Dispose();
    }
}
