namespace Proeftuin.Features.Signification;

/// <summary>
/// A project's self-signification framework (triads, dyads, stones, choices), stored as JSON in our own
/// schema (reference/self-signification.md). Version goes up on every change so answers keep their meaning.
/// </summary>
public sealed class SignificationFramework
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public int Version { get; set; } = 1;
    public string Json { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedById { get; set; }
}
