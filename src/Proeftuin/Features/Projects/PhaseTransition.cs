namespace Proeftuin.Features.Projects;

/// <summary>A recorded gate decision: who moved the project from which phase to which, when and why.</summary>
public sealed class PhaseTransition
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public Phase? FromPhase { get; set; }
    public Phase ToPhase { get; set; }
    public string Reason { get; set; } = "";
    public string? ByUserId { get; set; }
    public Accounts.AppUser? ByUser { get; set; }
    public DateTime At { get; set; }
}
