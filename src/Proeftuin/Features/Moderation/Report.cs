namespace Proeftuin.Features.Moderation;

/// <summary>Why someone reports a contribution ("Melden").</summary>
public enum ReportReason
{
    Offensive = 0,
    PersonalData = 1,
    Spam = 2,
    Untrue = 3,
    Other = 4,
}

/// <summary>What a moderator did with a contribution; a report is closed with the step that handled it.</summary>
public enum ModerationStep
{
    Hidden = 0,
    Restored = 1,
    Edited = 2,
    /// <summary>Looked at and left as it is.</summary>
    Kept = 3,
}

/// <summary>A melding about a contribution, by a signed-in reader. Open until a moderator handles it; the reporter is told the outcome.</summary>
public sealed class Report
{
    public int Id { get; set; }
    /// <summary>The word in the address of the contribution's kind (<see cref="IModerationTarget.Kind"/>).</summary>
    public string TargetKind { get; set; } = "";
    public int TargetId { get; set; }
    /// <summary>Whose queue it is in: the project's facilitators (and admins).</summary>
    public int? ProjectId { get; set; }
    public string? ReporterId { get; set; }
    public ReportReason Reason { get; set; }
    public string Note { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? HandledAt { get; set; }
    public ModerationStep? Outcome { get; set; }
}

/// <summary>One step by a moderator, with the reason the author and reporters are told; the history of a contribution.</summary>
public sealed class ModerationAction
{
    public int Id { get; set; }
    public string TargetKind { get; set; } = "";
    public int TargetId { get; set; }
    public int? ProjectId { get; set; }
    public ModerationStep Step { get; set; }
    public string Reason { get; set; } = "";
    public string? ModeratorId { get; set; }
    public DateTime CreatedAt { get; set; }
}
