using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Proeftuin.Data;

namespace Proeftuin.FaultTests;

/// <summary>
/// Two hundred people at once for a minute (PROEFTUIN_FAULT_CROWD_SECONDS to change it), on SQLite, the default
/// deployment: 80 anonymous readers, 50 signed-in readers (the six demo accounts, each signed in on many screens),
/// 40 members sharing stories now and then, 30 session guests writing post-its. Everyone pauses 1–3 s between clicks,
/// as people do. Every answer must be a success: no 5xx, no failed or refused write, no request without an answer.
/// The rate limits are raised for this run (all simulated people share 127.0.0.1; see AppProcess); they are tested
/// elsewhere. Response times are reported, never asserted: speed is measured in bench/.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class CrowdTests(ITestOutputHelper output)
{
    private sealed record Answer(string Kind, string Url, int Status, double Ms, string? Error);

    [Fact]
    public async Task Two_hundred_people_reading_and_writing_for_a_minute_get_no_errors()
    {
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("PROEFTUIN_FAULT_CROWD_SECONDS"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 60;
        using var database = Database.Sqlite();
        await using var app = new AppProcess(database);
        await app.StartAsync();
        var scenario = await Scenario.SeedAsync(database, noteGuests: 30, voteGuests: 1);
        var p = scenario.ProjectId;
        var anonymousPages = new[]
        {
            "/", $"/programmas/{scenario.ProgrammeId}", $"/projecten/{p}", $"/projecten/{p}/verhalen", "/uitleg",
            "/api/v1/projects", $"/api/v1/projects/{p}", $"/api/v1/projects/{p}/stories",
        };
        var memberPages = new[] { "/mijn", "/meldingen", $"/projecten/{p}", $"/projecten/{p}/verhalen", "/account", $"/api/v1/projects/{p}/stories" };
        var guestPages = new[] { $"/sessies/{scenario.NotesSessionId}", $"/api/v1/sessions/{scenario.NotesSessionId}", $"/api/v1/sessions/{scenario.NotesSessionId}/notes" };

        var answers = new ConcurrentBag<Answer>();
        var stories = new ConcurrentBag<int>();
        var notes = new ConcurrentBag<int>();
        var clock = Stopwatch.StartNew();
        var end = TimeSpan.FromSeconds(seconds);

        async Task<HttpResponseMessage?> Send(string kind, string url, Func<Task<HttpResponseMessage>> send)
        {
            var watch = Stopwatch.StartNew();
            try
            {
                var response = await send();
                await response.Content.LoadIntoBufferAsync();
                answers.Add(new Answer(kind, url, (int)response.StatusCode, watch.Elapsed.TotalMilliseconds, null));
                return response;
            }
            catch (Exception e)
            {
                answers.Add(new Answer(kind, url, 0, watch.Elapsed.TotalMilliseconds, e.GetType().Name + ": " + e.Message));
                return null;
            }
        }

        static Task Pause() => Task.Delay(1000 + Random.Shared.Next(2000));

        // The people who have an account signed in earlier (their cookie is what they bring); guests hold their
        // session's cookie. Eight sign-ins at a time, before the clock starts: each one hashes a password on purpose.
        var crowd = Enumerable.Range(0, 200).Select(_ => new Person(app.BaseUri, TimeSpan.FromSeconds(60))).ToList();
        using var gate = new SemaphoreSlim(8);
        var signIns = new List<Task>();
        for (var i = 0; i < 200; i++)
        {
            var person = crowd[i];
            if (i is >= 80 and < 170)
            {
                var email = i < 130 ? Scenario.Readers[i % Scenario.Readers.Length] : scenario.StoryWriters[i % scenario.StoryWriters.Length];
                signIns.Add(Task.Run(async () =>
                {
                    await gate.WaitAsync();
                    try { await person.SignInAsync(email, DemoData.Password); }
                    finally { gate.Release(); }
                }));
            }
            else if (i >= 170)
            {
                person.HoldGuestKey(scenario.NotesSessionId, scenario.NoteGuests[i - 170].Key);
            }
        }
        var signedIn = Task.WhenAll(signIns);
        Assert.True(await Task.WhenAny(signedIn, Task.Delay(TimeSpan.FromSeconds(180))) == signedIn, "90 sign-ins took longer than 3 minutes");
        await signedIn;
        clock.Restart();

        async Task Arrive(int n, Func<Person, int, Task> act)
        {
            // Arrivals spread over the first five seconds.
            await Task.Delay(n * 25);
            for (var i = n; clock.Elapsed < end; i++)
            {
                await act(crowd[n], i);
                await Pause();
            }
        }

        async Task Read(Person who, string kind, string url) => (await Send(kind, url, () => who.GetAsync(url)))?.Dispose();

        var people = new List<Task>();
        var n = 0;
        for (var i = 0; i < 80; i++, n++)
            people.Add(Arrive(n, (who, k) => Read(who, "read", anonymousPages[k % anonymousPages.Length])));
        for (var i = 0; i < 50; i++, n++)
            people.Add(Arrive(n, (who, k) => Read(who, "signed-in read", memberPages[k % memberPages.Length])));
        for (var i = 0; i < 40; i++, n++)
        {
            people.Add(Arrive(n, async (who, k) =>
            {
                // One story in four clicks; reading the rest of the time.
                if (k % 4 != 0) { await Read(who, "signed-in read", memberPages[k % memberPages.Length]); return; }
                var title = $"Uit de menigte {Guid.NewGuid():N}"[..30];
                using var response = await Send("story", "POST stories", () => who.PostJsonAsync($"/api/v1/projects/{p}/stories",
                    new { promptId = scenario.PromptId, title, text = "Wat ik meemaakte in de wijk.", scope = "Team", mayQuote = false }));
                if (response?.StatusCode == HttpStatusCode.Created)
                {
                    using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                    stories.Add(doc.RootElement.GetProperty("id").GetInt32());
                }
            }));
        }
        for (var i = 0; i < 30; i++, n++)
        {
            people.Add(Arrive(n, async (who, k) =>
            {
                // A post-it every third click (at most ~20 a minute per guest is the session's own limit; this stays below it).
                if (k % 3 != 0) { await Read(who, "guest read", guestPages[k % guestPages.Length]); return; }
                var text = $"Idee uit de menigte {Guid.NewGuid():N}"[..34];
                using var response = await Send("note", "POST notes", () => who.PostJsonAsync($"/api/v1/sessions/{scenario.NotesSessionId}/notes", new { text }));
                if (response?.StatusCode == HttpStatusCode.Created)
                {
                    using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                    notes.Add(doc.RootElement.GetProperty("id").GetInt32());
                }
            }));
        }
        Assert.Equal(200, people.Count);
        var all = Task.WhenAll(people);
        Assert.True(await Task.WhenAny(all, Task.Delay(end + TimeSpan.FromSeconds(90))) == all, "the crowd did not finish within 90 s of the end");
        foreach (var person in crowd) person.Dispose();

        var list = answers.ToList();
        foreach (var group in list.GroupBy(a => a.Kind).OrderBy(g => g.Key))
        {
            var ms = group.Select(a => a.Ms).Order().ToList();
            output.WriteLine($"{group.Key,-15} {group.Count(),6} requests, statuses {string.Join(", ", group.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}"))}; " +
                $"p50 {ms[ms.Count / 2]:0} ms, p99 {ms[(int)(ms.Count * 0.99)]:0} ms");
        }
        output.WriteLine($"{list.Count} requests in {clock.Elapsed.TotalSeconds:0} s by 200 people; {stories.Count} stories and {notes.Count} post-its saved");

        var failed = list.Where(a => a.Error is not null || a.Status >= 400 || (a.Kind is "story" or "note" && a.Status != 201)).ToList();
        Assert.True(failed.Count == 0, $"{failed.Count} of {list.Count} requests failed: " +
            string.Join("; ", failed.GroupBy(a => $"{a.Url} {a.Status} {a.Error}").Take(10).Select(g => $"{g.Key} (×{g.Count()})")) + "\n" + app.Log);
        Assert.True(stories.Count >= 20 && notes.Count >= 20, $"the crowd wrote too little to prove anything: {stories.Count} stories, {notes.Count} post-its");
        Assert.True(app.Running, "the app ended");

        // And every write the crowd was told about is stored.
        await using var db = database.Open();
        var storyIds = stories.ToList();
        var noteIds = notes.ToList();
        Assert.Equal(storyIds.Count, await db.Stories.CountAsync(x => storyIds.Contains(x.Id)));
        Assert.Equal(noteIds.Count, await db.Notes.CountAsync(x => noteIds.Contains(x.Id)));
    }
}
