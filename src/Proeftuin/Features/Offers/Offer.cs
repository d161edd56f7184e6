namespace Proeftuin.Features.Offers;

/// <summary>Aanbod (someone offers something) or vraag (someone looks for something). Stored as a number.</summary>
public enum OfferDirection
{
    Offer = 0,
    Request = 1,
}

/// <summary>What is offered or asked for: time, a space, skills or things.</summary>
public enum OfferCategory
{
    Time = 0,
    Space = 1,
    Skills = 2,
    Materials = 3,
}

public static class OfferLimits
{
    public const int Title = 200;
    public const int Text = 4000;
    public const int Place = 100;
    public const int Message = 2000;
}

/// <summary>
/// Vraag en aanbod (issue 14): an offer or a request of time, space, skills or things within a programme, optionally
/// within one of its projects (then read as that project). Text is Markdown, rendered once on save. The owner marks it
/// "geregeld" (ClosedAt). HiddenAt and ModerationNote: moderation, kind "aanbod". Erasing the owner deletes it.
/// </summary>
public sealed class Offer
{
    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    public int? ProjectId { get; set; }
    public OfferDirection Direction { get; set; }
    public OfferCategory Category { get; set; }
    public string Title { get; set; } = "";
    public string Text { get; set; } = "";
    public string TextHtml { get; set; } = "";
    /// <summary>Where, for instance the wijk; optional.</summary>
    public string? Place { get; set; }
    public string OwnerId { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public DateTime? HiddenAt { get; set; }
    public string? ModerationNote { get; set; }
}

/// <summary>"Dit aanbod past bij deze vraag": one aanbod and one vraag of the same programme, suggested once by anyone who may read both.</summary>
public sealed class OfferMatch
{
    public int Id { get; set; }
    /// <summary>The aanbod.</summary>
    public int OfferId { get; set; }
    /// <summary>The vraag.</summary>
    public int RequestId { get; set; }
    /// <summary>Emptied when that person's account is erased; the match stays.</summary>
    public string? SuggestedById { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// A private message about an offer, between its owner and one other person; only those two read it. No e-mail address
/// is ever shown. FromId and ToId are emptied when a person is erased (their sent messages are deleted).
/// </summary>
public sealed class OfferMessage
{
    public int Id { get; set; }
    public int OfferId { get; set; }
    public string? FromId { get; set; }
    public string? ToId { get; set; }
    public string Text { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
}
