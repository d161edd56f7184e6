using Microsoft.AspNetCore.Identity;
using Proeftuin.Features.Members;

namespace Proeftuin.Features.Accounts;

public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public Perspective DefaultPerspective { get; set; } = Perspective.Experience;
    /// <summary>"nl" or "en".</summary>
    public string Language { get; set; } = "nl";
    public DateTime CreatedAt { get; set; }
    /// <summary>The last successful sign-in, by password or by link (for admins: who still uses Proeftuin).</summary>
    public DateTime? LastSignInAt { get; set; }
    /// <summary>Blocked by an admin: no sign-in by password or link, and existing sessions end at the next security-stamp check.</summary>
    public DateTime? BlockedAt { get; set; }

    public bool IsBlocked => BlockedAt is not null;
}
