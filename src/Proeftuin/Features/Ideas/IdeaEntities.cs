using Proeftuin.Features.Members;

namespace Proeftuin.Features.Ideas;

/// <summary>
/// One status change of an idea: from, to, why, by whom and when. The history of an idea is these rows in order.
/// ByUserId is emptied when that person's account is erased; the change itself stays.
/// </summary>
public sealed class IdeaStatusChange
{
    public int Id { get; set; }
    public int IdeaId { get; set; }
    public int ProjectId { get; set; }
    public IdeaStatus FromStatus { get; set; }
    public IdeaStatus ToStatus { get; set; }
    /// <summary>Required when parking an idea, optional otherwise; empty when none was given.</summary>
    public string Reason { get; set; } = "";
    public string? ByUserId { get; set; }
    public DateTime At { get; set; }
}

/// <summary>
/// "Ik steun dit idee": one per person per idea. The perspective counted is stored with it: the person's project
/// perspective when they are a member, otherwise the one they chose. UserId is null after the person's account was
/// erased: the support keeps counting under its perspective, as a session's stippen do.
/// </summary>
public sealed class IdeaSupport
{
    public int Id { get; set; }
    public int IdeaId { get; set; }
    public int ProjectId { get; set; }
    public string? UserId { get; set; }
    public Perspective Perspective { get; set; }
    public DateTime CreatedAt { get; set; }
}

public static class IdeaLimits
{
    public const int Reason = 1000;
}
