namespace Proeftuin.Features.Stories;

/// <summary>
/// One dated change to a story's consent: who may read it, whether it may be quoted, its name, or a new private key.
/// Shown on the story page to the teller and the team. Never holds the removed name itself. Erased with the story
/// on withdrawal.
/// </summary>
public sealed class StoryConsentChange
{
    public int Id { get; set; }
    public int StoryId { get; set; }
    public DateTime At { get; set; }
    public ConsentChangeKind Kind { get; set; }
    /// <summary>For <see cref="ConsentChangeKind.Scope"/>: the scope names; for <see cref="ConsentChangeKind.Quote"/>: "true"/"false".</summary>
    public string? From { get; set; }
    public string? To { get; set; }
    /// <summary>True: the teller (account or key); false: a facilitator, on the teller's request.</summary>
    public bool ByTeller { get; set; }
    /// <summary>The account that made the change; null for a teller with only a key, or when that account is gone.</summary>
    public string? ById { get; set; }
}

public enum ConsentChangeKind
{
    Scope = 0,
    Quote = 1,
    NameRemoved = 2,
    /// <summary>A new slip with a new private key: the old key no longer works.</summary>
    NewKey = 3,
}
