using System.Collections.Concurrent;
using System.Diagnostics;

namespace Proeftuin.FaultTests;

/// <summary>
/// Two app nodes on one database with Redis between them, and Redis stopped (SIGKILL) for a while (issue 16, ADR 0044):
/// each node goes on serving its own screens (a post-it reaches a screen on the same node within a second), writes
/// answer within a second, pages and the API keep serving, <c>/health</c> says "Degraded" and <c>/health/ready</c> says
/// not ready. When Redis is back, without restarting a node, the screens are asked to catch up and post-its cross nodes
/// again, both ways.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class RedisOutageTests(FaultServices services, ITestOutputHelper output)
{
    [Fact]
    public async Task Without_Redis_each_node_serves_its_own_screens_and_nodes_meet_again_when_it_returns()
    {
        await using var redis = await RedisServer.StartAsync();
        var prefix = "faults-" + Guid.NewGuid().ToString("N")[..8];
        using var database = Database.Postgres(services.Postgres);
        await using var a = new AppProcess(database, redis.Configuration, prefix);
        await a.StartAsync();
        var scenario = await Scenario.SeedAsync(database, noteGuests: 6, voteGuests: 1);
        await using var b = new AppProcess(database, redis.Configuration, prefix);
        await b.StartAsync();
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        var guests = scenario.NoteGuests.Select(g => Scenario.AsGuest(a.BaseUri, scenario.NotesSessionId, g)).ToList();
        await using var writerOnA = await Screen.OpenAsync(guests[0], a.BaseUri, scenario.NotesSessionId);
        await using var readerOnA = await Screen.OpenAsync(guests[1], a.BaseUri, scenario.NotesSessionId);
        await using var writerOnB = await Screen.OpenAsync(guests[2], b.BaseUri, scenario.NotesSessionId);
        await using var readerOnB = await Screen.OpenAsync(guests[3], b.BaseUri, scenario.NotesSessionId);

        // With Redis: A's post-it reaches B's screen, and both nodes are ready.
        var first = "Met Redis " + Guid.NewGuid().ToString("N")[..6];
        Assert.True((await writerOnA.AddNoteAsync(first, TimeSpan.FromSeconds(15))).Ok);
        Assert.True(await readerOnB.HearsAsync(first, TimeSpan.FromSeconds(10)), "with Redis, node B's screen did not hear node A's post-it");
        foreach (var node in new[] { a, b })
        {
            Assert.Equal((HttpStatusCode.OK, "Healthy"), await HealthAsync(probe, node, "/health"));
            Assert.Equal((HttpStatusCode.OK, "Healthy"), await HealthAsync(probe, node, "/health/ready"));
        }

        await redis.StopAsync();
        var clock = Stopwatch.StartNew();

        // Post-its on both nodes, over the hub and the API: each answered within a second, each heard on its own node.
        var writes = new List<(string How, TimeSpan Took, bool Ok, bool HeardHere, bool HeardThere)>();
        for (var i = 0; i < 4; i++)
        {
            foreach (var (writer, here, there, name) in new[] { (writerOnA, readerOnA, readerOnB, "A"), (writerOnB, readerOnB, readerOnA, "B") })
            {
                var text = $"Zonder Redis {name}{i} " + Guid.NewGuid().ToString("N")[..6];
                var watch = Stopwatch.StartNew();
                var ok = (await writer.AddNoteAsync(text, TimeSpan.FromSeconds(20))).Ok;
                var took = watch.Elapsed;
                var heardHere = await here.HearsAsync(text, TimeSpan.FromSeconds(1));
                writes.Add(($"hub on {name}", took, ok, heardHere, there.Heard(text)));
            }
        }
        using (var apiWriter = Scenario.AsGuest(b.BaseUri, scenario.NotesSessionId, scenario.NoteGuests[4]))
        {
            var text = "Zonder Redis (API) " + Guid.NewGuid().ToString("N")[..6];
            var watch = Stopwatch.StartNew();
            using var response = await apiWriter.PostJsonAsync($"/api/v1/sessions/{scenario.NotesSessionId}/notes", new { text });
            var took = watch.Elapsed;
            writes.Add(("API on B", took, response.IsSuccessStatusCode, await readerOnB.HearsAsync(text, TimeSpan.FromSeconds(1)), readerOnA.Heard(text)));
        }
        var texts = writes.Count;
        int stored;
        await using (var db = database.Open())
            stored = await db.Notes.CountAsync(n => n.Text.StartsWith("Zonder Redis"));

        // The health endpoints say what a load balancer needs: alive but degraded, not ready for new live-session screens.
        var health = new List<(string Url, HttpStatusCode Status, string Body)>();
        foreach (var node in new[] { a, b })
        {
            await Processes.WaitUntilAsync(async () => (await HealthAsync(probe, node, "/health")).Body == "Degraded", TimeSpan.FromSeconds(10));
            foreach (var path in new[] { "/health", "/health/ready" })
            {
                var (status, body) = await HealthAsync(probe, node, path);
                health.Add((node.BaseUri.Port + path, status, body));
            }
        }

        // Pages and the API on both nodes, while Redis is still gone: no 5xx, no failed request.
        var routes = new[]
        {
            "/", $"/programmas/{scenario.ProgrammeId}", $"/projecten/{scenario.ProjectId}", $"/projecten/{scenario.ProjectId}/verhalen",
            "/api/v1/projects", $"/api/v1/projects/{scenario.ProjectId}/stories", $"/sessies/{scenario.NotesSessionId}", $"/api/v1/sessions/{scenario.NotesSessionId}",
        };
        var answers = new ConcurrentBag<(string Url, int Status, TimeSpan Took, string? Error)>();
        using (var readOnA = Scenario.AsGuest(a.BaseUri, scenario.NotesSessionId, scenario.NoteGuests[5]))
        using (var readOnB = Scenario.AsGuest(b.BaseUri, scenario.NotesSessionId, scenario.NoteGuests[5]))
        {
            await Task.WhenAll(new[] { readOnA, readOnB, readOnA, readOnB }.Select(who => Task.Run(async () =>
            {
                foreach (var url in routes)
                {
                    var watch = Stopwatch.StartNew();
                    try
                    {
                        using var response = await who.GetAsync(url);
                        answers.Add((who.BaseUri.Port + url, (int)response.StatusCode, watch.Elapsed, null));
                    }
                    catch (Exception e) { answers.Add((who.BaseUri.Port + url, 0, watch.Elapsed, e.GetType().Name + ": " + e.Message)); }
                }
            })));
        }
        var downFor = clock.Elapsed;

        await redis.StartAgainAsync();
        var back = Stopwatch.StartNew();
        var caughtUp = await Processes.WaitUntilAsync(() => Task.FromResult(readerOnA.CatchUps > 0 && readerOnB.CatchUps > 0), TimeSpan.FromSeconds(30));
        var caughtUpAfter = back.Elapsed;
        var aToB = await RecoverAsync(writerOnA, readerOnB, "A naar B");
        var aToBAfter = back.Elapsed;
        var bToA = await RecoverAsync(writerOnB, readerOnA, "B naar A");
        var healthyAgain = await Processes.WaitUntilAsync(async () =>
            (await HealthAsync(probe, a, "/health/ready")).Status == HttpStatusCode.OK && (await HealthAsync(probe, b, "/health/ready")).Status == HttpStatusCode.OK,
            TimeSpan.FromSeconds(15));

        var served = answers.ToList();
        var tookMs = writes.Select(w => w.Took.TotalMilliseconds).Order().ToList();
        output.WriteLine($"Redis down for {downFor.TotalSeconds:0.0} s. Pages and API on both nodes meanwhile: " +
            string.Join(", ", served.GroupBy(x => x.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}")) +
            $", slowest {served.Max(x => x.Took.TotalMilliseconds):0} ms");
        output.WriteLine($"{texts} post-its without Redis: answered Ok {writes.Count(w => w.Ok)}, heard on their own node within 1 s {writes.Count(w => w.HeardHere)}, " +
            $"heard on the other node {writes.Count(w => w.HeardThere)}; answer median {tookMs[tookMs.Count / 2]:0} ms, slowest {tookMs[^1]:0} ms; stored {stored}");
        output.WriteLine("Health without Redis: " + string.Join(", ", health.Select(h => $"{h.Url} {(int)h.Status} {h.Body}")));
        output.WriteLine($"After Redis returned: screens asked to catch up {caughtUp} ({caughtUpAfter.TotalSeconds:0.0} s), A→B delivered {aToB} " +
            $"({aToBAfter.TotalSeconds:0.0} s), B→A delivered {bToA}, ready again {healthyAgain}; screens that had to reconnect: " +
            $"{writerOnA.Reconnects + readerOnA.Reconnects + writerOnB.Reconnects + readerOnB.Reconnects}");

        Assert.True(a.Running && b.Running, "a node ended:\n" + a.Log + "\n" + b.Log);
        Assert.All(writes, w => Assert.True(w.Ok, $"a post-it ({w.How}) was not answered as saved without Redis"));
        Assert.All(writes, w => Assert.True(w.HeardHere, $"a post-it ({w.How}) did not reach a screen on its own node within a second"));
        Assert.Equal(texts, stored);
        Assert.True(tookMs[tookMs.Count / 2] < 1000, $"writes without Redis answered in a median of {tookMs[tookMs.Count / 2]:0} ms");
        Assert.True(tookMs[^1] < 3000, $"the slowest write without Redis took {tookMs[^1]:0} ms");
        Assert.All(health.Where(h => h.Url.EndsWith("/health", StringComparison.Ordinal)), h => Assert.Equal((HttpStatusCode.OK, "Degraded"), (h.Status, h.Body)));
        Assert.All(health.Where(h => h.Url.EndsWith("/ready", StringComparison.Ordinal)), h => Assert.Equal(HttpStatusCode.ServiceUnavailable, h.Status));
        Assert.Equal(4 * routes.Length, served.Count);
        var bad = served.Where(x => x.Status is < 200 or >= 300).ToList();
        Assert.True(bad.Count == 0, $"{bad.Count} of {served.Count} page/API requests failed while Redis was down: " +
            string.Join("; ", bad.Take(10).Select(x => $"{x.Url} {x.Status} {x.Error}")));
        Assert.True(caughtUp, "after Redis returned, the screens were not asked to take the session's state afresh (30 s)");
        Assert.True(aToB, "after Redis returned, a post-it written on node A never reached the screen on node B (45 s)");
        Assert.True(bToA, "after Redis returned, a post-it written on node B never reached the screen on node A (45 s)");
        Assert.True(healthyAgain, "after Redis returned, /health/ready did not say ready again (15 s)");
        foreach (var g in guests) g.Dispose();
    }

    private static async Task<(HttpStatusCode Status, string Body)> HealthAsync(HttpClient http, AppProcess node, string path)
    {
        using var response = await http.GetAsync(new Uri(node.BaseUri, path));
        return (response.StatusCode, (await response.Content.ReadAsStringAsync()).Trim());
    }

    /// <summary>Writes a post-it on one node until a screen on the other hears one (at most 45 s).</summary>
    private static async Task<bool> RecoverAsync(Screen writer, Screen reader, string label)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; watch.Elapsed < TimeSpan.FromSeconds(45); i++)
        {
            try
            {
                await writer.EnsureConnectedAsync();
                await reader.EnsureConnectedAsync();
                var text = $"Terug ({label}) {i} {Guid.NewGuid():N}"[..40];
                var reply = await writer.AddNoteAsync(text, TimeSpan.FromSeconds(10));
                if (reply.Ok && await reader.HearsAsync(text, TimeSpan.FromSeconds(3))) return true;
            }
            catch (Exception) { /* Redis still reconnecting: try again */ }
            await Task.Delay(500);
        }
        return false;
    }
}
