namespace Proeftuin.Features.Projects;

/// <summary>A theme such as armoede or eenzaamheid; the list is edited by admins.</summary>
public sealed class Theme
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public List<Project> Projects { get; set; } = [];
}
