namespace Proeftuin.Features.Sessions;

/// <summary>Post-its, clusters and dot voting over the hub: the same use cases as the forms on the session page.</summary>
public sealed partial class SessionHub
{
    /// <summary><paramref name="requestKey"/>: one per action, the same on a retry (handled by RequestKeyHubFilter).</summary>
    public async Task<HubReply> AddNote(int sessionId, string text, WriteNote notes, string? requestKey) =>
        Reply(await notes.AddAsync(sessionId, text, Context.ConnectionAborted), n => n.Id);

    public async Task<HubReply> EditNote(int sessionId, int noteId, string text, WriteNote notes) =>
        Reply(await notes.EditAsync(sessionId, noteId, text, Context.ConnectionAborted), n => n.Id);

    public async Task<HubReply> DeleteNote(int sessionId, int noteId, WriteNote notes) =>
        Reply(await notes.DeleteAsync(sessionId, noteId, Context.ConnectionAborted), id => id);

    public async Task<HubReply> AddCluster(int sessionId, string name, ClusterNotes clusters, string? requestKey) =>
        Reply(await clusters.AddAsync(sessionId, name, Context.ConnectionAborted), c => c.Id);

    public async Task<HubReply> RenameCluster(int sessionId, int clusterId, string name, ClusterNotes clusters) =>
        Reply(await clusters.RenameAsync(sessionId, clusterId, name, Context.ConnectionAborted), c => c.Id);

    public async Task<HubReply> MoveNote(int sessionId, int noteId, int? clusterId, ClusterNotes clusters) =>
        Reply(await clusters.MoveAsync(sessionId, noteId, clusterId, Context.ConnectionAborted), n => n.Id);

    public async Task<HubReply> MergeClusters(int sessionId, int clusterId, int intoClusterId, ClusterNotes clusters) =>
        Reply(await clusters.MergeAsync(sessionId, clusterId, intoClusterId, Context.ConnectionAborted), c => c.Id);

    public async Task<HubReply> CastVote(int sessionId, int noteId, CastVote votes, string? requestKey) =>
        Reply(await votes.CastAsync(sessionId, noteId, Context.ConnectionAborted), v => v.Left);

    public async Task<HubReply> RemoveVote(int sessionId, int noteId, CastVote votes) =>
        Reply(await votes.RemoveAsync(sessionId, noteId, Context.ConnectionAborted), v => v.Left);

    /// <summary>The results of a closed vote step; null while the vote is open or for a step that is not a vote.</summary>
    public async Task<ResultsView?> Results(int sessionId, int stepId, GetResults results)
    {
        var outcome = await results.RunAsync(sessionId, stepId, Context.ConnectionAborted);
        return outcome.IsOk ? outcome.Value : null;
    }
}
