using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Audit;
using Proeftuin.Web;

namespace Proeftuin.Features.Experiments;

/// <summary>Which saved criterion or rule a row of the edit form is (none: a new row), and whether to take it away.</summary>
public sealed record PlanRow(int? Id, bool Remove);

/// <summary>The changed plan (its PrototypeId is ignored) with, row by row, which saved criterion and rule each row is.</summary>
public sealed record ExperimentChanges(ExperimentInput Plan, IReadOnlyList<PlanRow>? CriterionRows, IReadOnlyList<PlanRow>? RuleRows);

/// <summary>
/// The team changes a proef after it was set up, until it is decided: its plan, period, participants, criteria and
/// regelruimte, with the same checks and messages as setting it up (<see cref="ExperimentPlan"/>). The prototype stays.
/// Saved criteria keep their id (and so their measurements, observations and result); one that has any of those cannot be
/// taken away. Once the proef has started its begindatum stays. One SaveChanges with an audit entry. There is no
/// concurrency token on Items: when two people save at once, the last one wins.
/// </summary>
public sealed class EditExperiment(AppDbContext db, GetExperiment get, Markdown markdown, AuditLog audit, TimeProvider clock)
{
    public const string Decided = "Over deze proef is al besloten; je kunt hem niet meer aanpassen.";
    public const string NotOurs = "Deze rij hoort niet bij deze proef. Open de pagina opnieuw en probeer het nog een keer.";
    public const string CriterionInUse = "Dit succescriterium heeft al metingen, observaties of een resultaat. Je kunt het niet weghalen; de tekst kun je wel verbeteren.";
    public const string StartFixed = "De proef is al begonnen. De begindatum blijft {0}; de einddatum kun je wel veranderen.";

    /// <summary>The criteria of the proef that have a result, a measurement or an observation: these cannot be taken away.</summary>
    public async Task<HashSet<int>> CriteriaInUseAsync(int experimentId, CancellationToken ct = default)
    {
        var ids = await db.Set<SuccessCriterion>().AsNoTracking()
            .Where(c => c.ExperimentId == experimentId && (c.Result != null
                || db.Set<Measurement>().Any(m => m.CriterionId == c.Id)
                || db.Items.OfType<Observation>().Any(o => o.ExperimentId == experimentId && o.CriterionId == c.Id)))
            .Select(c => c.Id).ToListAsync(ct);
        return [.. ids];
    }

    public async Task<Outcome<Experiment>> RunAsync(int id, ExperimentChanges changes, CancellationToken ct = default)
    {
        if (await get.LoadAsync(id, track: true, ct) is not var (experiment, p)) return Outcome<Experiment>.NotFound();
        if (!p.CanContribute) return Outcome<Experiment>.Forbidden();
        if (await db.Items.OfType<Decision>().AnyAsync(d => d.ExperimentId == id, ct)) return Outcome<Experiment>.Invalid("", Decided);
        var criteria = await db.Set<SuccessCriterion>().Where(c => c.ExperimentId == id).ToListAsync(ct);
        var rules = await db.Set<RuleException>().Where(r => r.ExperimentId == id).ToListAsync(ct);
        var inUse = await CriteriaInUseAsync(id, ct);

        var input = changes.Plan;
        var criterionRows = changes.CriterionRows ?? [];
        var ruleRows = changes.RuleRows ?? [];
        var v = new Validation();
        // A row marked to be taken away is read as a blank row: not checked, not kept.
        var plan = ExperimentPlan.Read(v, input with
        {
            Criteria = input.Criteria is { } cs ? [.. cs.Select((c, i) => RowAt(criterionRows, i).Remove ? new CriterionInput(null, null, null) : c)] : null,
            Rules = input.Rules is { } rs ? [.. rs.Select((r, i) => RowAt(ruleRows, i).Remove ? new RuleInput(null, null, null) : r)] : null,
        });
        if (experiment.Status != ExperimentStatus.Preparing && plan.StartsOn is { } starts && starts != experiment.StartsOn)
            v.Add("StartsOn", StartFixed, ExperimentDates.Iso(experiment.StartsOn));

        // Every row names a saved criterion of this very proef, once, or none; a criterion in use stays.
        var keptCriteria = new Dictionary<int, SuccessCriterion>();
        var goneCriteria = new List<SuccessCriterion>();
        var rowCount = input.Criteria?.Count ?? 0;
        for (var i = 0; i < Math.Min(rowCount, ExperimentPlan.MaxCriteria); i++)
        {
            if (RowAt(criterionRows, i).Id is not { } cid) continue;
            var at = $"Criteria[{i.ToString(CultureInfo.InvariantCulture)}].What";
            var saved = criteria.FirstOrDefault(c => c.Id == cid);
            if (saved is null || keptCriteria.ContainsKey(cid) || goneCriteria.Contains(saved)) { v.Add(at, NotOurs); continue; }
            if (plan.Criteria.Any(c => c.Row == i)) keptCriteria[cid] = saved;
            else if (inUse.Contains(cid)) v.Add(at, CriterionInUse);
            else goneCriteria.Add(saved);
        }
        var keptRules = new Dictionary<int, RuleException>();
        var goneRules = new List<RuleException>();
        rowCount = input.Rules?.Count ?? 0;
        for (var i = 0; i < Math.Min(rowCount, ExperimentPlan.MaxRules); i++)
        {
            if (RowAt(ruleRows, i).Id is not { } rid) continue;
            var saved = rules.FirstOrDefault(r => r.Id == rid);
            if (saved is null || keptRules.ContainsKey(rid) || goneRules.Contains(saved)) { v.Add($"Rules[{i.ToString(CultureInfo.InvariantCulture)}].Rule", NotOurs); continue; }
            if (plan.Rules.Any(r => r.Row == i)) keptRules[rid] = saved;
            else goneRules.Add(saved);
        }
        if (!v.IsValid) return v;

        var changed = new List<string>();
        void Note(bool differs, string what) { if (differs) changed.Add(what); }
        Note(experiment.Title != plan.Title, "naam");
        Note(experiment.Text != plan.Hypothesis, "hypothese");
        Note(experiment.Place != plan.Place, "plek");
        Note(experiment.StartsOn != plan.StartsOn || experiment.EndsOn != plan.EndsOn, "periode");
        Note(experiment.ParticipantsWho != plan.ParticipantsWho || experiment.ParticipantCount != plan.ParticipantCount || experiment.Recruitment != plan.Recruitment, "deelnemers");
        Note(experiment.Safety != plan.Safety, "veiligheid");
        Note(experiment.MeasurementPlan != plan.MeasurementPlan, "meetplan");

        experiment.Title = plan.Title;
        experiment.Text = plan.Hypothesis;
        experiment.Html = markdown.ToSafeHtml(plan.Hypothesis);
        experiment.Place = plan.Place;
        experiment.StartsOn = plan.StartsOn!.Value;
        experiment.EndsOn = plan.EndsOn!.Value;
        experiment.ParticipantsWho = plan.ParticipantsWho;
        experiment.ParticipantCount = plan.ParticipantCount!.Value;
        experiment.Recruitment = plan.Recruitment;
        experiment.Safety = plan.Safety;
        experiment.SafetyHtml = markdown.ToSafeHtml(plan.Safety);
        experiment.MeasurementPlan = plan.MeasurementPlan;
        experiment.MeasurementPlanHtml = markdown.ToSafeHtml(plan.MeasurementPlan);

        // Criteria in the order of the form; saved ones the form did not mention stay as they are, after them.
        var criteriaBefore = Fingerprint(criteria.OrderBy(c => c.Position).Select(c => (c.Id, c.What + "\n" + c.Measure + "\n" + c.Threshold)));
        var position = 0;
        foreach (var c in plan.Criteria)
        {
            var row = RowAt(criterionRows, c.Row);
            var target = row.Id is { } cid && keptCriteria.TryGetValue(cid, out var saved) ? saved : null;
            if (target is null)
            {
                target = new SuccessCriterion { ExperimentId = experiment.Id };
                experiment.Criteria.Add(target);
            }
            (target.What, target.Measure, target.Threshold, target.Position) = (c.What, c.Measure, c.Threshold, position++);
        }
        foreach (var c in criteria.Where(c => !keptCriteria.ContainsKey(c.Id) && !goneCriteria.Contains(c)).OrderBy(c => c.Position).ThenBy(c => c.Id))
            c.Position = position++;
        foreach (var c in goneCriteria)
        {
            experiment.Criteria.Remove(c);
            db.Remove(c);
        }
        Note(goneCriteria.Count > 0 || criteriaBefore != Fingerprint(experiment.Criteria.OrderBy(c => c.Position).Select(c => (c.Id, c.What + "\n" + c.Measure + "\n" + c.Threshold))),
            "succescriteria");

        var rulesBefore = Fingerprint(rules.OrderBy(r => r.Position).Select(r => (r.Id, r.Rule + "\n" + r.ApprovedBy + "\n" + ExperimentDates.Iso(r.Until))));
        position = 0;
        foreach (var r in plan.Rules)
        {
            var row = RowAt(ruleRows, r.Row);
            var target = row.Id is { } rid && keptRules.TryGetValue(rid, out var saved) ? saved : null;
            if (target is null)
            {
                target = new RuleException { ExperimentId = experiment.Id };
                experiment.Rules.Add(target);
            }
            (target.Rule, target.ApprovedBy, target.Until, target.Position) = (r.Rule, r.ApprovedBy, r.Until, position++);
        }
        foreach (var r in rules.Where(r => !keptRules.ContainsKey(r.Id) && !goneRules.Contains(r)).OrderBy(r => r.Position).ThenBy(r => r.Id))
            r.Position = position++;
        foreach (var r in goneRules)
        {
            experiment.Rules.Remove(r);
            db.Remove(r);
        }
        Note(goneRules.Count > 0 || rulesBefore != Fingerprint(experiment.Rules.OrderBy(r => r.Position).Select(r => (r.Id, r.Rule + "\n" + r.ApprovedBy + "\n" + ExperimentDates.Iso(r.Until)))),
            "regelruimte");

        experiment.SearchTerms = ExperimentPlan.SearchTermsOf(experiment);
        experiment.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        // Which parts changed, never their content (the log keeps no texts).
        audit.Add(AuditAction.ExperimentEdited, experiment.ProjectId, AuditSubjects.Experiment, experiment.Id.ToString(CultureInfo.InvariantCulture),
            detail: changed.Count == 0 ? "niets veranderd" : string.Join(", ", changed));
        await db.SaveChangesAsync(ct);
        return Outcome<Experiment>.Ok(experiment);
    }

    private static PlanRow RowAt(IReadOnlyList<PlanRow> rows, int i) => i < rows.Count && rows[i] is { } row ? row : new PlanRow(null, false);

    private static string Fingerprint(IEnumerable<(int Id, string Text)> rows) => string.Join("\u001f", rows.Select(r => r.Id.ToString(CultureInfo.InvariantCulture) + ":" + r.Text));
}
