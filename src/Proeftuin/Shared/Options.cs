using Microsoft.AspNetCore.Mvc.Rendering;
using Proeftuin.Features.Members;
using Proeftuin.Features.Projects;

namespace Proeftuin.Shared;

/// <summary>Select options for the domain's enums; texts are localizer keys (FieldTagHelper localizes them).</summary>
public static class PerspectiveOptions
{
    public static IEnumerable<SelectListItem> Items() =>
        Enum.GetValues<Perspective>().Select(p => new SelectListItem(p.Label(), p.ToString()));
}

public static class RoleOptions
{
    public static IEnumerable<SelectListItem> Items() =>
        Enum.GetValues<ProjectRole>().Reverse().Select(r => new SelectListItem(r.Label(), r.ToString()));
}

public static class PhaseOptions
{
    public static IEnumerable<SelectListItem> Items() =>
        Enum.GetValues<Phase>().Select(p => new SelectListItem(p.Label(), p.ToString()));
}

public static class VisibilityOptions
{
    public static IEnumerable<SelectListItem> Items() =>
        Enum.GetValues<Visibility>().Select(v => new SelectListItem(v.Label(), v.ToString()));
}

public static class StatusOptions
{
    public static IEnumerable<SelectListItem> Items() =>
        Enum.GetValues<ProjectStatus>().Select(s => new SelectListItem(s.Label(), s.ToString()));
}

public static class LanguageOptions
{
    public static IEnumerable<SelectListItem> Items() => [new("Nederlands", "nl"), new("English", "en")];
}
