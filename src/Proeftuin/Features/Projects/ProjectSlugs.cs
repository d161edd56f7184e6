using Proeftuin.Web;

namespace Proeftuin.Features.Projects;

/// <summary>
/// The API names of the project enums (ADR 0017): written out, English, independent of the Dutch labels. Phase, status
/// and visibility keep the names the API has always sent; domains were Dutch words taken from the label (zorg, wonen)
/// and are English now, with the Dutch words still read on input for one release.
/// </summary>
public static class ProjectSlugs
{
    public static readonly ApiSlugs<Phase> Phase = new(new Dictionary<Phase, string>
    {
        [Projects.Phase.Empathize] = "Empathize",
        [Projects.Phase.Define] = "Define",
        [Projects.Phase.Ideate] = "Ideate",
        [Projects.Phase.Prototype] = "Prototype",
        [Projects.Phase.Test] = "Test",
    });

    public static readonly ApiSlugs<ProjectStatus> Status = new(new Dictionary<ProjectStatus, string>
    {
        [ProjectStatus.Active] = "Active",
        [ProjectStatus.Paused] = "Paused",
        [ProjectStatus.Finished] = "Finished",
    });

    public static readonly ApiSlugs<Visibility> Visibility = new(new Dictionary<Visibility, string>
    {
        [Projects.Visibility.Open] = "Open",
        [Projects.Visibility.MembersOnly] = "MembersOnly",
    });

    /// <summary>One slug per single domain; a project's domains go out as a list of these.</summary>
    public static readonly ApiSlugs<Domains> Domain = new ApiSlugs<Domains>(new Dictionary<Domains, string>
    {
        [Domains.Care] = "care",
        [Domains.Safety] = "safety",
        [Domains.Education] = "education",
        [Domains.Labour] = "labour",
        [Domains.Housing] = "housing",
        [Domains.Income] = "income",
    }).Accepting(new Dictionary<string, Domains>
    {
        // For one release (the one after issue 10 removes them): the Dutch words the API sent before. Read, never sent.
        ["zorg"] = Domains.Care,
        ["veiligheid"] = Domains.Safety,
        ["onderwijs"] = Domains.Education,
        ["arbeidsmarkt"] = Domains.Labour,
        ["wonen"] = Domains.Housing,
        ["inkomen"] = Domains.Income,
    });

    /// <summary>A project's domains as API slugs, in the table's order.</summary>
    public static List<string> Slugs(this Domains domains) => domains.Split().Select(Domain.Of).ToList();
}
