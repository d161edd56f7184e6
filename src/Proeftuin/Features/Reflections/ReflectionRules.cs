using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
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

    /// <summary>
    /// The reflection (with its prompts and invitations) for who may do something with it: NotFound when it does not
    /// exist or its project may not be read, Forbidden when the rule says no.
    /// </summary>
    public static async Task<Outcome<(Reflection Reflection, ProjectPermissions Permissions)>> LoadAsync(
        AppDbContext db, ProjectAccess access, int id, Func<ProjectPermissions, bool> may, CancellationToken ct)
    {
        var reflection = await db.Items.OfType<Reflection>().Include(r => r.Prompts).Include(r => r.Participants).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (reflection is null) return Outcome<(Reflection, ProjectPermissions)>.NotFound();
        var p = await access.ForProjectAsync(reflection.ProjectId, ct);
        if (p is null) return Outcome<(Reflection, ProjectPermissions)>.NotFound();
        return may(p) ? Outcome<(Reflection, ProjectPermissions)>.Ok((reflection, p)) : Outcome<(Reflection, ProjectPermissions)>.Forbidden();
    }
}
