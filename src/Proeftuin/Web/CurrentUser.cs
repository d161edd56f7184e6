using System.Security.Claims;

namespace Proeftuin.Web;

/// <summary>Who is asking, read once from the request.</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor)
{
    public const string AdminRole = "Admin";

    private ClaimsPrincipal Principal => accessor.HttpContext?.User ?? new ClaimsPrincipal();
    public bool IsSignedIn => Principal.Identity?.IsAuthenticated == true;
    public string? Id => IsSignedIn ? Principal.FindFirstValue(ClaimTypes.NameIdentifier) : null;
    public bool IsAdmin => IsSignedIn && Principal.IsInRole(AdminRole);
    public string? DisplayName => Principal.FindFirstValue("display_name") ?? Principal.Identity?.Name;
}
