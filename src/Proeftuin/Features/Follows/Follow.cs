namespace Proeftuin.Features.Follows;

/// <summary>What a person can follow. The number is stored; the slug is the word in the address.</summary>
public enum FollowTopic
{
    Project = 0,
    Initiative = 1,
    Item = 2,
}

/// <summary>A signed-in person follows a project, an initiative or a thread item, and so hears what happens there.</summary>
public sealed class Follow
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public FollowTopic Topic { get; set; }
    public int TargetId { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>How often a person gets the e-mail with what happened in what they follow. Off: only meldingen in the app.</summary>
public enum DigestFrequency
{
    Off = 0,
    Direct = 1,
    Daily = 2,
    Weekly = 3,
}

/// <summary>
/// A person's choice and the moment of their last digest mail. No row means the default (daily). LastSentAt is taken
/// with a conditional update, so two app nodes never send the same period twice.
/// </summary>
public sealed class DigestSetting
{
    public string UserId { get; set; } = "";
    public DigestFrequency Frequency { get; set; } = DigestFrequency.Daily;
    public DateTime? LastSentAt { get; set; }
}

/// <summary>
/// One line waiting for a person's next digest: what happened, where, and what it is about (a moderation kind and id),
/// so that content hidden by moderation after the news was made is left out when the digest is sent.
/// </summary>
public sealed class DigestEntry
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    /// <summary>The followed project, initiative or item the line is grouped under in the mail.</summary>
    public string Group { get; set; } = "";
    public string Text { get; set; } = "";
    public string Url { get; set; } = "";
    public string? AboutKind { get; set; }
    public int? AboutId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
}

public static class FollowLimits
{
    public const int Group = 200;
    public const int Text = 400;
    public const int Url = 300;
    public const int Kind = 20;
}
