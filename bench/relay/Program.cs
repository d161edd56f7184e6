using Microsoft.AspNetCore.SignalR;

// The yardstick for live broadcast: a SignalR hub that only relays. It speaks the part of Proeftuin's session hub that
// bench/sessions/SessionLoad uses (Enter, AddNote -> NoteAdded to everyone in the session) on the same path, stores
// nothing and checks nothing, so the same client measures both in the same run (bench/run.sh --live).
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Services.AddSignalR();
var app = builder.Build();
app.UseWebSockets();
app.MapHub<RelayHub>("/hubs/sessions");
app.Run();

internal sealed class RelayHub : Hub
{
    private static long sequence;
    private static int noteIds;

    public async Task<object> Enter(int sessionId)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, Group(sessionId));
        return new { sessionId };
    }

    public async Task<object> AddNote(int sessionId, string text, string? requestKey)
    {
        var id = Interlocked.Increment(ref noteIds);
        var note = new { id, stepId = 0, text, clusterId = (int?)null, author = (string?)null, mine = false, createdAt = DateTime.UtcNow };
        await Clients.Group(Group(sessionId)).SendAsync("NoteAdded", note, Interlocked.Increment(ref sequence));
        return new { ok = true, id };
    }

    private static string Group(int sessionId) => "s" + sessionId;
}
