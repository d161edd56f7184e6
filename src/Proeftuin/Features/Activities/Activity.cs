namespace Proeftuin.Features.Activities;

/// <summary>
/// An activity (activiteit) of a programme, or of one project in it: a meeting, a walk, a test afternoon, a reflection
/// session. Times are stored in UTC and shown in Dutch local time. People sign up (an account, or a guest with a name
/// and an e-mail address); when it is full they go on the waiting list, which moves up when someone cancels.
/// </summary>
public sealed class Activity
{
    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    /// <summary>Null: an activity of the whole programme (readable by anyone, like the programme).</summary>
    public int? ProjectId { get; set; }
    public ActivityType Type { get; set; }
    public string Title { get; set; } = "";
    /// <summary>Markdown as written, and its HTML rendered and sanitised once on save.</summary>
    public string Description { get; set; } = "";
    public string DescriptionHtml { get; set; } = "";
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public string Place { get; set; } = "";
    /// <summary>Toegankelijkheid: step-free entrance, hearing loop, a quiet room, how to get there.</summary>
    public string Accessibility { get; set; } = "";
    /// <summary>Null: no limit.</summary>
    public int? Capacity { get; set; }
    /// <summary>How many places are taken (status Registered); changed only with a conditional update, so it never passes Capacity.</summary>
    public int RegisteredCount { get; set; }
    /// <summary>A live session of the same project, attached.</summary>
    public int? SessionId { get; set; }
    /// <summary>A reflection (Features/Reflections) of the same project, attached.</summary>
    public int? ReflectionId { get; set; }
    public DateTime? CancelledAt { get; set; }
    public string? CancelReason { get; set; }
    public string? CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>The calendar file's SEQUENCE: raised on every change, so calendars take the newest version.</summary>
    public int Sequence { get; set; }
    /// <summary>Hidden by moderation: left out of lists, the API and the calendar feeds.</summary>
    public DateTime? HiddenAt { get; set; }

    public bool IsCancelled => CancelledAt is not null;
}

/// <summary>Stored by name.</summary>
public enum ActivityType
{
    Meeting,
    Walk,
    TestAfternoon,
    ReflectionSession,
    Other,
}

/// <summary>Stored by name.</summary>
public enum RegistrationStatus
{
    Registered,
    WaitingList,
    Cancelled,
}

/// <summary>
/// Someone signed up for an activity: an account (UserId) or a guest (name and e-mail address, no account). The order of
/// the waiting list is the order of signing up (CreatedAt, then Id). A guest cancels with the link in their confirmation
/// mail; only the hash of its token is stored.
/// </summary>
public sealed class ActivityRegistration
{
    public int Id { get; set; }
    public int ActivityId { get; set; }
    public string? UserId { get; set; }
    public string? GuestName { get; set; }
    /// <summary>Stored in lower case, so the same address cannot sign up twice.</summary>
    public string? GuestEmail { get; set; }
    public RegistrationStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? CancelledAt { get; set; }
    /// <summary>When someone moved up from the waiting list.</summary>
    public DateTime? PromotedAt { get; set; }
    public string? CancelTokenHash { get; set; }
    public DateTime? ReminderSentAt { get; set; }
}

public static class ActivityLimits
{
    public const int Title = 200;
    public const int Description = 5000;
    public const int Place = 300;
    public const int Accessibility = 1000;
    public const int CancelReason = 1000;
    public const int GuestName = 100;
    public const int Email = 254;
    public const int MaxCapacity = 10_000;
    public static readonly TimeSpan MaxLength = TimeSpan.FromDays(1);
}
