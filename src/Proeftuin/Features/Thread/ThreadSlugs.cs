using Proeftuin.Web;

namespace Proeftuin.Features.Thread;

/// <summary>The API names of link types (ADR 0017). Item kinds carry theirs in their descriptor (<see cref="ThreadKind.ApiSlug"/>).</summary>
public static class ThreadSlugs
{
    public static readonly ApiSlugs<LinkType> Link = new(new Dictionary<LinkType, string>
    {
        [LinkType.Supports] = "supports",
        [LinkType.LeadsTo] = "leadsTo",
        [LinkType.Answers] = "answers",
    });
}
