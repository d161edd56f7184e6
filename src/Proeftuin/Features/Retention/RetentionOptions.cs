namespace Proeftuin.Features.Retention;

/// <summary>
/// Bewaartermijnen (section "Retention" in the settings). Each period counts from the moment the data stops being
/// needed: a session's close, an account's creation, an audit entry's date.
/// </summary>
public sealed class RetentionOptions
{
    public static readonly string Section = "Retention";

    /// <summary>Off: the background job does not run (tests, or a deployment that runs it elsewhere).</summary>
    public bool Enabled { get; set; } = true;
    /// <summary>Guest participants and join data of sessions closed longer ago than this become "oud-deelnemer".</summary>
    public int GuestParticipantsMonths { get; set; } = 12;
    /// <summary>Accounts that never confirmed their address nor signed in, and hold nothing, go after this many days.</summary>
    public int UnconfirmedAccountDays { get; set; } = 7;
    /// <summary>Audit log entries older than this go.</summary>
    public int AuditLogMonths { get; set; } = 24;
    /// <summary>How often the job runs (it also runs a minute after start).</summary>
    public int IntervalHours { get; set; } = 24;

    /// <summary>Ended invitations (used, revoked or expired) and expired sign-in links stay this long, so their page can still say why they no longer work.</summary>
    public static readonly TimeSpan InvitationGrace = TimeSpan.FromDays(30);
    public static readonly TimeSpan SignInLinkGrace = TimeSpan.FromDays(1);

    // A zero or negative period in the settings would remove everything at once: at least one of each.
    public int GuestMonths => Math.Max(1, GuestParticipantsMonths);
    public int AccountDays => Math.Max(1, UnconfirmedAccountDays);
    public int AuditMonths => Math.Max(1, AuditLogMonths);
    public TimeSpan Interval => TimeSpan.FromHours(Math.Clamp(IntervalHours, 1, 24 * 7));
}
