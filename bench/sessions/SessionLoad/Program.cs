using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Bench.Sessions;
using Proeftuin.Data;
using Proeftuin.Features.Members;
using Proeftuin.Features.Sessions;
using Proeftuin.Web;

// Live-session load: seeds one running session with N guest participants straight into the app's database, connects
// them over WebSockets (split round-robin over the given nodes), lets a few writers add notes at a fixed overall rate
// (open loop: a slow answer never delays the next note), and measures how long each note takes from its submission
// to its arrival at every other screen. Prints one Markdown table row; details go to stderr.
//
//   SessionLoad --db /path/proeftuin.db | --pg "Host=…;Database=…"
//               --urls http://127.0.0.1:5090[,http://127.0.0.1:5091] [--clients 100] [--writers 20] [--rate 10]
//               [--seconds 20] [--join-parallel 50] [--mode notes|enter] [--header]
//   SessionLoad --relay --urls http://127.0.0.1:5182 …   the same load against bench/relay (nothing seeded)
//
// --mode enter: before AddNote exists, writers call Enter instead and only its round trip is measured.

var o = Options.Parse(args);
if (o.Header)
{
    Console.WriteLine("| nodes | clients | writers | mode | notes ok/sent | ack p50 / p99 | delivery p50 / p99 | all screens p50 / p99 | lost | join all | join p50 / p99 per screen | dropped |");
    Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
    return 0;
}
// A thousand connections start at once; don't make them queue for thread-pool threads.
ThreadPool.SetMinThreads(256, 256);

// --relay: bench/relay stores nothing and checks no guest key, so nothing is seeded.
var (sessionId, keys) = o.Relay ? (1, Enumerable.Range(0, o.Clients).Select(i => "relay-" + i).ToArray()) : await Seed.RunAsync(o);
Log($"session {sessionId}: {keys.Length} guests seeded; joining over {string.Join(", ", o.Urls)}");

// Join everyone, a few at a time, as a room fills up at once.
var screens = new Screen[o.Clients];
var joinWatch = Stopwatch.StartNew();
await Parallel.ForEachAsync(Enumerable.Range(0, o.Clients), new ParallelOptions { MaxDegreeOfParallelism = o.JoinParallel }, async (i, ct) =>
{
    var screen = new Screen(i, o.Urls[i % o.Urls.Count], sessionId, keys[i]);
    var started = Stopwatch.GetTimestamp();
    await screen.JoinAsync(ct);
    screen.JoinMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    screens[i] = screen;
});
var joinAll = joinWatch.Elapsed;
Log($"joined {o.Clients} screens in {joinAll.TotalSeconds:0.0} s");

// Writers are the first few screens, so they too are spread over the nodes.
var writers = screens.Take(Math.Min(o.Writers, o.Clients)).ToArray();
var total = (int)Math.Round(o.Rate * o.Seconds);
var sentAt = new long[total];
var ackAt = new long[total];
var senderOf = new int[total];
var accepted = new bool[total];
var errors = new System.Collections.Concurrent.ConcurrentBag<string>();
var sends = new List<Task>(total);
var begin = Stopwatch.GetTimestamp();
for (var n = 0; n < total; n++)
{
    var due = begin + (long)(n * Stopwatch.Frequency / o.Rate);
    var wait = due - Stopwatch.GetTimestamp();
    if (wait > 0) await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency));
    var writer = writers[n % writers.Length];
    senderOf[n] = writer.Index;
    sends.Add(SendAsync(n, writer));
}
await Task.WhenAll(sends);

// Let the last notes arrive: done when every accepted note reached every other screen, or after the drain time.
var expected = o.Mode == "notes" ? accepted.Count(a => a) * (o.Clients - 1L) : 0;
var drain = Stopwatch.StartNew();
while (o.Mode == "notes" && screens.Sum(s => (long)s.Count) - OwnEchoes() < expected && drain.Elapsed < TimeSpan.FromSeconds(10))
    await Task.Delay(100);

// Figures.
var acks = Enumerable.Range(0, total).Where(n => ackAt[n] > 0).Select(n => Ms(ackAt[n] - sentAt[n])).ToList();
var deliveries = new List<double>();
var lastArrival = new long[total];
var arrivals = new int[total];
long duplicates = 0;
foreach (var s in screens)
{
    var seen = new HashSet<int>();
    foreach (var (note, at) in s.Received())
    {
        if (note < 0 || note >= total || senderOf[note] == s.Index || !accepted[note]) continue;
        if (!seen.Add(note)) { duplicates++; continue; }
        deliveries.Add(Ms(at - sentAt[note]));
        arrivals[note]++;
        lastArrival[note] = Math.Max(lastArrival[note], at);
    }
}
var everyone = Enumerable.Range(0, total).Where(n => accepted[n] && arrivals[n] == o.Clients - 1).Select(n => Ms(lastArrival[n] - sentAt[n])).ToList();
var lost = o.Mode == "notes" ? expected - deliveries.Count : 0;
var dropped = screens.Count(s => s.Dropped);
foreach (var e in errors.GroupBy(e => e)) Log($"{e.Count()}× {e.Key}");
Log($"deliveries {deliveries.Count} of {expected}, duplicates {duplicates}, notes reaching every screen {everyone.Count}");

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"| {o.Urls.Count} | {o.Clients} | {writers.Length} | {o.Mode} | {accepted.Count(a => a)}/{total} | {P(acks, 50)} / {P(acks, 99)} ms | " +
    $"{P(deliveries, 50)} / {P(deliveries, 99)} ms | {P(everyone, 50)} / {P(everyone, 99)} ms | {lost} | {joinAll.TotalSeconds:0.0} s | " +
    $"{P(screens.Select(s => s.JoinMs).ToList(), 50)} / {P(screens.Select(s => s.JoinMs).ToList(), 99)} ms | {dropped} |"));

await Parallel.ForEachAsync(screens, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (s, _) => await s.DisposeAsync());
return lost == 0 && errors.IsEmpty && dropped == 0 ? 0 : 1;

async Task SendAsync(int n, Screen writer)
{
    try
    {
        sentAt[n] = Stopwatch.GetTimestamp();
        if (o.Mode == "notes")
        {
            var reply = await writer.Connection.InvokeAsync<HubReply>("AddNote", sessionId, Screen.NoteText(n), (string?)null);
            ackAt[n] = Stopwatch.GetTimestamp();
            accepted[n] = reply.Ok;
            if (!reply.Ok) errors.Add("refused: " + reply.Error);
        }
        else
        {
            await writer.Connection.InvokeAsync<JsonElement>("Enter", sessionId);
            ackAt[n] = Stopwatch.GetTimestamp();
            accepted[n] = true;
        }
    }
    catch (Exception e)
    {
        errors.Add(e.GetType().Name + ": " + e.Message);
    }
}

long OwnEchoes() => screens.Sum(s => (long)s.Received().Count(r => r.Note >= 0 && r.Note < total && senderOf[r.Note] == s.Index));

static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

static string P(List<double> values, int percentile)
{
    if (values.Count == 0) return "–";
    values.Sort();
    var rank = (int)Math.Ceiling(percentile / 100.0 * values.Count) - 1;
    return values[Math.Clamp(rank, 0, values.Count - 1)].ToString("0.0", CultureInfo.InvariantCulture);
}

static void Log(string message) => Console.Error.WriteLine(message);

namespace Proeftuin.Bench.Sessions
{
    /// <summary>Command line of the load client.</summary>
    internal sealed record Options(string? Db, string? Pg, List<string> Urls, int Clients, int Writers, double Rate, double Seconds,
        int JoinParallel, string Mode, bool Header, bool Relay)
    {
        public static Options Parse(string[] args)
        {
            var map = new Dictionary<string, string>();
            var header = false;
            var relay = false;
            for (var i = 0; i < args.Length; i++)
            {
                if (args[i] == "--header") { header = true; continue; }
                if (args[i] == "--relay") { relay = true; continue; }
                if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length) throw new ArgumentException($"unexpected argument '{args[i]}'");
                map[args[i][2..]] = args[++i];
            }
            string Get(string key, string fallback) => map.TryGetValue(key, out var v) ? v : fallback;
            var urls = Get("urls", "http://127.0.0.1:5090").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            var mode = Get("mode", "notes");
            if (mode is not ("notes" or "enter")) throw new ArgumentException("--mode is notes or enter");
            if (!header && !relay && map.GetValueOrDefault("db") is null && map.GetValueOrDefault("pg") is null) throw new ArgumentException("give --db FILE or --pg CONNECTION");
            return new Options(map.GetValueOrDefault("db"), map.GetValueOrDefault("pg"), urls,
                int.Parse(Get("clients", "100"), CultureInfo.InvariantCulture), int.Parse(Get("writers", "20"), CultureInfo.InvariantCulture),
                double.Parse(Get("rate", "10"), CultureInfo.InvariantCulture), double.Parse(Get("seconds", "20"), CultureInfo.InvariantCulture),
                int.Parse(Get("join-parallel", "50"), CultureInfo.InvariantCulture), mode, header, relay);
        }
    }

    /// <summary>A running session with one Share step (notes visible to all) and N guests, written with the app's own model.</summary>
    internal static class Seed
    {
        public static async Task<(int SessionId, string[] Keys)> RunAsync(Options o)
        {
            await using AppDbContext db = o.Pg is { } pg
                ? new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(pg).Options)
                : new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={o.Db}").Options);
            var projectId = await db.Projects.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            var now = DateTime.UtcNow;
            var session = new LiveSession
            {
                ProjectId = projectId,
                Title = $"Belasting {o.Clients} deelnemers",
                State = SessionState.Running,
                JoinCode = JoinCodes.New(),
                CreatedAt = now,
                StartedAt = now,
            };
            var step = new Step
            {
                Position = 0,
                Form = WorkForm.SilentWriting,
                Mode = StepMode.Share,
                Title = "Delen",
                Instruction = "Schrijf je ideeën op.",
                Minutes = 30,
                StartedAt = now,
                EndsAt = now.AddMinutes(30),
            };
            session.Steps.Add(step);
            db.Sessions.Add(session);
            await db.SaveChangesAsync();
            session.CurrentStepId = step.Id;
            var keys = Enumerable.Range(0, o.Clients).Select(_ => Tokens.New()).ToArray();
            db.Participants.AddRange(keys.Select((key, i) => new Participant
            {
                SessionId = session.Id,
                GuestKeyHash = Tokens.Hash(key),
                DisplayName = $"Deelnemer {i + 1}",
                Perspective = (Perspective)(i % 3),
                JoinedAt = now,
            }));
            await db.SaveChangesAsync();
            return (session.Id, keys);
        }
    }

    /// <summary>One participant's screen: a WebSocket hub connection with the guest cookie, recording when each note arrived.</summary>
    internal sealed class Screen(int index, string url, int sessionId, string key) : IAsyncDisposable
    {
        private readonly List<(int Note, long At)> received = [];

        public int Index { get; } = index;
        public double JoinMs { get; set; }
        public bool Dropped { get; private set; }
        public HubConnection Connection { get; private set; } = null!;

        public int Count
        {
            get { lock (received) return received.Count; }
        }

        public List<(int Note, long At)> Received()
        {
            lock (received) return [.. received];
        }

        public static string NoteText(int n) => $"[{n}] Een plek in de wijk waar je zonder afspraak binnenloopt.";

        private static int NoteNumber(string? text) =>
            text is not null && text.StartsWith('[') && text.IndexOf(']', StringComparison.Ordinal) is > 1 and var end
                && int.TryParse(text.AsSpan(1, end - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;

        public async Task JoinAsync(CancellationToken ct)
        {
            var baseUri = new Uri(url.TrimEnd('/') + "/");
            var cookies = new System.Net.CookieContainer();
            cookies.Add(baseUri, new System.Net.Cookie(Caller.GuestCookie(sessionId), key, "/"));
            // WebSockets only and no negotiate request: one connection, one node, so no sticky sessions are needed.
            Connection = new HubConnectionBuilder()
                .WithUrl(new Uri(baseUri, SessionHub.Path.TrimStart('/')), opts =>
                {
                    opts.Transports = HttpTransportType.WebSockets;
                    opts.SkipNegotiation = true;
                    opts.Cookies = cookies;
                })
                .Build();
            Connection.On<JsonElement, long>(nameof(ISessionClient.NoteAdded), (note, _) =>
            {
                var at = Stopwatch.GetTimestamp();
                var n = NoteNumber(note.GetProperty("text").GetString());
                lock (received) received.Add((n, at));
            });
            Connection.Closed += _ =>
            {
                Dropped = true;
                return Task.CompletedTask;
            };
            await Connection.StartAsync(ct);
            await Connection.InvokeAsync<JsonElement>("Enter", sessionId, ct);
        }

        public async ValueTask DisposeAsync()
        {
            if (Connection is not null) await Connection.DisposeAsync();
        }
    }
}
