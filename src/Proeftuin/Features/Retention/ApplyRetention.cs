using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Proeftuin.Data;
using Proeftuin.Features.Moderation;
using Proeftuin.Features.Audit;
using Proeftuin.Features.Sessions;
using Proeftuin.Web;

namespace Proeftuin.Features.Retention;

/// <summary>How many of each were removed or made anonymous in one run. Counts only: never names.</summary>
public sealed record RetentionResult(int GuestParticipants, int JoinCodes, int UnconfirmedAccounts, int AuditEvents, int SignInLinks,
    int Invitations, int PasswordFailures)
{
    public int Total => GuestParticipants + JoinCodes + UnconfirmedAccounts + AuditEvents + SignInLinks + Invitations + PasswordFailures;

    /// <summary>The audit entry's detail, in Dutch, content-free.</summary>
    public string Detail =>
        $"Gasten: {GuestParticipants}, toegangscodes: {JoinCodes}, accounts: {UnconfirmedAccounts}, logboekregels: {AuditEvents}, " +
        $"inloglinks: {SignInLinks}, uitnodigingen: {Invitations}, mislukte wachtwoorden: {PasswordFailures}";
}

/// <summary>
/// Applies the bewaartermijnen once: what is past its period is removed or made anonymous, the counts go into the
/// audit log as "Bewaartermijnen toegepast" by the system, and on SQLite the write-ahead log is emptied so removed
/// text is gone from the files too. Every step is a guarded bulk statement, so two app instances running it at the
/// same time do no harm.
/// </summary>
public sealed class ApplyRetention(AppDbContext db, AuditLog audit, Caller user, TimeProvider clock, IOptions<RetentionOptions> options)
{
    public const string FormerParticipant = AuditWords.FormerParticipant;
    /// <summary>A closed session's join code becomes this prefix and its id: unique, and never a code anyone can type.</summary>
    public static readonly string ClearedCodePrefix = "~";

    public async Task<RetentionResult> RunAsync(CancellationToken ct = default)
    {
        var o = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;

        // Guests of sessions closed long ago: no name and no key any more; the row stays so their post-its and stippen
        // still count (and keep their knowledge source) in the results, shown as "oud-deelnemer".
        var sessionsBefore = now.AddMonths(-o.GuestMonths);
        var oldSessions = db.Sessions.Where(s => s.State == SessionState.Closed && s.ClosedAt != null && s.ClosedAt < sessionsBefore).Select(s => s.Id);
        var guests = await db.Participants
            .Where(p => p.UserId == null && oldSessions.Contains(p.SessionId) && (p.GuestKeyHash != null || p.BrowserKeyHash != null || p.DisplayName != FormerParticipant))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.GuestKeyHash, (string?)null).SetProperty(p => p.BrowserKeyHash, (string?)null).SetProperty(p => p.DisplayName, FormerParticipant), ct);
        var codes = await db.Sessions.Where(s => oldSessions.Contains(s.Id) && !s.JoinCode.StartsWith(ClearedCodePrefix))
            .Select(s => s.Id).ToListAsync(ct);
        foreach (var id in codes)
            await db.Sessions.Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.JoinCode, ClearedCode(id)), ct);

        // Accounts nobody ever confirmed or used, that hold nothing: someone typed an address that was not theirs, or gave up.
        var accountsBefore = now.AddDays(-o.AccountDays);
        var accounts = await db.Users
            .Where(u => !u.EmailConfirmed && u.LastSignInAt == null && u.CreatedAt < accountsBefore
                && !db.UserRoles.Any(r => r.UserId == u.Id)
                && !db.Memberships.Any(m => m.UserId == u.Id)
                && !db.Participants.Any(p => p.UserId == u.Id)
                && !db.Items.WithHidden().Any(i => i.AuthorId == u.Id)
                && !db.Stories.WithHidden().Any(s => s.TellerId == u.Id)
                && !db.Comments.WithHidden().Any(c => c.AuthorId == u.Id))
            .ExecuteDeleteAsync(ct);

        var auditBefore = now.AddMonths(-o.AuditMonths);
        var auditEvents = await db.AuditEvents.Where(e => e.At < auditBefore).ExecuteDeleteAsync(ct);

        var linksBefore = now - RetentionOptions.SignInLinkGrace;
        var links = await db.SignInLinks.Where(l => l.ExpiresAt < linksBefore).ExecuteDeleteAsync(ct);
        // Every invitation ends 14 days after it was made; used and revoked ones earlier still. After the grace
        // period nobody needs its page any more.
        var invitationsBefore = now - RetentionOptions.InvitationGrace;
        var invitations = await db.Invitations.Where(i => i.ExpiresAt < invitationsBefore).ExecuteDeleteAsync(ct);
        var failuresBefore = now - Accounts.PasswordThrottle.Window;
        var failures = await db.PasswordFailures.Where(f => f.At <= failuresBefore).ExecuteDeleteAsync(ct);

        var result = new RetentionResult(guests, codes.Count, accounts, auditEvents, links, invitations, failures);
        await audit.RecordAsync(AuditAction.RetentionApplied, subjectType: AuditSubjects.Retention, detail: result.Detail, actorKind: ActorKinds.System, ct: ct);
        if (result.Total > 0) await DatabaseCheckpoint.TruncateWalAsync(db, ct);
        return result;
    }

    private static readonly string Base36 = "0123456789abcdefghijklmnopqrstuvwxyz";

    /// <summary>"~" and the id in base 36: at most six characters up to 60 million sessions.</summary>
    public static string ClearedCode(int sessionId)
    {
        var digits = Base36;
        var text = "";
        for (var n = sessionId; n > 0 || text.Length == 0; n /= 36) text = digits[n % 36] + text;
        return ClearedCodePrefix + text;
    }

    /// <summary>What the admin page shows: the periods and the newest run.</summary>
    public async Task<Outcome<RetentionOverview>> OverviewAsync(CancellationToken ct = default)
    {
        if (!user.IsAdmin) return Outcome<RetentionOverview>.Forbidden();
        var last = await db.AuditEvents.AsNoTracking().Where(e => e.Action == AuditAction.RetentionApplied)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Select(e => new { e.At, e.Detail }).FirstOrDefaultAsync(ct);
        return Outcome<RetentionOverview>.Ok(new RetentionOverview(options.Value, last?.At, last?.Detail));
    }
}

public sealed record RetentionOverview(RetentionOptions Options, DateTime? LastRunAt, string? LastRunDetail);
