using Proeftuin.Web;

namespace Proeftuin.Features.Stories;

/// <summary>The API (and export) names of consent scopes (ADR 0017): written out, never derived.</summary>
public static class StorySlugs
{
    public static readonly ApiSlugs<ConsentScope> Scope = new(new Dictionary<ConsentScope, string>
    {
        [ConsentScope.Team] = "Team",
        [ConsentScope.Project] = "Project",
        [ConsentScope.PublicAnonymised] = "PublicAnonymised",
    });
}
