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
    /// <summary>Sent on registration: it confirms the address and keeps the password chosen then.</summary>
    public bool ConfirmsRegistration { get; set; }

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);
}
