using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Lessons;
using Proeftuin.Features.Members;
using Proeftuin.Features.Projects;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Features.Experiments;

public sealed record CriterionView(int Id, int Number, string What, string Measure, string Threshold, CriterionResult? Result, string? Evidence);

/// <summary>A rule set aside; Lapsing when it ends within 14 days (or has ended) while the proef is not over.</summary>
public sealed record RuleView(int Id, string Rule, string ApprovedBy, DateOnly Until, int DaysLeft, bool Lapsing)
{
    public bool Lapsed => DaysLeft < 0;
}

public sealed record ObservationView(int Id, string Title, string Text, string Html, DateOnly ObservedOn, Perspective KnowledgeSource,
    int? CriterionId, string? CriterionWhat, string? AuthorName, DateTime CreatedAt);

public sealed record MeasurementView(int Id, int CriterionId, string CriterionWhat, string Value, DateOnly MeasuredOn, string Note, string? AuthorName, DateTime CreatedAt);

public sealed record LessonView(int Id, string Text);

public sealed record DecisionView(int Id, DecisionChoice Choice, Phase? BackToPhase, string? WhatChanges, bool BrilliantFailure, string? FailureTaught,
    string Reasoning, string ReasoningHtml, DateTime CreatedAt, string? AuthorName, LessonView? Lesson);

public sealed record PrototypeRef(int Id, string Title);

/// <summary>Everything about one proef that its page, report and API show, with what the caller may do.</summary>
public sealed record ExperimentView(
    int Id, int ProjectId, string ProjectTitle, string Title, string Hypothesis, string HypothesisHtml, string Place,
    DateOnly StartsOn, DateOnly EndsOn, int DaysLeft, string ParticipantsWho, int ParticipantCount, string Recruitment,
    string Safety, string SafetyHtml, string MeasurementPlan, string MeasurementPlanHtml, ExperimentStatus Status,
    DateTime? StartedAt, DateTime? EndedAt, PrototypeRef? Prototype, string? AuthorName, DateTime CreatedAt,
    IReadOnlyList<CriterionView> Criteria, IReadOnlyList<RuleView> Rules, IReadOnlyList<ObservationView> Observations,
    IReadOnlyList<MeasurementView> Measurements, DecisionView? Decision, ProjectPermissions Permissions)
{
    public bool CanContribute => Permissions.CanContribute;
    public bool CanFacilitate => Permissions.CanFacilitate;
    /// <summary>Observations and measurements are logged while the proef runs.</summary>
    public bool CanLog => CanContribute && Status == ExperimentStatus.Running;
    public bool CanRecordResults => CanFacilitate && Status == ExperimentStatus.Ended && Decision is null;
    public bool AllResultsIn => Criteria.Count > 0 && Criteria.All(c => c.Result is not null);
    public bool CanDecide => CanRecordResults && AllResultsIn;
    public IReadOnlyList<RuleView> LapsingRules => [.. Rules.Where(r => r.Lapsing)];
}

/// <summary>One proef for whoever may read its project (404 otherwise): its plan, criteria, regelruimte, run and outcome.</summary>
public sealed class GetExperiment(AppDbContext db, ProjectAccess access, TimeProvider clock)
{
    public async Task<ExperimentView?> RunAsync(int id, CancellationToken ct = default)
    {
        var e = await db.Items.OfType<Experiment>().AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { Experiment = x, ProjectTitle = x.Project.Title, AuthorName = x.Author == null ? null : x.Author.DisplayName })
            .FirstOrDefaultAsync(ct);
        if (e is null) return null;
        var p = await access.ForProjectAsync(e.Experiment.ProjectId, ct);
        if (p is null) return null;
        var x = e.Experiment;
        var names = p.CanSeeMemberNames;
        var today = ExperimentDates.Today(clock);
        var criteria = await db.Set<SuccessCriterion>().AsNoTracking().Where(c => c.ExperimentId == id).OrderBy(c => c.Position).ThenBy(c => c.Id).ToListAsync(ct);
        var whatOf = criteria.ToDictionary(c => c.Id, c => c.What);
        var rules = await db.Set<RuleException>().AsNoTracking().Where(r => r.ExperimentId == id).OrderBy(r => r.Position).ThenBy(r => r.Id).ToListAsync(ct);
        var observations = await db.Items.OfType<Observation>().AsNoTracking().Where(o => o.ExperimentId == id)
            .OrderByDescending(o => o.ObservedOn).ThenByDescending(o => o.Id)
            .Select(o => new { o.Id, o.Title, o.Text, o.Html, o.ObservedOn, o.KnowledgeSource, o.CriterionId, Author = o.Author == null ? null : o.Author.DisplayName, o.CreatedAt })
            .ToListAsync(ct);
        var measurements = await db.Set<Measurement>().AsNoTracking().Where(m => m.ExperimentId == id)
            .OrderByDescending(m => m.MeasuredOn).ThenByDescending(m => m.Id)
            .GroupJoin(db.Users, m => m.AuthorId, u => u.Id, (m, us) => new { m, us })
            .SelectMany(g => g.us.DefaultIfEmpty(), (g, u) => new { g.m, Author = u == null ? null : u.DisplayName })
            .ToListAsync(ct);
        var decision = await db.Items.OfType<Decision>().AsNoTracking().Where(d => d.ExperimentId == id).OrderBy(d => d.Id)
            .Select(d => new { Decision = d, Author = d.Author == null ? null : d.Author.DisplayName })
            .FirstOrDefaultAsync(ct);
        LessonView? lesson = null;
        if (decision is not null)
        {
            // A team lesson shows only to the team (ADR 0034).
            var teamLessons = LessonRules.SeesTeamLessons(p);
            lesson = await db.Links.AsNoTracking().Where(l => l.FromId == decision.Decision.Id && l.To.Kind == ItemKind.Lesson)
                .Where(l => teamLessons || ((Lesson)l.To).Visibility == LessonVisibility.Public).OrderBy(l => l.Id)
                .Select(l => new LessonView(l.ToId, l.To.Text)).FirstOrDefaultAsync(ct);
        }
        var prototype = x.PrototypeId is { } pid
            ? await db.Items.AsNoTracking().Where(i => i.Id == pid).Select(i => new PrototypeRef(i.Id, i.Title)).FirstOrDefaultAsync(ct)
            : null;
        var open = x.Status != ExperimentStatus.Ended;
        return new ExperimentView(
            x.Id, x.ProjectId, e.ProjectTitle, x.Title, x.Text, x.Html, x.Place, x.StartsOn, x.EndsOn, x.EndsOn.DayNumber - today.DayNumber,
            x.ParticipantsWho, x.ParticipantCount, x.Recruitment, x.Safety, x.SafetyHtml, x.MeasurementPlan, x.MeasurementPlanHtml, x.Status,
            x.StartedAt, x.EndedAt, prototype, names ? e.AuthorName : null, x.CreatedAt,
            [.. criteria.Select((c, i) => new CriterionView(c.Id, i + 1, c.What, c.Measure, c.Threshold, c.Result, c.Evidence))],
            [.. rules.Select(r => new RuleView(r.Id, r.Rule, r.ApprovedBy, r.Until, r.Until.DayNumber - today.DayNumber,
                open && r.Until.DayNumber - today.DayNumber <= ExperimentLimits.LapseWarningDays))],
            [.. observations.Select(o => new ObservationView(o.Id, o.Title, o.Text, o.Html, o.ObservedOn, o.KnowledgeSource, o.CriterionId,
                o.CriterionId is { } cid ? whatOf.GetValueOrDefault(cid) : null, names ? o.Author : null, o.CreatedAt))],
            [.. measurements.Select(m => new MeasurementView(m.m.Id, m.m.CriterionId, whatOf.GetValueOrDefault(m.m.CriterionId, ""), m.m.Value, m.m.MeasuredOn,
                m.m.Note, names ? m.Author : null, m.m.CreatedAt))],
            decision is null ? null : new DecisionView(decision.Decision.Id, decision.Decision.Choice, decision.Decision.BackToPhase, decision.Decision.WhatChanges,
                decision.Decision.BrilliantFailure, decision.Decision.FailureTaught, decision.Decision.Text, decision.Decision.Html, decision.Decision.CreatedAt,
                names ? decision.Author : null, lesson),
            p);
    }

    /// <summary>The experiment's project and the caller's rights there; null when it does not exist or may not be read.</summary>
    public async Task<(Experiment Experiment, ProjectPermissions Permissions)?> LoadAsync(int id, bool track, CancellationToken ct = default)
    {
        var query = db.Items.OfType<Experiment>().Where(x => x.Id == id);
        var experiment = await (track ? query : query.AsNoTracking()).FirstOrDefaultAsync(ct);
        if (experiment is null) return null;
        var p = await access.ForProjectAsync(experiment.ProjectId, ct);
        return p is null ? null : (experiment, p);
    }
}
