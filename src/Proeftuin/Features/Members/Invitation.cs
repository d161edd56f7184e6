namespace Proeftuin.Features.Members;

/// <summary>An invitation to join a project, sent by e-mail or shared as a link. Only the token's hash is stored.</summary>
public sealed class Invitation
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public Projects.Project Project { get; set; } = null!;
    public string? Email { get; set; }
    public string TokenHash { get; set; } = "";
    public ProjectRole Role { get; set; } = ProjectRole.Member;
    public string CreatedById { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? AcceptedAt { get; set; }
    public string? AcceptedById { get; set; }
    /// <summary>Taken back by a facilitator: the link no longer works, and says so.</summary>
    public DateTime? RevokedAt { get; set; }
}
