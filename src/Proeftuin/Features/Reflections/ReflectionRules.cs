using Proeftuin.Features.Members;
using Proeftuin.Web;

namespace Proeftuin.Features.Reflections;

/// <summary>
/// Who does what with a reflection (ADR 0035). Evaluators and facilitators (and admins) plan it and write its outcome;
/// the team (members and up) answers its prompts; guests answer in its live session. The plan and the outcome are read
/// like the rest of the thread; the answers are the team's working material, so only the project's members (and
/// admins) read them — people answer more openly when they know who reads along.
/// </summary>
public static class ReflectionRules
{
    public const string Closed = "De reflectie is afgerond. Je kunt niet meer antwoorden.";
    public const string ClosedPlan = "De reflectie is afgerond. De planning ligt vast; je kunt de uitkomst nog aanpassen.";

    public static bool MayLead(ProjectPermissions p) => p.Role is ProjectRole.Evaluator or ProjectRole.Facilitator || p.IsAdmin;

    public static bool MayAnswer(ProjectPermissions p) => p.IsTeam;

    public static bool SeesAnswers(ProjectPermissions p) => p.IsMember || p.IsAdmin;
}
