using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;

namespace Proeftuin.Features.Sessions;

/// <summary>
/// Saving and telling: use cases save through <see cref="SaveAsync"/>, which raises the session's sequence number in
/// the same transaction, and then tell the connected screens through the groups below. Pages and API call the same
/// use cases, so a note posted by a plain form still appears on every screen.
/// </summary>
public sealed class SessionEvents(AppDbContext db, IHubContext<SessionHub, ISessionClient> hub, ILogger<SessionEvents> logger)
{
    /// <summary>Everyone connected to the session.</summary>
    public static string All(int sessionId) => $"s{sessionId}";
    /// <summary>The screens of one participant (phone and laptop).</summary>
    public static string Person(int sessionId, int participantId) => $"s{sessionId}p{participantId}";
    public static string Facilitators(int sessionId) => $"s{sessionId}f";

    /// <summary>Saves pending changes and raises the sequence in one transaction; returns the new sequence number.</summary>
    /// <remarks>    /// A use case that already holds a transaction (to count and insert under a lock) keeps it: it commits itself.</remarks>
    public async Task<long> SaveAsync(int sessionId, CancellationToken ct = default)
    {
        var sequence = await db.InTransactionAsync(async (tx, ct) =>
        {
            await db.SaveChangesAsync(ct);
            await db.Sessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(u => u.SetProperty(s => s.Sequence, s => s.Sequence + 1), ct);
            var sequence = await db.Sessions.Where(s => s.Id == sessionId).Select(s => s.Sequence).FirstAsync(ct);
            await tx.CommitAsync(ct);
            return sequence;
        }, ct);
        // Keep a tracked session in step, so a later save in this scope does not write an old number back.
        var tracked = db.ChangeTracker.Entries<LiveSession>().FirstOrDefault(e => e.Entity.Id == sessionId);
        if (tracked is not null)
        {
            tracked.Entity.Sequence = sequence;
            tracked.Property(s => s.Sequence).OriginalValue = sequence;
        }
        return sequence;
    }

    /// <summary>
    /// The part of a use case after its commit: the sends and the reads that build them. The change is saved by then,
    /// so a failure here is logged and the answer stays "saved"; a screen that missed the message sees the sequence
    /// number jump on its next one, or asks on reconnect, and takes the whole state. The request's own cancellation goes on.
    /// </summary>
    public async Task TellAsync(int sessionId, Func<Task> tell, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(tell);
        try
        {
            await tell();
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            // Never the text of a note in the message: the session and the failure are enough to follow it up.
            logger.LogWarning(e, "Telling the screens of session {SessionId} failed after the change was saved", sessionId);
        }
    }

    public ISessionClient ToAll(int sessionId) => hub.Clients.Group(All(sessionId));
    public ISessionClient ToPerson(int sessionId, int participantId) => hub.Clients.Group(Person(sessionId, participantId));
    public ISessionClient ToFacilitators(int sessionId) => hub.Clients.Group(Facilitators(sessionId));

    /// <summary>How many take part, by perspective, and how many said "klaar" in the current step.</summary>
    public async Task<Participation> ParticipationAsync(int sessionId, int? currentStepId, CancellationToken ct = default)
    {
        var counts = await db.Participants.Where(p => p.SessionId == sessionId && p.RemovedAt == null)
            .GroupBy(p => p.Perspective).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var done = currentStepId is { } stepId ? await db.Participants.CountAsync(p => p.SessionId == sessionId && p.RemovedAt == null && p.DoneStepId == stepId, ct) : 0;
        return new Participation(counts.Sum(c => c.Count), done, counts.ToDictionary(c => c.Key, c => c.Count));
    }
}
