using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Audit;
using Proeftuin.Web;

namespace Proeftuin.Features.Experiments;

public sealed record ResultInput(int? CriterionId, CriterionResult? Result, string? Evidence);

/// <summary>
/// A facilitator records, once the proef has ended and before the decision, the result of every success criterion:
/// gehaald, deels or niet, each with its evidence. All criteria at once; may be corrected until the decision is taken.
/// </summary>
public sealed class RecordResults(AppDbContext db, GetExperiment get, Caller user, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<Experiment>> RunAsync(int experimentId, IReadOnlyList<ResultInput>? input, CancellationToken ct = default)
    {
        if (await get.LoadAsync(experimentId, track: false, ct) is not var (experiment, p)) return Outcome<Experiment>.NotFound();
        if (!p.CanFacilitate) return Outcome<Experiment>.Forbidden();
        if (experiment.Status != ExperimentStatus.Ended)
            return Outcome<Experiment>.Invalid("Results[0].Result", "De proef is nog niet afgerond. Rond de proef eerst af; daarna leg je de resultaten vast.");
        if (await db.Items.OfType<Decision>().AnyAsync(d => d.ExperimentId == experimentId, ct))
            return Outcome<Experiment>.Invalid("Results[0].Result", "Over deze proef is al besloten. De resultaten liggen daarmee vast.");
        var criteria = await db.Set<SuccessCriterion>().Where(c => c.ExperimentId == experimentId).ToListAsync(ct);
        var rows = input ?? [];
        var v = new Validation();
        var seen = new HashSet<int>();
        var results = new List<(SuccessCriterion Criterion, CriterionResult Result, string Evidence)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var at = $"Results[{i.ToString(CultureInfo.InvariantCulture)}].";
            var row = rows[i];
            var criterion = row?.CriterionId is { } id ? criteria.FirstOrDefault(c => c.Id == id) : null;
            if (row is null || criterion is null || !seen.Add(criterion.Id))
            {
                v.Add(at + "Result", "Dit succescriterium hoort niet bij deze proef. Laad de pagina opnieuw.");
                continue;
            }
            if (row.Result is not { } result || !Enum.IsDefined(result))
                v.Add(at + "Result", "Kies of dit criterium gehaald is: gehaald, deels of niet.");
            var evidence = v.Text(at + "Evidence", row.Evidence, ExperimentLimits.Lengthy, label: "waaruit dat blijkt");
            if (row.Result is { } r && Enum.IsDefined(r)) results.Add((criterion, r, evidence));
        }
        if (v.IsValid && seen.Count < criteria.Count)
            v.Add("Results[0].Result", "Geef elk succescriterium een resultaat.");
        if (!v.IsValid) return v;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (criterion, result, evidence) in results)
        {
            criterion.Result = result;
            criterion.Evidence = evidence;
            criterion.ResultAt = now;
            criterion.ResultById = user.Id;
        }
        var met = results.Count(r => r.Result == CriterionResult.Met);
        var partly = results.Count(r => r.Result == CriterionResult.Partly);
        audit.Add(AuditAction.ExperimentResultsRecorded, experiment.ProjectId, AuditSubjects.Experiment, experiment.Id.ToString(CultureInfo.InvariantCulture),
            detail: $"{results.Count} criteria: {met} gehaald, {partly} deels, {results.Count - met - partly} niet");
        await db.SaveChangesAsync(ct);
        return Outcome<Experiment>.Ok(experiment);
    }
}
