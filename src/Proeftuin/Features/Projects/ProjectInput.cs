using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Projects;

/// <summary>The editable fields of a project, shared by create and edit.</summary>
public sealed class ProjectInput
{
    public string? Title { get; set; }
    public string? CentralQuestion { get; set; }
    public string? Description { get; set; }
    public List<Domains> Domains { get; set; } = [];
    public List<int> ThemeIds { get; set; } = [];
    public Visibility Visibility { get; set; } = Visibility.Open;
    public ProjectStatus Status { get; set; } = ProjectStatus.Active;

    /// <summary>Checks the input and copies it onto the project; nothing is saved here.</summary>
    internal async Task<Validation> ApplyToAsync(Project project, AppDbContext db, CancellationToken ct)
    {
        var v = new Validation();
        var title = v.Text(nameof(Title), Title, ProjectLimits.Title, label: "een titel");
        var question = v.Text(nameof(CentralQuestion), CentralQuestion, ProjectLimits.CentralQuestion, label: "het vraagstuk");
        var description = v.Text(nameof(Description), Description, ProjectLimits.Description, required: false, label: "De beschrijving");
        var domains = Projects.Domains.None;
        foreach (var d in Domains)
        {
            if (!ProjectWords.AllDomains.Contains(d)) { v.Add(nameof(Domains), "Kies alleen domeinen uit de lijst."); break; }
            domains |= d;
        }
        v.Enum(nameof(Visibility), Visibility, "Kies wie het project mag zien.");
        v.Enum(nameof(Status), Status, "Kies een status.");
        var themeIds = ThemeIds.Distinct().ToList();
        var themes = themeIds.Count == 0 ? [] : await db.Themes.Where(t => themeIds.Contains(t.Id)).ToListAsync(ct);
        if (themes.Count != themeIds.Count) v.Add(nameof(ThemeIds), "Kies alleen thema's uit de lijst.");
        if (!v.IsValid) return v;

        project.Title = title;
        project.CentralQuestion = question;
        project.Description = description;
        project.Domains = domains;
        project.Visibility = Visibility;
        project.Status = Status;
        project.Themes.Clear();
        project.Themes.AddRange(themes);
        return v;
    }

    public static ProjectInput From(Project p) => new()
    {
        Title = p.Title,
        CentralQuestion = p.CentralQuestion,
        Description = p.Description,
        Domains = p.Domains.Split().ToList(),
        ThemeIds = p.Themes.Select(t => t.Id).ToList(),
        Visibility = p.Visibility,
        Status = p.Status,
    };
}
