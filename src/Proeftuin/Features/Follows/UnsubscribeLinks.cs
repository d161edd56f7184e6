using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Proeftuin.Features.Follows;

/// <summary>
/// The one-click unsubscribe link in every digest (RFC 8058): the person's id, protected by the app's data-protection
/// keys. Nothing is stored, it works without signing in, and a changed or made-up link is refused.
/// </summary>
public sealed class UnsubscribeLinks(IDataProtectionProvider protection)
{
    private readonly IDataProtector protector = protection.CreateProtector("Proeftuin.Follows.Unsubscribe.v1");

    public static string Path(string token) => "/volgen/afmelden?t=" + Uri.EscapeDataString(token);

    public string TokenFor(string userId) => protector.Protect(userId);

    public string? UserOf(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1000) return null;
        try
        {
            return protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
