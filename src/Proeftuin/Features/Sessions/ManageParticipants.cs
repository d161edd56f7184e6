using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Proeftuin.Data;
using Proeftuin.Features.Members;
using Proeftuin.Web;

namespace Proeftuin.Features.Sessions;

/// <summary>Who may still join a session. Those already in always come back (cookie or account).</summary>
public enum JoiningRule
{
    Open = 0,
    /// <summary>Closed by the facilitator for the rest of the session.</summary>
    Closed = 1,
    /// <summary>Open until a vote step starts; from then on closed, so the people who vote are the people who wrote.</summary>
    UntilVote = 2,
}

/// <summary>A participant changed their declared perspective (only possible before the first vote step started).</summary>
public sealed class PerspectiveChange
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public int ParticipantId { get; set; }
    public Perspective From { get; set; }
    public Perspective To { get; set; }
    public DateTime ChangedAt { get; set; }
}

internal sealed class PerspectiveChangeConfiguration : IEntityTypeConfiguration<PerspectiveChange>
{
    public void Configure(EntityTypeBuilder<PerspectiveChange> b)
    {
        b.ToTable("SessionPerspectiveChanges");
        b.HasOne<LiveSession>().WithMany().HasForeignKey(c => c.SessionId).OnDelete(DeleteBehavior.Cascade);
        // NO ACTION, as for notes: a session's delete removes changes and participants in one statement.
        b.HasOne<Participant>().WithMany().HasForeignKey(c => c.ParticipantId).OnDelete(DeleteBehavior.NoAction);
        b.HasIndex(c => c.ParticipantId);
        b.HasIndex(c => c.SessionId);
    }
}

/// <summary>Someone the facilitator took out of the session: the name only for those who see names today (the facilitators).</summary>
public sealed record RemovalView(DateTime RemovedAt, string? DisplayName);

/// <summary>The rules on joining and on the declared perspective, read from the session alone.</summary>
public static class ParticipantRules
{
    public const string RemovedMessage = "De begeleider heeft je uit deze sessie gehaald.";
    public const string JoiningClosedMessage = "Meedoen is gesloten: de begeleider heeft de deelnemerslijst gesloten.";
    public const string PerspectiveLockedMessage = "Je kennisbron kun je alleen veranderen voordat het stemmen begint. Het stemmen is al begonnen.";

    /// <summary>Whether any vote step has become current (its StartedAt is set when it does and stays set).</summary>
    public static bool VoteHasStarted(LiveSession session) => session.Steps.Any(s => s.Mode == StepMode.Vote && s.StartedAt is not null);

    public static bool IsJoiningClosed(LiveSession session) => session.Joining switch
    {
        JoiningRule.Closed => true,
        JoiningRule.UntilVote => VoteHasStarted(session),
        _ => false,
    };

    /// <summary>The browser key as stored for one session: hashed with the session's id, so seats in two sessions cannot be linked by it.</summary>
    public static string BrowserKeyHash(int sessionId, string browserKey) =>
        Tokens.Hash(sessionId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + browserKey);

    /// <summary>The people in the session for the facilitator: name, perspective (and the one before a change), guest or account, joined at.</summary>
    public static async Task<List<ParticipantView>> PeopleAsync(AppDbContext db, int sessionId, int? currentStepId, CancellationToken ct)
    {
        var people = await db.Participants.AsNoTracking().Where(p => p.SessionId == sessionId && p.RemovedAt == null)
            .OrderBy(p => p.DisplayName).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.DisplayName, p.Perspective, p.UserId, p.DoneStepId, p.JoinedAt }).ToListAsync(ct);
        var changes = await db.PerspectiveChanges.AsNoTracking().Where(c => c.SessionId == sessionId)
            .OrderBy(c => c.ChangedAt).ThenBy(c => c.Id).Select(c => new { c.ParticipantId, c.From }).ToListAsync(ct);
        // The first declared perspective is what a change is measured against ("was: …").
        var first = changes.GroupBy(c => c.ParticipantId).ToDictionary(g => g.Key, g => g.First().From);
        return people.Select(p => new ParticipantView(p.Id, p.DisplayName, p.Perspective, p.UserId is null,
            currentStepId is not null && p.DoneStepId == currentStepId, p.JoinedAt,
            first.TryGetValue(p.Id, out var was) && was != p.Perspective ? was : null)).ToList();
    }

    /// <summary>Everyone taken out, oldest first; names only when <paramref name="withNames"/>.</summary>
    public static async Task<List<RemovalView>> RemovalsAsync(AppDbContext db, int sessionId, bool withNames, CancellationToken ct)
    {
        var rows = await db.Participants.AsNoTracking().Where(p => p.SessionId == sessionId && p.RemovedAt != null)
            .OrderBy(p => p.RemovedAt).ThenBy(p => p.Id).Select(p => new { RemovedAt = p.RemovedAt!.Value, p.DisplayName }).ToListAsync(ct);
        return rows.Select(r => new RemovalView(r.RemovedAt, withNames ? r.DisplayName : null)).ToList();
    }
}

/// <summary>
/// The facilitator manages who is in: take a participant out (their notes stay; their stippen in open votes are
/// withdrawn, those in closed votes stay so results once shown do not change) and close joining. A participant changes
/// their declared perspective, only before the first vote step. Page, hub and API call these.
/// </summary>
public sealed class ManageParticipants(AppDbContext db, SessionAccess access, SessionEvents events, TimeProvider clock)
{
    public async Task<Outcome<int>> RemoveAsync(int sessionId, int participantId, CancellationToken ct = default)
    {
        var caller = await access.ForSessionAsync(sessionId, ct);
        if (caller is null) return Outcome<int>.NotFound();
        if (!caller.IsFacilitator) return Outcome<int>.Forbidden();
        if (caller.IsClosed) return Outcome<int>.Invalid("Session", PlanSession.Closed);
        // Another session's participant is not found here, whatever its id.
        var seat = await db.Participants.FirstOrDefaultAsync(p => p.Id == participantId && p.SessionId == sessionId, ct);
        if (seat is null) return Outcome<int>.NotFound();
        if (seat.RemovedAt is not null) return Outcome<int>.Ok(seat.Id);
        if (caller.Participant?.Id == seat.Id) return Outcome<int>.Invalid("Participant", "Je kunt jezelf niet uit de sessie halen.");
        seat.RemovedAt = clock.GetUtcNow().UtcDateTime;
        seat.DoneStepId = null;
        var open = OpenVoteSteps(caller);
        db.Votes.RemoveRange(await db.Votes.Where(v => v.ParticipantId == seat.Id && open.Contains(v.StepId)).ToListAsync(ct));
        var seq = await events.SaveAsync(sessionId, ct);
        // A stip cast in the same moment by the one removed (their request read them in before this save) goes too.
        await db.Votes.Where(v => v.ParticipantId == seat.Id && open.Contains(v.StepId)).ExecuteDeleteAsync(ct);
        await events.TellAsync(sessionId, async () =>
        {
            await events.ToPerson(sessionId, seat.Id).Removed(seq);
            await TellAsync(caller, seq, ct);
        }, ct);
        return Outcome<int>.Ok(seat.Id);
    }

    public async Task<Outcome<JoiningRule>> SetJoiningAsync(int sessionId, JoiningRule rule, CancellationToken ct = default)
    {
        var caller = await access.ForSessionAsync(sessionId, ct);
        if (caller is null) return Outcome<JoiningRule>.NotFound();
        if (!caller.IsFacilitator) return Outcome<JoiningRule>.Forbidden();
        if (caller.IsClosed) return Outcome<JoiningRule>.Invalid("Session", PlanSession.Closed);
        if (!Enum.IsDefined(rule)) return Outcome<JoiningRule>.Invalid("Joining", "Kies of meedoen open is, gesloten, of sluit zodra het stemmen begint.");
        caller.Session.Joining = rule;
        caller.Session.JoiningChangedAt = clock.GetUtcNow().UtcDateTime;
        var seq = await events.SaveAsync(sessionId, ct);
        await events.TellAsync(sessionId, () => events.ToFacilitators(sessionId).SessionChanged(seq), ct);
        return Outcome<JoiningRule>.Ok(rule);
    }

    public async Task<Outcome<Perspective>> ChangePerspectiveAsync(int sessionId, Perspective perspective, CancellationToken ct = default)
    {
        var caller = await access.ForSessionAsync(sessionId, ct);
        if (caller is null) return Outcome<Perspective>.NotFound();
        if (caller.Participant is not { } me) return Outcome<Perspective>.Forbidden();
        if (caller.IsClosed) return Outcome<Perspective>.Invalid("Session", PlanSession.Closed);
        if (!caller.CanChangePerspective) return Outcome<Perspective>.Invalid("Perspective", ParticipantRules.PerspectiveLockedMessage);
        if (!Enum.IsDefined(perspective)) return Outcome<Perspective>.Invalid("Perspective", "Kies welke kennis je vooral meebrengt.");
        if (me.Perspective == perspective) return Outcome<Perspective>.Ok(perspective);
        db.PerspectiveChanges.Add(new PerspectiveChange
        {
            SessionId = sessionId,
            ParticipantId = me.Id,
            From = me.Perspective,
            To = perspective,
            ChangedAt = clock.GetUtcNow().UtcDateTime,
        });
        me.Perspective = perspective;
        var seq = await events.SaveAsync(sessionId, ct);
        await events.TellAsync(sessionId, async () =>
        {
            await TellAsync(caller, seq, ct);
            // The person's own screens take the new perspective (and their notes' labels) from a fresh state.
            await events.ToPerson(sessionId, me.Id).SessionChanged(seq);
        }, ct);
        return Outcome<Perspective>.Ok(perspective);
    }

    /// <summary>The counts to everyone; the list with names to the facilitators only.</summary>
    private async Task TellAsync(SessionCaller caller, long seq, CancellationToken ct)
    {
        var current = caller.Session.CurrentStepId;
        await events.ToAll(caller.SessionId).ParticipationChanged(await events.ParticipationAsync(caller.SessionId, current, ct), seq);
        await events.ToFacilitators(caller.SessionId).ParticipantsChanged(await ParticipantRules.PeopleAsync(db, caller.SessionId, current, ct), seq);
    }

    private static List<int> OpenVoteSteps(SessionCaller caller) =>
        caller.Session.Steps.Where(s => s.Mode == StepMode.Vote && !s.VotingClosed).Select(s => s.Id).ToList();
}
