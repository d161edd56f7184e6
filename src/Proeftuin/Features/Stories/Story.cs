using Proeftuin.Features.Thread;

namespace Proeftuin.Features.Stories;

/// <summary>
/// Ervaringsverhaal: a resident's story, told in answer to a prompt, with the teller's consent scope.
/// Often about health or money (special-category data), so withdrawal really erases: see <c>WithdrawStory</c>.
/// </summary>
public sealed class Story : ThreadItem
{
    public int? PromptId { get; set; }
    public StoryPrompt? Prompt { get; set; }
    /// <summary>The account that told it; null when shared through a share link or recorded on someone's behalf.</summary>
    public string? TellerId { get; set; }
    public Accounts.AppUser? Teller { get; set; }
    /// <summary>The name shown with the story; empty means a pseudonym ("Verteller 12").</summary>
    public string? TellerName { get; set; }
    public ConsentScope Scope { get; set; } = ConsentScope.Team;
    /// <summary>May be quoted in reports and exported with its text.</summary>
    public bool MayQuote { get; set; }
    /// <summary>The teller wants an e-mail when their story feeds something new.</summary>
    public bool NotifyByEmail { get; set; }
    /// <summary>Only for tellers without an account who asked for e-mail; erased on withdrawal.</summary>
    public string? TellerEmail { get; set; }
    /// <summary>Hash of the private key given to a teller without an account, to read, signify and withdraw their story.</summary>
    public string? TellerKeyHash { get; set; }
    /// <summary>Opgetekend door: the facilitator who wrote it down on the teller's behalf.</summary>
    public string? RecordedById { get; set; }
    /// <summary>When consent was given (by the teller, or confirmed by the recorder).</summary>
    public DateTime ConsentAt { get; set; }
    public string? ConsentById { get; set; }
    public DateTime? WithdrawnAt { get; set; }
    public int? FrameworkVersion { get; set; }
    /// <summary>The teller's own signification (triads, dyads, stones, choices) as JSON; see Features/Signification.</summary>
    public string? SignificationJson { get; set; }
    public DateTime? SignifiedAt { get; set; }

    public bool IsWithdrawn => WithdrawnAt is not null;
}

/// <summary>Who may read a story, chosen by its teller.</summary>
public enum ConsentScope
{
    /// <summary>Project members with role Member or higher.</summary>
    Team = 0,
    /// <summary>Everyone who may read the project.</summary>
    Project = 1,
    /// <summary>Readable where the project is, with name and details hidden from everyone outside the team.</summary>
    PublicAnonymised = 2,
}

/// <summary>"Vertel over een moment waarop …": what the project asks residents to tell.</summary>
public sealed class StoryPrompt
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public string Text { get; set; } = "";
    public int Position { get; set; }
    public bool IsArchived { get; set; }
}
