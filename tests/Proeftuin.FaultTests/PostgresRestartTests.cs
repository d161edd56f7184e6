using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Proeftuin.Data;

namespace Proeftuin.FaultTests;

/// <summary>
/// PostgreSQL stopped and started again under load, the app left running: while the database is gone every page is a
/// clean 503 in Dutch ("probeer het zo nog eens") and every API call problem+json 503 (never a 500, never an empty
/// answer, never a hang), writes are refused without saving half; once it is back the same process serves again, and
/// every story it said it saved is there.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class PostgresRestartTests(FaultServices services, ITestOutputHelper output)
{
    private volatile string phase = "before";

    private sealed record Answer(string Phase, string Route, int Status, string? MediaType, bool SaysTryAgain, string? Error, TimeSpan At);

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
        await Task.Delay(TimeSpan.FromSeconds(6));
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
        Assert.True(list.Count(a => a.Phase == "down" && a.Status == 503) >= 10, "the outage was hardly noticed: " + Count("down"));
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
