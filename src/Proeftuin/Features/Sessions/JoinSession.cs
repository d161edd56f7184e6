using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Members;
using Proeftuin.Web;

namespace Proeftuin.Features.Sessions;

/// <summary>
/// Becoming a participant. The project's team (members and up) join with one step as themselves; anyone else joins by
/// code: signed in under their own account, or as a guest with a display name and a perspective, no account. A guest
/// gets a random key for a cookie that names this session only; only its hash is stored.
/// </summary>
public sealed class JoinSession(AppDbContext db, SessionAccess access, Caller user, SessionEvents events, TimeProvider clock)
{
    public sealed record Joined(Participant Participant, string? GuestKey);

    /// <summary>The open (not closed) session with this code, or null.</summary>
    public async Task<LiveSession?> FindByCodeAsync(string? code, CancellationToken ct = default)
    {
        var normalized = JoinCodes.Normalize(code);
        if (normalized is null) return null;
        return await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.JoinCode == normalized && s.State != SessionState.Closed, ct);
    }

    /// <summary>Team members (not observers) become participants when they open the session; does nothing for others.</summary>
    public async Task<Participant?> JoinAsTeamMemberAsync(int sessionId, CancellationToken ct = default)
    {
        var caller = await access.LoadAsync(sessionId, ct);
        if (caller is null || caller.IsParticipant || caller.IsClosed || user.Id is null) return caller?.Participant;
        // Taken out by the facilitator, or joining closed: they may still watch as a member, but do not join (again).
        if (caller.Removed is not null || caller.IsJoiningClosed) return null;
        // Members and up; an admin who is not a member may lead the session but is not one of its people.
        if (caller.Project is not { IsTeam: true } p) return null;
        var name = Fit(await db.Users.Where(u => u.Id == user.Id).Select(u => u.DisplayName).FirstAsync(ct));
        // An admin who is not a member brings no perspective of their own; professional is the honest default.
        return (await AddAsync(caller, user.Id, name, p.Perspective ?? Perspective.Professional, null, ct)).Participant;
    }

    public async Task<Outcome<Joined>> JoinByCodeAsync(string? code, string? displayName, Perspective perspective, CancellationToken ct = default)
    {
        var found = await FindByCodeAsync(code, ct);
        if (found is null) return Outcome<Joined>.Invalid("Code", "Deze code kennen we niet, of de sessie is al afgelopen. Kijk de code nog eens na.");
        var caller = (await access.LoadAsync(found.Id, ct))!;
        if (caller.Participant is { } already) return Outcome<Joined>.Ok(new Joined(already, null));
        if (caller.Removed is not null) return Outcome<Joined>.Invalid("Code", ParticipantRules.RemovedMessage);
        // This browser was here before but lost the session's cookie: the same seat, with a new cookie key (only hashes are kept).
        if (await ReturningSeatAsync(found.Id, ct) is { } seat)
        {
            if (seat.RemovedAt is not null) return Outcome<Joined>.Invalid("Code", ParticipantRules.RemovedMessage);
            return Outcome<Joined>.Ok(await RestoreAsync(caller, seat, ct));
        }
        // Observers watch; the code is not a way around their role.
        if (caller.Project is { Role: ProjectRole.Observer })
            return Outcome<Joined>.Invalid("Code", "Je bent toeschouwer in dit project: je kijkt mee, maar doet niet mee met post-its en stemmen.");
        if (caller.IsJoiningClosed) return Outcome<Joined>.Invalid("Code", ParticipantRules.JoiningClosedMessage);
        var v = new Validation();
        var name = v.Text("DisplayName", user.Id is null ? displayName : Fit(displayName ?? ""), SessionLimits.DisplayName, label: "jouw naam");
        v.Enum("Perspective", perspective, "Kies welke kennis je vooral meebrengt.");
        if (!v.IsValid) return v;
        if (user.Id is { } userId) return Outcome<Joined>.Ok(await AddAsync(caller, userId, name, perspective, null, ct));
        var key = Tokens.New();
        return Outcome<Joined>.Ok(await AddAsync(caller, null, name, perspective, key, ct));
    }

    /// <summary>A guest's seat in this session that this browser made (by the browser-wide key), removed or not; null for accounts.</summary>
    public async Task<Participant?> ReturningSeatAsync(int sessionId, CancellationToken ct = default)
    {
        if (user.Id is not null || user.BrowserKey is not { } key) return null;
        var hash = ParticipantRules.BrowserKeyHash(sessionId, key);
        return await db.Participants.FirstOrDefaultAsync(p => p.SessionId == sessionId && p.UserId == null && p.BrowserKeyHash == hash, ct);
    }

    private async Task<Joined> RestoreAsync(SessionCaller caller, Participant seat, CancellationToken ct)
    {
        var key = Tokens.New();
        seat.GuestKeyHash = Tokens.Hash(key);
        await events.SaveAsync(caller.SessionId, ct);
        user.HoldGuestKey(caller.SessionId, key);
        access.Forget(caller.SessionId);
        return new Joined(seat, key);
    }

    private async Task<Joined> AddAsync(SessionCaller caller, string? userId, string name, Perspective perspective, string? guestKey, CancellationToken ct)
    {
        var participant = new Participant
        {
            SessionId = caller.SessionId,
            UserId = userId,
            GuestKeyHash = guestKey is null ? null : Tokens.Hash(guestKey),
            BrowserKeyHash = guestKey is not null && user.BrowserKey is { } browserKey ? ParticipantRules.BrowserKeyHash(caller.SessionId, browserKey) : null,
            DisplayName = name,
            Perspective = perspective,
            JoinedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Participants.Add(participant);
        long sequence;
        try
        {
            sequence = await events.SaveAsync(caller.SessionId, ct);
        }
        catch (DbUpdateException) when (userId is not null)
        {
            // Two tabs joined at once: the unique index kept one; use it. Any other failure is not ours to hide.
            db.Entry(participant).State = EntityState.Detached;
            var existing = await db.Participants.FirstOrDefaultAsync(p => p.SessionId == caller.SessionId && p.UserId == userId, ct);
            if (existing is null) throw;
            return new Joined(existing, null);
        }
        // The guest's cookie goes out with the response; this request's caller holds the key from now on.
        if (guestKey is not null) user.HoldGuestKey(caller.SessionId, guestKey);
        access.Forget(caller.SessionId);
        // Presence goes out as one small count, not the whole list to everyone on every join.
        await events.TellAsync(caller.SessionId, async () =>
        {
            await events.ToAll(caller.SessionId).ParticipationChanged(await events.ParticipationAsync(caller.SessionId, caller.Session.CurrentStepId, ct), sequence);
            await events.ToFacilitators(caller.SessionId).ParticipantsChanged(await ParticipantRules.PeopleAsync(db, caller.SessionId, caller.Session.CurrentStepId, ct), sequence);
        }, ct);
        return new Joined(participant, guestKey);
    }

    /// <summary>Account names may be longer than a post-it's name line; cut, not refuse: it is the person's own name.</summary>
    private static string Fit(string name) => name.Trim().Length <= SessionLimits.DisplayName ? name.Trim() : name.Trim()[..SessionLimits.DisplayName].TrimEnd();
}
