using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Proeftuin.Data;

namespace Proeftuin.FaultTests;

/// <summary>
/// PostgreSQL stopped and started again under load, the app left running. A restart of a second or two is ridden out by
/// the retries (ADR 0042): no request fails, and every acknowledged write is stored once. A longer outage: while the
/// database is gone (after the retries) every page is a clean 503 in Dutch ("probeer het zo nog eens") and every API
/// call problem+json 503 (never a 500, never an empty answer, never a hang), writes are refused without saving half;
/// once it is back the same process serves again, and every story it said it saved is there.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class PostgresRestartTests(FaultServices services, ITestOutputHelper output)
{
    private volatile string phase = "before";

    private sealed record Answer(string Phase, string Route, int Status, string? MediaType, bool SaysTryAgain, string? Error, TimeSpan At);

    [Fact]
    public async Task A_restart_of_a_second_or_two_is_ridden_out_no_read_fails_and_every_acknowledged_write_is_there_once()
    {
        using var database = Database.Postgres(services.Postgres);
        await using var app = new AppProcess(database);
        await app.StartAsync();
        var scenario = await Scenario.SeedAsync(database, noteGuests: 4, voteGuests: 1);
        using var anonymous = new Person(app.BaseUri);
        using var member = new Person(app.BaseUri);
        await member.SignInAsync(scenario.StoryWriters[0], DemoData.Password);
        var guests = scenario.NoteGuests.Select(g => Scenario.AsGuest(app.BaseUri, scenario.NotesSessionId, g)).ToList();

        var reads = new (string Route, Person Who)[]
        {
            ("/", anonymous), ($"/projecten/{scenario.ProjectId}", anonymous), ($"/api/v1/projects/{scenario.ProjectId}/stories", anonymous),
            ("/mijn", member), ($"/projecten/{scenario.ProjectId}/verhalen", member), ($"/api/v1/sessions/{scenario.NotesSessionId}/notes", guests[0]),
        };
        var answers = new ConcurrentBag<Answer>();
        var stories = new ConcurrentBag<(int Id, string Title)>();
        var notes = new ConcurrentBag<(int Id, string Text)>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();

        async Task Record(string route, Func<Task<HttpResponseMessage>> send, Action<JsonElement>? created = null)
        {
            var asked = phase;
            try
            {
                using var response = await send();
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode == HttpStatusCode.Created && created is not null)
                {
                    using var doc = JsonDocument.Parse(body);
                    created(doc.RootElement);
                }
                answers.Add(new Answer(asked == phase ? asked : asked + "→" + phase, route, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, false, null, clock.Elapsed));
            }
            catch (Exception e)
            {
                answers.Add(new Answer(asked, route, 0, null, false, e.GetType().Name + ": " + e.Message, clock.Elapsed));
            }
        }

        // Four readers, one story writer (every 150 ms) and four guests writing post-its (one every 3.5 s each: below
        // the limit of 20 a minute, so every refusal would be a real failure).
        var workers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var i = w; !stop.IsCancellationRequested; i++)
            {
                var (route, who) = reads[i % reads.Length];
                await Record(route, () => who.GetAsync(route));
            }
        })).ToList();
        workers.Add(Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var title = $"Korte herstart {i}";
                await Record("POST story", () => member.PostJsonAsync($"/api/v1/projects/{scenario.ProjectId}/stories",
                    new { promptId = scenario.PromptId, title, text = "Bewaard, ook tijdens de herstart.", scope = "Team", mayQuote = false }),
                    story => stories.Add((story.GetProperty("id").GetInt32(), title)));
                await Task.Delay(150);
            }
        }));
        workers.AddRange(guests.Select((guest, g) => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var text = $"Herstart-noot {g}-{i}";
                await Record("POST note", () => guest.PostJsonAsync($"/api/v1/sessions/{scenario.NotesSessionId}/notes", new { text }),
                    note => notes.Add((note.GetProperty("id").GetInt32(), text)));
                await Task.Delay(3500);
            }
        })));

        await Task.Delay(TimeSpan.FromSeconds(4));
        phase = "stopping";
        await services.Postgres.StopAsync();
        phase = "down";
        var downFrom = clock.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        phase = "starting";
        await services.Postgres.StartAgainAsync();
        var upAt = clock.Elapsed;
        phase = "after";
        await Task.Delay(TimeSpan.FromSeconds(8));
        await stop.CancelAsync();
        var all = Task.WhenAll(workers);
        Assert.True(await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(30))) == all, "the load did not stop within 30 s");
        foreach (var guest in guests) guest.Dispose();

        var list = answers.ToList();
        output.WriteLine($"database down {downFrom.TotalSeconds:0.0}–{upAt.TotalSeconds:0.0} s");
        foreach (var p in list.OrderBy(a => a.At).Select(a => a.Phase).Distinct())
            output.WriteLine($"{p,-22} " + string.Join(", ", list.Where(a => a.Phase == p).GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}")));
        output.WriteLine($"acknowledged: {stories.Count} stories, {notes.Count} post-its; slowest answer {list.Max(a => a.At.TotalSeconds):0.0} s into the run");

        Assert.True(app.Running, "the app process ended:\n" + app.Log);
        Assert.True(list.Any(a => a.Phase.StartsWith("stopping", StringComparison.Ordinal) || a.Phase.StartsWith("down", StringComparison.Ordinal)), "no request was made while the database was gone");
        var failed = list.Where(a => a.Status is not (200 or 201)).ToList();
        Assert.True(failed.Count == 0, $"{failed.Count} of {list.Count} answers failed: " + string.Join("; ", failed.Take(10).Select(a => $"{a.Phase} {a.Route} {a.Status} {a.Error}")) + "\n" + app.Log);

        // Every acknowledged story and post-it is in the database exactly once, under the id it was answered with.
        await using var db = database.Open();
        var storedStories = await db.Stories.Where(s => EF.Functions.Like(s.Title, "Korte herstart%")).Select(s => new { s.Id, s.Title }).ToListAsync();
        var storedNotes = await db.Notes.Where(n => EF.Functions.Like(n.Text, "Herstart-noot%")).Select(n => new { n.Id, n.Text }).ToListAsync();
        Assert.All(stories, s => Assert.Equal(s.Id, Assert.Single(storedStories, x => x.Title == s.Title).Id));
        Assert.All(notes, n => Assert.Equal(n.Id, Assert.Single(storedNotes, x => x.Text == n.Text).Id));
        Assert.Equal(storedStories.Count, storedStories.Select(s => s.Title).Distinct().Count());
        Assert.Equal(storedNotes.Count, storedNotes.Select(n => n.Text).Distinct().Count());
    }

    [Fact]
    public async Task During_a_database_restart_pages_and_api_answer_a_clean_503_and_serve_again_without_an_app_restart()
    {
        using var database = Database.Postgres(services.Postgres);
        await using var app = new AppProcess(database);
        await app.StartAsync();
        var scenario = await Scenario.SeedAsync(database, noteGuests: 4, voteGuests: 1);
        using var anonymous = new Person(app.BaseUri);
        using var member = new Person(app.BaseUri);
        await member.SignInAsync(scenario.StoryWriters[0], DemoData.Password);

        var reads = new (string Route, Person Who)[]
        {
            ("/", anonymous), ($"/programmas/{scenario.ProgrammeId}", anonymous), ($"/projecten/{scenario.ProjectId}", anonymous),
            ("/api/v1/projects", anonymous), ($"/api/v1/projects/{scenario.ProjectId}/stories", anonymous),
            ("/mijn", member), ($"/projecten/{scenario.ProjectId}", member), ($"/api/v1/projects/{scenario.ProjectId}/stories", member),
        };
        var answers = new ConcurrentBag<Answer>();
        var saved = new ConcurrentBag<(int Id, string Title)>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();

        async Task Record(string route, Func<Task<HttpResponseMessage>> send, Action<JsonElement>? created = null)
        {
            // An answer belongs to a phase when it was asked and answered in it; one that spans a change is "a→b".
            var asked = phase;
            string Current() => phase == asked ? asked : asked + "→" + phase;
            try
            {
                using var response = await send();
                var body = await response.Content.ReadAsStringAsync();
                var tryAgain = body.Contains("Probeer het zo nog eens.", StringComparison.Ordinal);
                if (response.StatusCode == HttpStatusCode.Created && created is not null)
                {
                    using var doc = JsonDocument.Parse(body);
                    created(doc.RootElement);
                }
                answers.Add(new Answer(Current(), route, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, tryAgain, null, clock.Elapsed));
            }
            catch (Exception e)
            {
                answers.Add(new Answer(Current(), route, 0, null, false, e.GetType().Name + ": " + e.Message, clock.Elapsed));
            }
        }

        // Six readers going round the routes, one writer sharing a story every 200 ms.
        var workers = Enumerable.Range(0, 6).Select(w => Task.Run(async () =>
        {
            for (var i = w; !stop.IsCancellationRequested; i++)
            {
                var (route, who) = reads[i % reads.Length];
                await Record(route, () => who.GetAsync(route));
            }
        })).ToList();
        workers.Add(Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var title = $"Tijdens de herstart {i}";
                await Record("POST story", () => member.PostJsonAsync($"/api/v1/projects/{scenario.ProjectId}/stories",
                    new { promptId = scenario.PromptId, title, text = "Bewaard of netjes geweigerd.", scope = "Team", mayQuote = false }),
                    story => saved.Add((story.GetProperty("id").GetInt32(), title)));
                await Task.Delay(200);
            }
        }));

        await Task.Delay(TimeSpan.FromSeconds(3));
        phase = "stopping";
        await services.Postgres.StopAsync();
        phase = "down";
        var downFrom = clock.Elapsed;
        // Longer than the app's retries (about 9 s): requests made now end in a 503 after them.
        await Task.Delay(TimeSpan.FromSeconds(20));
        phase = "starting";
        await services.Postgres.StartAgainAsync();
        phase = "recovering";
        var upAt = clock.Elapsed;
        // Recovered: every route answered 200 (or 201) since some moment; wait for that at most 30 s, then 3 s more of load.
        var recovered = await Processes.WaitUntilAsync(() => Task.FromResult(
            answers.Where(a => a.At > upAt).GroupBy(a => a.Route).Count() == reads.Select(r => r.Route).Distinct().Count() + 1
            && answers.Where(a => a.At > clock.Elapsed - TimeSpan.FromSeconds(1)).All(a => a.Status is 200 or 201)
            && answers.Any(a => a.At > clock.Elapsed - TimeSpan.FromSeconds(1))), TimeSpan.FromSeconds(30));
        var recoveredAt = clock.Elapsed;
        phase = "after";
        await Task.Delay(TimeSpan.FromSeconds(3));
        await stop.CancelAsync();
        var all = Task.WhenAll(workers);
        Assert.True(await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(30))) == all, "the load did not stop within 30 s");

        var list = answers.ToList();
        string Count(string p) => string.Join(", ", list.Where(a => a.Phase == p).GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}"));
        output.WriteLine($"database down {downFrom.TotalSeconds:0.0}–{upAt.TotalSeconds:0.0} s, every route 200 again {(recoveredAt - upAt).TotalSeconds:0.0} s after the start");
        foreach (var p in list.OrderBy(a => a.At).Select(a => a.Phase).Distinct())
            output.WriteLine($"{p,-22} {Count(p)}");
        output.WriteLine($"stories acknowledged: {saved.Count}");

        Assert.True(app.Running, "the app process ended:\n" + app.Log);
        Assert.True(recovered, "not every route answered 200 within 30 s of the database's return: " + Count("recovering"));
        var bad = list.Where(a => a.Error is not null || a.Status is not (200 or 201 or 503)).ToList();
        Assert.True(bad.Count == 0, $"{bad.Count} answers were neither a success nor a 503: " + string.Join("; ", bad.Take(10).Select(a => $"{a.Phase} {a.Route} {a.Status} {a.Error}")) + "\n" + app.Log);
        Assert.All(list.Where(a => a.Phase is "before" or "after"), a => Assert.True(a.Status is 200 or 201, $"{a.Phase} {a.Route}: {a.Status}"));
        var outage = list.Where(a => a.Status == 503).ToList();
        // Each request waits out the retries before its 503, so a reader gets one or two of them while the database is gone.
        Assert.True(list.Count(a => a.Phase.StartsWith("down", StringComparison.Ordinal) && a.Status == 503) >= 6, "the outage was hardly noticed: " + Count("down"));
        Assert.All(outage, a =>
        {
            var api = a.Route.StartsWith("/api", StringComparison.Ordinal) || a.Route == "POST story";
            Assert.Equal(api ? "application/problem+json" : "text/html", a.MediaType);
            Assert.True(a.SaysTryAgain, $"{a.Route}: the 503 does not say 'Probeer het zo nog eens.'");
        });

        // Every story the app said it saved is there (the titles are unique).
        var titles = saved.Select(s => s.Title).ToHashSet();
        await using var db = database.Open();
        var stored = await db.Stories.Where(s => EF.Functions.Like(s.Title, "Tijdens de herstart%")).Select(s => new { s.Id, s.Title }).ToListAsync();
        Assert.All(saved, s => Assert.Contains(stored, x => x.Id == s.Id && x.Title == s.Title));
        // A story saved just before the server went away, whose answer then failed, is there without a 201: reported, not lost.
        output.WriteLine($"stories stored: {stored.Count}, of which answered with 503: {stored.Count(x => !titles.Contains(x.Title))}");
    }
}
