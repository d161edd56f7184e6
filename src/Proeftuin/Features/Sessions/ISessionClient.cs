namespace Proeftuin.Features.Sessions;

/// <summary>
/// What a connected screen is told, named as facts and sent only after the change is saved. Every event carries
/// the session's sequence number after the change; applying an event twice does no harm (upsert or remove by id),
/// so a screen that reconnects can take a fresh <see cref="SessionView"/> and go on.
/// </summary>
public interface ISessionClient
{
    Task NoteAdded(NoteView note, long sequence);
    /// <summary>Text, cluster or idea changed.</summary>
    Task NoteChanged(NoteView note, long sequence);
    Task NoteDeleted(int noteId, long sequence);
    /// <summary>
    /// A note was written or deleted in a private step: how many notes that step holds now, everyone's together.
    /// A screen shows "N post-its van anderen" as this count minus its own notes in the step; the notes go only to their writer.
    /// </summary>
    Task PrivateNotesCounted(int stepId, int count, long sequence);
    /// <summary>The facilitator revealed a private step: these notes are now visible (anonymised if the step says so).</summary>
    Task NotesRevealed(int stepId, IReadOnlyList<NoteView> notes, long sequence);
    Task ClusterSaved(ClusterView cluster, long sequence);
    Task ClusterDeleted(int clusterId, long sequence);
    /// <summary>The session moved to this step (or started); serverNow lets a screen correct its clock for the timer.</summary>
    Task StepStarted(StepView step, DateTime serverNow, long sequence);
    Task TimerChanged(StepView step, DateTime serverNow, long sequence);
    /// <summary>Sent to one participant: their own votes and what is left.</summary>
    Task VotesChanged(int stepId, IReadOnlyDictionary<int, int> myVotes, int votesLeft, long sequence);
    /// <summary>The facilitator closed the vote: results are public now.</summary>
    Task VotesRevealed(int stepId, long sequence);
    Task ParticipationChanged(Participation participation, long sequence);
    /// <summary>"Iedereen naar mij".</summary>
    Task Summoned(string? focus, long sequence);
    /// <summary>Something changed that is easiest to take as a whole (plan edited, session started or closed): ask for the state.</summary>
    Task SessionChanged(long sequence);
    /// <summary>Sent to one participant: the facilitator took them out of the session.</summary>
    Task Removed(long sequence);
    /// <summary>Sent to the facilitators: the people in the session now (someone joined, was taken out or changed perspective).</summary>
    Task ParticipantsChanged(IReadOnlyList<ParticipantView> people, long sequence);
}

/// <summary>The answer to a hub call: Ok with the id of what was made, or a Dutch (or English) message to show.</summary>
public sealed record HubReply(bool Ok, string? Error = null, int? Id = null)
{
    public static readonly HubReply Done = new(true);
}
