using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Features.Sessions;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Tests.Sessions;

public sealed record SeededSession(int Id, string JoinCode, IReadOnlyList<int> StepIds);

public sealed record StepSeed(StepMode Mode, bool Private = false, bool Anonymous = false, int Votes = 3, bool SeveralPerNote = false, WorkForm Form = WorkForm.SilentWriting);

/// <summary>Sessions, participants and hub connections for the live-session tests.</summary>
public static class SessionKit
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    /// <summary>A session straight into the database; with Running state the first step is current and started.</summary>
    public static Task<SeededSession> SessionAsync(this ProeftuinFactory factory, int projectId, SessionState state = SessionState.Running, params StepSeed[] steps) =>
        factory.WithDbAsync(async db =>
        {
            if (steps.Length == 0) steps = [new StepSeed(StepMode.Write)];
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            var session = new LiveSession { ProjectId = projectId, Title = "Sessie " + Guid.NewGuid().ToString("N")[..6], State = state, JoinCode = JoinCodes.New(), CreatedAt = now };
            var position = 0;
            foreach (var s in steps)
                session.Steps.Add(new Step
                {
                    Position = position++,
                    Form = s.Form,
                    Mode = s.Mode,
                    Title = s.Mode.ToString(),
                    Instruction = "Doe mee.",
                    Minutes = 5,
                    Private = s.Private,
                    Anonymous = s.Anonymous,
                    VotesPerPerson = s.Mode == StepMode.Vote ? s.Votes : 0,
                    SeveralPerNote = s.SeveralPerNote,
                });
            db.Sessions.Add(session);
            await db.SaveChangesAsync();
            if (state != SessionState.Planned)
            {
                var first = session.Steps.OrderBy(s => s.Position).First();
                session.CurrentStepId = first.Id;
                session.StartedAt = now;
                first.StartedAt = now;
                first.EndsAt = now.AddMinutes(first.Minutes);
                if (state == SessionState.Closed) session.ClosedAt = now;
                await db.SaveChangesAsync();
            }
            return new SeededSession(session.Id, session.JoinCode, session.Steps.OrderBy(s => s.Position).Select(s => s.Id).ToList());
        });

    /// <summary>Moves the session to a step directly (for tests of what a step allows).</summary>
    public static Task GoToStepAsync(this ProeftuinFactory factory, int sessionId, int stepId) =>
        factory.WithDbAsync(async db =>
        {
            var session = await db.Sessions.FindAsync(sessionId);
            session!.CurrentStepId = stepId;
            await db.SaveChangesAsync();
            return true;
        });

    /// <summary>A participant straight into the database: a member (userId) or a guest (returns its cookie key).</summary>
    public static Task<(int Id, string? Key)> ParticipantAsync(this ProeftuinFactory factory, int sessionId, string? userId = null, string name = "Deelnemer", Perspective perspective = Perspective.Experience) =>
        factory.WithDbAsync(async db =>
        {
            var key = userId is null ? Tokens.New() : null;
            var p = new Participant { SessionId = sessionId, UserId = userId, GuestKeyHash = key is null ? null : Tokens.Hash(key), DisplayName = name, Perspective = perspective, JoinedAt = DateTime.UtcNow };
            db.Participants.Add(p);
            await db.SaveChangesAsync();
            return (p.Id, key);
        });

    /// <summary>A browser that carries a guest's session cookie.</summary>
    public static Browser GuestBrowser(this ProeftuinFactory factory, int sessionId, string key)
    {
        var browser = factory.NewBrowser();
        browser.Cookies.Add(new Uri("http://localhost"), new System.Net.Cookie(Caller.GuestCookie(sessionId), key, "/"));
        return browser;
    }

    /// <summary>A hub connection with this browser's cookies (sign-in or guest), through the in-memory server.</summary>
    public static Task<LiveClient> ConnectAsync(this Browser browser) => browser.ConnectAsync(SessionHub.Path);

    /// <summary>The same on another path (the old one, kept for a release).</summary>
    public static async Task<LiveClient> ConnectAsync(this Browser browser, string path)
    {
        var server = browser.Factory.Server;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, path), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => server.CreateHandler();
                var cookie = browser.Cookies.GetCookieHeader(new Uri("http://localhost"));
                if (cookie.Length > 0) o.Headers["Cookie"] = cookie;
            })
            // The hub sends enums by name (ADR 0018); the typed answers read them back.
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()))
            .Build();
        var client = new LiveClient(connection);
        await connection.StartAsync();
        return client;
    }
}

/// <summary>A hub connection that records every event it is told, to wait for or to check absence of.</summary>
public sealed class LiveClient : IAsyncDisposable
{
    private readonly ConcurrentQueue<(string Name, object?[] Args)> events = new();
    private readonly SemaphoreSlim arrived = new(0);

    public HubConnection Connection { get; }

    public LiveClient(HubConnection connection)
    {
        Connection = connection;
        // Every fact an ISessionClient can be told, recorded by name with its arguments (as JSON elements).
        foreach (var method in typeof(ISessionClient).GetMethods())
        {
            var name = method.Name;
            var types = method.GetParameters().Select(_ => typeof(JsonElement)).ToArray();
            connection.On(name, types, args =>
            {
                events.Enqueue((name, args));
                arrived.Release();
                return Task.CompletedTask;
            });
        }
    }

    public IReadOnlyList<(string Name, object?[] Args)> Events => events.ToList();

    public Task<SessionView> EnterAsync(int sessionId) => Connection.InvokeAsync<SessionView>("Enter", sessionId);

    /// <summary>A create's request key (the last argument) may be left out: it is sent as null, as an old script would not send one.</summary>
    public Task<HubReply> CallAsync(string method, params object?[] args) => Connection.InvokeCoreAsync<HubReply>(method, WithKey(method, args));

    private static object?[] WithKey(string method, object?[] args)
    {
        var target = typeof(SessionHub).GetMethod(method);
        if (target is null) return args;
        var sent = target.GetParameters().Count(p => p.ParameterType.IsValueType || p.ParameterType == typeof(string) || p.ParameterType.IsArray);
        return target.GetParameters().LastOrDefault()?.Name == "requestKey" && args.Length == sent - 1 ? [.. args, null] : args;
    }

    /// <summary>Waits until an event with this name (and matching, if given) has arrived; returns its arguments.</summary>
    public async Task<JsonElement[]> WaitForAsync(string name, Func<JsonElement[], bool>? match = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? SessionKit.Wait);
        while (true)
        {
            var found = events.Where(e => e.Name == name).Select(e => e.Args.Cast<JsonElement>().ToArray()).FirstOrDefault(a => match is null || match(a));
            if (found is not null) return found;
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) throw new TimeoutException($"No {name} arrived; got: {string.Join(", ", events.Select(e => e.Name))}");
            await arrived.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>True when no such event arrived within the time given (for "others must not see this").</summary>
    public async Task<bool> NothingAsync(string name, Func<JsonElement[], bool>? match = null, TimeSpan? within = null)
    {
        await Task.Delay(within ?? TimeSpan.FromMilliseconds(700));
        return !events.Any(e => e.Name == name && (match is null || match(e.Args.Cast<JsonElement>().ToArray())));
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}

/// <summary>Someone at the session with a live connection: their browser (cookies), hub client and first state.</summary>
public sealed class Seat(Browser browser, LiveClient live, SessionView view) : IAsyncDisposable
{
    public Browser Browser { get; } = browser;
    public LiveClient Live { get; } = live;
    public SessionView View { get; } = view;
    public int ParticipantId => View.Me.ParticipantId ?? throw new InvalidOperationException("Not a participant");

    public Task<HubReply> CallAsync(string method, params object?[] args) => Live.CallAsync(method, args);

    public async ValueTask DisposeAsync()
    {
        await Live.DisposeAsync();
        Browser.Dispose();
    }
}

/// <summary>People, notes, clusters, votes and questions for the live-session tests.</summary>
public static class SessionSeats
{
    public static Task<int> QuestionAsync(this ProeftuinFactory factory, int projectId, string title = "Hoe kunnen we buren vaker laten praten?") =>
        factory.WithDbAsync(async db =>
        {
            var q = new Question { ProjectId = projectId, Title = title, Text = "", Html = "", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, SearchTerms = DutchStems.ToSearchTerms(title, "") };
            db.Items.Add(q);
            await db.SaveChangesAsync();
            return q.Id;
        });

    public static Task AskAsync(this ProeftuinFactory factory, int sessionId, params int[] questionIds) =>
        factory.WithDbAsync(async db =>
        {
            foreach (var id in questionIds) db.SessionQuestions.Add(new SessionQuestion { SessionId = sessionId, QuestionId = id });
            return await db.SaveChangesAsync();
        });

    public static Task<int> ClusterAsync(this ProeftuinFactory factory, int sessionId, string name) =>
        factory.WithDbAsync(async db =>
        {
            var c = new Cluster { SessionId = sessionId, Name = name, CreatedAt = DateTime.UtcNow };
            db.Clusters.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });

    public static Task<int> VoteAsync(this ProeftuinFactory factory, int sessionId, int stepId, int participantId, int noteId) =>
        factory.WithDbAsync(async db =>
        {
            db.Votes.Add(new Vote { SessionId = sessionId, StepId = stepId, ParticipantId = participantId, NoteId = noteId, CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });

    public static Task<int> IdeaCountAsync(this ProeftuinFactory factory, int sessionId) =>
        factory.WithDbAsync(db => db.Items.OfType<Idea>().CountAsync(i => i.SessionId == sessionId));

    /// <summary>A guest who joined by code (straight into the database) and entered over the hub.</summary>
    public static async Task<Seat> GuestSeatAsync(this ProeftuinFactory factory, int sessionId, string name = "Gast", Perspective perspective = Perspective.Experience)
    {
        var (_, key) = await factory.ParticipantAsync(sessionId, name: name, perspective: perspective);
        var browser = factory.GuestBrowser(sessionId, key!);
        var live = await browser.ConnectAsync();
        return new Seat(browser, live, await live.EnterAsync(sessionId));
    }

    /// <summary>A signed-in person who opened the session page (team members join by that) and entered over the hub.</summary>
    public static async Task<Seat> MemberSeatAsync(this ProeftuinFactory factory, string email, int sessionId)
    {
        var browser = await factory.SignInAsync(email);
        await browser.OpenAsync($"/sessies/{sessionId}");
        var live = await browser.ConnectAsync();
        return new Seat(browser, live, await live.EnterAsync(sessionId));
    }

    /// <summary>A note straight into the database.</summary>
    public static Task<int> NoteAsync(this ProeftuinFactory factory, int sessionId, int stepId, int participantId, string text = "Een post-it", int? clusterId = null, DateTime? createdAt = null) =>
        factory.WithDbAsync(async db =>
        {
            var note = new Note { SessionId = sessionId, StepId = stepId, ParticipantId = participantId, Text = text, ClusterId = clusterId, CreatedAt = createdAt ?? factory.Clock.GetUtcNow().UtcDateTime };
            db.Notes.Add(note);
            await db.SaveChangesAsync();
            return note.Id;
        });

    public static Task<int> NoteCountAsync(this ProeftuinFactory factory, int sessionId) =>
        factory.WithDbAsync(db => db.Notes.CountAsync(n => n.SessionId == sessionId));

    public static Task<int> StepAsync(this ProeftuinFactory factory, int stepId, Action<Step> change) =>
        factory.WithDbAsync(async db =>
        {
            var step = await db.Steps.FindAsync(stepId);
            change(step!);
            await db.SaveChangesAsync();
            return step!.Id;
        });

    public static string Text(this JsonElement e) => e.GetProperty("text").GetString()!;
    public static bool Mine(this JsonElement e) => e.GetProperty("mine").GetBoolean();

    public static void Refused(HubReply reply, string? message = null)
    {
        Assert.False(reply.Ok, "Expected a refusal");
        if (message is not null) Assert.Contains(message, reply.Error, StringComparison.Ordinal);
    }
}

