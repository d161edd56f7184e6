using System.Globalization;
using Proeftuin.Data;
using Proeftuin.Features.Audit;
using Proeftuin.Web;

namespace Proeftuin.Features.Experiments;

/// <summary>The team starts a proef that is being prepared, and ends one that runs. Each change is in the audit log.</summary>
public sealed class ChangeExperimentStatus(AppDbContext db, GetExperiment get, AuditLog audit, TimeProvider clock)
{
    public Task<Outcome<Experiment>> StartAsync(int id, CancellationToken ct = default) =>
        MoveAsync(id, ExperimentStatus.Preparing, ExperimentStatus.Running, ct);

    public Task<Outcome<Experiment>> EndAsync(int id, CancellationToken ct = default) =>
        MoveAsync(id, ExperimentStatus.Running, ExperimentStatus.Ended, ct);

    private async Task<Outcome<Experiment>> MoveAsync(int id, ExperimentStatus from, ExperimentStatus to, CancellationToken ct)
    {
        if (await get.LoadAsync(id, track: true, ct) is not var (experiment, p)) return Outcome<Experiment>.NotFound();
        if (!p.CanContribute) return Outcome<Experiment>.Forbidden();
        if (experiment.Status != from)
            return Outcome<Experiment>.Invalid("Status", to == ExperimentStatus.Running
                ? "Deze proef is al gestart."
                : experiment.Status == ExperimentStatus.Preparing ? "Deze proef is nog niet gestart. Start hem eerst." : "Deze proef is al afgerond.");
        var now = clock.GetUtcNow().UtcDateTime;
        experiment.Status = to;
        experiment.UpdatedAt = now;
        if (to == ExperimentStatus.Running) experiment.StartedAt = now;
        else experiment.EndedAt = now;
        audit.Add(to == ExperimentStatus.Running ? AuditAction.ExperimentStarted : AuditAction.ExperimentEnded, experiment.ProjectId,
            AuditSubjects.Experiment, experiment.Id.ToString(CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(ct);
        return Outcome<Experiment>.Ok(experiment);
    }
}
