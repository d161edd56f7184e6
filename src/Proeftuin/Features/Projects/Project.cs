namespace Proeftuin.Features.Projects;

/// <summary>One innovation challenge (project / deelproject) inside a programme.</summary>
public sealed class Project
{
    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    public Programmes.Programme Programme { get; set; } = null!;
    public int? ParentProjectId { get; set; }
    public Project? ParentProject { get; set; }
    public List<Project> SubProjects { get; set; } = [];

    public string Title { get; set; } = "";
    public string CentralQuestion { get; set; } = "";
    public string Description { get; set; } = "";
    public Domains Domains { get; set; }
    public List<Theme> Themes { get; set; } = [];
    public Visibility Visibility { get; set; } = Visibility.Open;
    public ProjectStatus Status { get; set; } = ProjectStatus.Active;
    public Phase Phase { get; set; } = Phase.Empathize;
    public DateTime CreatedAt { get; set; }
    /// <summary>
    /// Concurrency token. Changes whose rules span several rows (at least one facilitator, the phase a move
    /// starts from) bump it, so two people acting at the same moment cannot both win.
    /// </summary>
    public int Version { get; set; }
    /// <summary>Secret part of the share link through which anyone can tell a story without an account; null when off.</summary>
    public string? StoryShareToken { get; set; }

    public List<Members.Membership> Members { get; set; } = [];
    public List<PhaseTransition> PhaseHistory { get; set; } = [];

    public void MarkChanged() => Version++;
}

public enum Phase
{
    Empathize = 0,
    Define = 1,
    Ideate = 2,
    Prototype = 3,
    Test = 4,
}

/// <summary>The domains of the social domain a project crosses; flags so one column holds them all.</summary>
[Flags]
public enum Domains
{
    None = 0,
    Care = 1,
    Safety = 2,
    Education = 4,
    Labour = 8,
    Housing = 16,
    Income = 32,
}

public enum Visibility
{
    Open = 0,
    MembersOnly = 1,
}

public enum ProjectStatus
{
    Active = 0,
    Paused = 1,
    Finished = 2,
}

/// <summary>Dutch UI words (the localizer keys) for the project enums, from reference/vocabulary.md.</summary>
public static class ProjectWords
{
    public static string Label(this Phase phase) => phase switch
    {
        Phase.Empathize => "Inleven",
        Phase.Define => "Probleem definiëren",
        Phase.Ideate => "Ideeën bedenken",
        Phase.Prototype => "Prototypen",
        Phase.Test => "Testen",
        _ => phase.ToString(),
    };

    public static string Label(this Domains domain) => domain switch
    {
        Domains.Care => "Zorg",
        Domains.Safety => "Veiligheid",
        Domains.Education => "Onderwijs",
        Domains.Labour => "Arbeidsmarkt",
        Domains.Housing => "Wonen",
        Domains.Income => "Inkomen",
        _ => domain.ToString(),
    };

    public static string Label(this Visibility visibility) => visibility switch
    {
        Visibility.Open => "Open voor iedereen",
        Visibility.MembersOnly => "Alleen voor leden",
        _ => visibility.ToString(),
    };

    public static string Label(this ProjectStatus status) => status switch
    {
        ProjectStatus.Active => "Actief",
        ProjectStatus.Paused => "Gepauzeerd",
        ProjectStatus.Finished => "Afgerond",
        _ => status.ToString(),
    };

    public static readonly Domains[] AllDomains =
        [Domains.Care, Domains.Safety, Domains.Education, Domains.Labour, Domains.Housing, Domains.Income];

    public static IEnumerable<Domains> Split(this Domains domains) => AllDomains.Where(d => domains.HasFlag(d));

    // The programme page's filter words (?domein=zorg): Dutch page words, written out so rewording a label keeps them.
    // The API has its own English names (ProjectSlugs.Domain).
    private static readonly Dictionary<Domains, string> PageWords = new()
    {
        [Domains.Care] = "zorg",
        [Domains.Safety] = "veiligheid",
        [Domains.Education] = "onderwijs",
        [Domains.Labour] = "arbeidsmarkt",
        [Domains.Housing] = "wonen",
        [Domains.Income] = "inkomen",
    };

    /// <summary>Stable lower-case Dutch word for the programme page's filter (zorg, wonen, …).</summary>
    public static string Slug(this Domains domain) => PageWords[domain];

    /// <summary>A domain from the page word or the English API slug, any case.</summary>
    public static Domains? DomainFromSlug(string? slug) =>
        AllDomains.Cast<Domains?>().FirstOrDefault(d => string.Equals(d!.Value.Slug(), slug, StringComparison.OrdinalIgnoreCase))
        ?? ProjectSlugs.Domain.Parse(slug);

    public static Phase? PhaseFromSlug(string? slug) => ProjectSlugs.Phase.Parse(slug);
}
