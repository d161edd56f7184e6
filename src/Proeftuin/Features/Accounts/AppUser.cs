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
}
