using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Sessions;

/// <summary>
/// Clusters: the facilitator (any time the session is not closed) and participants in a cluster step make and name
/// clusters and move visible notes into them; only the facilitator merges two clusters (all notes move, the emptied
/// cluster goes). Drag and drop and the "Verplaats naar cluster" form both end here.
/// </summary>
public sealed class ClusterNotes(AppDbContext db, SessionAccess access, SessionEvents events, TimeProvider clock)
{
    public async Task<Outcome<ClusterView>> AddAsync(int sessionId, string? name, CancellationToken ct = default)
    {
        var caller = await access.ForSessionAsync(sessionId, ct);
        if (caller is null) return Outcome<ClusterView>.NotFound();
        var refused = Refuse<ClusterView>(caller);
        if (refused is not null) return refused;
        var v = new Validation();
        var clean = v.Text("Name", name, SessionLimits.ClusterName, label: "een naam voor het cluster");
        if (!v.IsValid) return v;
        if (await db.Clusters.CountAsync(c => c.SessionId == sessionId, ct) >= SessionLimits.MaxClusters)
            return Outcome<ClusterView>.Invalid("Name", "Er zijn al {0} clusters. Voeg eerst clusters samen.", SessionLimits.MaxClusters);
        var last = await db.Clusters.Where(c => c.SessionId == sessionId).MaxAsync(c => (int?)c.Position, ct) ?? -1;
        var cluster = new Cluster { SessionId = sessionId, Name = clean, Position = last + 1, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.Clusters.Add(cluster);
        var seq = await events.SaveAsync(sessionId, ct);
        var view = View(cluster);
        await events.TellAsync(sessionId, () => events.ToAll(sessionId).ClusterSaved(view, seq), ct);
        return Outcome<ClusterView>.Ok(view);
    }

    public async Task<Outcome<ClusterView>> RenameAsync(int sessionId, int clusterId, string? name, CancellationToken ct = default)
    {
        var caller = await access.ForSessionAsync(sessionId, ct);
        if (caller is null) return Outcome<ClusterView>.NotFound();
        var cluster = await db.Clusters.FirstOrDefaultAsync(c => c.Id == clusterId && c.SessionId == sessionId, ct);
        if (cluster is null) return Outcome<ClusterView>.NotFound();
        var refused = Refuse<ClusterView>(caller);
        if (refused is not null) return refused;
        var v = new Validation();
        var clean = v.Text("Name", name, SessionLimits.ClusterName, label: "een naam voor het cluster");
        if (!v.IsValid) return v;
        cluster.Name = clean;
        var seq = await events.SaveAsync(sessionId, ct);
        var view = View(cluster);
        await events.TellAsync(sessionId, () => events.ToAll(sessionId).ClusterSaved(view, seq), ct);
        return Outcome<ClusterView>.Ok(view);
    }

    /// <summary>Moves a note into a cluster, or out of every cluster when clusterId is null.</summary>
    public async Task<Outcome<NoteView>> MoveAsync(int sessionId, int noteId, int? clusterId, CancellationToken ct = default)
    {
        var caller = await access.ForSessionAsync(sessionId, ct);
        if (caller is null) return Outcome<NoteView>.NotFound();
        var note = await db.Notes.Include(n => n.Participant).FirstOrDefaultAsync(n => n.Id == noteId && n.SessionId == sessionId, ct);
        if (note is null || !NoteNews.CanSee(caller, note)) return Outcome<NoteView>.NotFound();
        if (clusterId is { } cid && !await db.Clusters.AnyAsync(c => c.Id == cid && c.SessionId == sessionId, ct)) return Outcome<NoteView>.NotFound();
        var refused = Refuse<NoteView>(caller);
        if (refused is not null) return refused;
        note.ClusterId = clusterId;
        var seq = await events.SaveAsync(sessionId, ct);
        var step = caller.StepById(note.StepId);
        var view = NoteRules.ForWriter(NoteRules.View(note, note.Participant, step, mine: true), caller, note.Participant);
        await events.TellAsync(sessionId, () => NoteNews.SavedAsync(db, events, sessionId, view, note.ParticipantId, step, seq, added: false, ct), ct);
        return Outcome<NoteView>.Ok(caller.Participant?.Id == note.ParticipantId ? view : view with { Mine = false });
    }

    /// <summary>Facilitators merge duplicates: every note of <paramref name="clusterId"/> moves into the other, which stays.</summary>
    public async Task<Outcome<ClusterView>> MergeAsync(int sessionId, int clusterId, int intoClusterId, CancellationToken ct = default)
    {
        var caller = await access.ForSessionAsync(sessionId, ct);
        if (caller is null) return Outcome<ClusterView>.NotFound();
        var pair = await db.Clusters.Where(c => c.SessionId == sessionId && (c.Id == clusterId || c.Id == intoClusterId)).ToListAsync(ct);
        var from = pair.FirstOrDefault(c => c.Id == clusterId);
        var into = pair.FirstOrDefault(c => c.Id == intoClusterId);
        if (from is null || into is null) return Outcome<ClusterView>.NotFound();
        if (caller.IsClosed) return Outcome<ClusterView>.Invalid("IntoClusterId", SessionRules.ClosedMessage);
        if (!caller.IsFacilitator) return Outcome<ClusterView>.Forbidden();
        if (from.Id == into.Id) return Outcome<ClusterView>.Invalid("IntoClusterId", "Kies twee verschillende clusters om samen te voegen.");
        var notes = await db.Notes.Include(n => n.Participant).Where(n => n.ClusterId == from.Id).ToListAsync(ct);
        foreach (var n in notes) n.ClusterId = into.Id;
        db.Clusters.Remove(from);
        var seq = await events.SaveAsync(sessionId, ct);
        await events.TellAsync(sessionId, async () =>
        {
            foreach (var n in notes)
            {
                var step = caller.StepById(n.StepId);
                await NoteNews.SavedAsync(db, events, sessionId, NoteRules.ForWriter(NoteRules.View(n, n.Participant, step, mine: true), caller, n.Participant), n.ParticipantId, step, seq, added: false, ct);
            }
            await events.ToAll(sessionId).ClusterDeleted(from.Id, seq);
        }, ct);
        return Outcome<ClusterView>.Ok(View(into));
    }

    /// <summary>Whether the caller may cluster now: the facilitator unless closed; participants in a running cluster step.</summary>
    public static bool CanCluster(SessionCaller caller) => caller.CanCluster;

    private static Outcome<T>? Refuse<T>(SessionCaller caller)
    {
        if (caller.IsClosed) return Outcome<T>.Invalid("Name", SessionRules.ClosedMessage);
        if (caller.IsFacilitator) return null;
        var refused = SessionRules.Refuse<T>(caller, "Name");
        if (refused is not null) return refused;
        return caller.CurrentStep is { Mode: StepMode.Cluster } ? null
            : Outcome<T>.Invalid("Name", "In deze stap kun je geen clusters maken of post-its verplaatsen.");
    }

    private static ClusterView View(Cluster c) => new(c.Id, c.Name, c.Position, c.IdeaId);
}
