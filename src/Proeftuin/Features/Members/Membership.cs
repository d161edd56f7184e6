namespace Proeftuin.Features.Members;

/// <summary>A person's place in a project: role and the knowledge source (perspective) they bring.</summary>
public sealed class Membership
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public Projects.Project Project { get; set; } = null!;
    public string UserId { get; set; } = "";
    public Accounts.AppUser User { get; set; } = null!;
    public ProjectRole Role { get; set; } = ProjectRole.Member;
    public Perspective Perspective { get; set; } = Perspective.Experience;
    public DateTime JoinedAt { get; set; }
    /// <summary>
    /// Externe reviewer (issue 13, ADR 0035): meaningful with role Observer. Reads like an observer, and may also comment
    /// on thread items and write review advice (Features/Review). Not a role: code compares roles with &gt;= Member.
    /// </summary>
    public bool Reviewer { get; set; }
}

public enum ProjectRole
{
    Observer = 0,
    Member = 1,
    Evaluator = 2,
    Facilitator = 3,
}

/// <summary>Kennisbron: experiential, professional and scientific knowledge count equally.</summary>
public enum Perspective
{
    Experience = 0,
    Professional = 1,
    Scientific = 2,
}

public static class MemberWords
{
    /// <summary>An observer with the reviewer flag (ADR 0035), as the member list and the role choice call it.</summary>
    public const string ExternalReviewer = "Externe reviewer";

    /// <summary>The form value of the role choice "Externe reviewer": role Observer with the reviewer flag.</summary>
    public const string ReviewerChoice = "Reviewer";

    /// <summary>A member's role as shown: "Externe reviewer" for an observer with the flag.</summary>
    public static string Label(this ProjectRole role, bool reviewer) => reviewer && role == ProjectRole.Observer ? ExternalReviewer : role.Label();

    public static string Label(this ProjectRole role) => role switch
    {
        ProjectRole.Observer => "Toeschouwer",
        ProjectRole.Member => "Deelnemer",
        ProjectRole.Evaluator => "Evaluator",
        ProjectRole.Facilitator => "Procesbegeleider",
        _ => role.ToString(),
    };

    public static string Label(this Perspective perspective) => perspective switch
    {
        Perspective.Experience => "Ervaringskennis",
        Perspective.Professional => "Professionele kennis",
        Perspective.Scientific => "Wetenschappelijke kennis",
        _ => perspective.ToString(),
    };

    /// <summary>The knowledge itself, lower case, for use inside a sentence.</summary>
    public static string Knowledge(this Perspective perspective) => perspective switch
    {
        Perspective.Experience => "kennis uit ervaring",
        Perspective.Professional => "kennis uit de praktijk",
        Perspective.Scientific => "kennis uit onderzoek",
        _ => perspective.ToString(),
    };

    /// <summary>Who brings this knowledge, for plain-language hints.</summary>
    public static string People(this Perspective perspective) => perspective switch
    {
        Perspective.Experience => "inwoners en ervaringsdeskundigen",
        Perspective.Professional => "professionals",
        Perspective.Scientific => "onderzoekers",
        _ => perspective.ToString(),
    };
}
