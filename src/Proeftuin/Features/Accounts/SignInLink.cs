namespace Proeftuin.Features.Accounts;

/// <summary>A one-time sign-in link sent by e-mail: valid 15 minutes, used once. Only the token's hash is stored.</summary>
public sealed class SignInLink
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public string TokenHash { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
    /// <summary>The address it was sent to: after an address change, links to the old one stop working.</summary>
    public string Email { get; set; } = "";
    /// <summary>
    /// Sent to confirm an address (registration, address change). A plain sign-in link to an unconfirmed
    /// account instead ends any password someone set without proving the mailbox.
    /// </summary>
    public bool ConfirmsAddress { get; set; }
    /// <summary>The password hash chosen at this registration, set when the link is used.</summary>
    public string? PasswordHash { get; set; }

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);
}
