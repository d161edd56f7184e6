using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Proeftuin.Features.Sessions;

namespace Proeftuin.FaultTests.Infrastructure;

/// <summary>A session screen: a hub connection that entered one session and keeps the text of every post-it it heard.</summary>
public sealed class Screen : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, byte> heard = new();
    private readonly Person person;
    private readonly Uri node;
    private readonly int sessionId;

    private Screen(Person person, Uri node, int sessionId)
    {
        this.person = person;
        this.node = node;
        this.sessionId = sessionId;
    }

    public HubConnection Hub { get; private set; } = null!;
    /// <summary>How often this screen had to connect again (as the browser's automatic reconnect would).</summary>
    public int Reconnects { get; private set; }
    /// <summary>How often the node asked this screen to take the session's state afresh (after Redis was away).</summary>
    public int CatchUps => catchUps;
    private int catchUps;

    public static async Task<Screen> OpenAsync(Person person, Uri node, int sessionId)
    {
        var screen = new Screen(person, node, sessionId);
        await screen.ConnectAsync();
        return screen;
    }

    private async Task ConnectAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        Hub = await person.ConnectAsync(node, cts.Token);
        Hub.On<JsonElement, long>(nameof(ISessionClient.NoteAdded), (note, _) =>
        {
            if (note.GetProperty("text").GetString() is { } text) heard.TryAdd(text, 0);
        });
        Hub.On<long>(nameof(ISessionClient.SessionChanged), sequence =>
        {
            if (sequence == 0) Interlocked.Increment(ref catchUps);
        });
        await Hub.InvokeAsync<SessionView>("Enter", sessionId, cts.Token);
    }

    /// <summary>Connects again when the connection was lost (what proeftuin.js does in a browser).</summary>
    public async Task EnsureConnectedAsync()
    {
        if (Hub.State == HubConnectionState.Connected) return;
        await Hub.DisposeAsync();
        Reconnects++;
        await ConnectAsync();
    }

    /// <summary>Writes a post-it over this screen's hub, waiting at most <paramref name="timeout"/> for the answer.</summary>
    /// <remarks><paramref name="requestKey"/>: the same key on a retry returns the first answer and adds no second note.</remarks>
    public async Task<HubReply> AddNoteAsync(string text, TimeSpan timeout, string? requestKey = null)
    {
        using var cts = new CancellationTokenSource(timeout);
        return await Hub.InvokeAsync<HubReply>("AddNote", sessionId, text, requestKey, cts.Token);
    }

    public bool Heard(string text) => heard.ContainsKey(text);

    public Task<bool> HearsAsync(string text, TimeSpan within) =>
        Processes.WaitUntilAsync(() => Task.FromResult(Heard(text)), within);

    public async ValueTask DisposeAsync() => await Hub.DisposeAsync();
}
