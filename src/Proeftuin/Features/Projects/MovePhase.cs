using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Projects;

/// <summary>
/// A facilitator moves the project to another phase, forward or back, and says why.
/// Design thinking is not a straight line, so any other phase may be chosen; the history keeps every move.
/// </summary>
public sealed class MovePhase(AppDbContext db, ProjectAccess access, Caller user, TimeProvider clock)
{
    public async Task<Outcome<PhaseTransition>> RunAsync(int projectId, Phase to, string? reason, CancellationToken ct = default)
    {
        var permissions = await access.ForProjectAsync(projectId, ct);
        if (permissions is null) return Outcome<PhaseTransition>.NotFound();
        if (!permissions.CanManage) return Outcome<PhaseTransition>.Forbidden();

        var v = new Validation();
        v.Enum("ToPhase", to, "Kies een fase.");
        var why = v.Text("Reason", reason, ProjectLimits.Reason, label: "de reden");
        var project = await db.Projects.FirstAsync(p => p.Id == projectId, ct);
        if (v.IsValid && project.Phase == to) v.Add("ToPhase", "Het project zit al in deze fase. Kies een andere fase.");
        if (!v.IsValid) return v;

        var transition = Stage(project, to, why);
        return await db.SaveOrConflictAsync(transition, ct);
    }

    /// <summary>
    /// The one place a phase move is written: the project's phase and its PhaseTransition, not yet saved. The gate
    /// decision (Features/Gates, ADR 0028) stages the move here and saves it together with the decision.
    /// </summary>
    public PhaseTransition Stage(Project project, Phase to, string reason)
    {
        var transition = new PhaseTransition { ProjectId = project.Id, FromPhase = project.Phase, ToPhase = to, Reason = reason, ByUserId = user.Id, At = clock.GetUtcNow().UtcDateTime };
        project.Phase = to;
        project.MarkChanged();
        db.PhaseTransitions.Add(transition);
        return transition;
    }
}
