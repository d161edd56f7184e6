using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Proeftuin.Shared;

public sealed record Crumb(string Label, string? Url);

public static class Breadcrumbs
{
    private const string Key = "Breadcrumbs";

    /// <summary>Labels are localizer keys (Dutch) or data (titles); the layout renders them.</summary>
    public static void SetCrumbs(this ViewDataDictionary viewData, params Crumb[] crumbs) => viewData[Key] = crumbs;

    public static IReadOnlyList<Crumb> Crumbs(this ViewDataDictionary viewData) => viewData[Key] as Crumb[] ?? [];
}
