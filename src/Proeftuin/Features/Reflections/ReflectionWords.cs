namespace Proeftuin.Features.Reflections;

/// <summary>The Dutch words (localizer keys, B1) and API names for a reflection.</summary>
public static class ReflectionWords
{
    public static string Label(this ReflectionStatus status) => status switch
    {
        ReflectionStatus.Planned => "Gepland",
        ReflectionStatus.Done => "Afgerond",
        _ => status.ToString(),
    };
}
