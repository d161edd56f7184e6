namespace Proeftuin.Features.Thread;

/// <summary>
/// Verband: From → To, read as "From onderbouwt / leidt tot / beantwoordt To". Walking To→From goes back
/// to what motivated an item; From→To goes forward to what came of it.
/// </summary>
public sealed class Link
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public int FromId { get; set; }
    public ThreadItem From { get; set; } = null!;
    public int ToId { get; set; }
    public ThreadItem To { get; set; } = null!;
    public LinkType Type { get; set; }
    public string? CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
}

public enum LinkType
{
    Supports = 0,
    LeadsTo = 1,
    Answers = 2,
}
