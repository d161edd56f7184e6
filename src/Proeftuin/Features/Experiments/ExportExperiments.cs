using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Audit;
using Proeftuin.Features.Projects;
using Proeftuin.Features.Signification;
using Proeftuin.Web;

namespace Proeftuin.Features.Experiments;

/// <summary>
/// The project's proeven as CSV or XLSX for the team: one row per success criterion (a proef without criteria cannot
/// exist), with the proef's plan, regelruimte, result and decision beside it. Written by the same writers as the story
/// export (ExportStories), so formula injection is guarded the same way. No names of people.
/// </summary>
public sealed class ExportExperiments(AppDbContext db, ProjectAccess access, AuditLog audit)
{
    public static readonly string[] Columns =
    [
        "Proef", "Naam", "Status", "Prototype", "Hypothese", "Plek", "Begin", "Einde", "Deelnemers", "Aantal deelnemers", "Werving",
        "Regelruimte", "Criterium", "Hoe gemeten", "Drempel", "Resultaat", "Onderbouwing", "Metingen", "Observaties", "Besluit",
        "Terug naar fase", "Wat verandert", "Briljante mislukking", "Les",
    ];

    public async Task<Outcome<ExportTable>> TableAsync(int projectId, CancellationToken ct = default)
    {
        var p = await access.ForProjectAsync(projectId, ct);
        if (p is null) return Outcome<ExportTable>.NotFound();
        if (!p.CanContribute) return Outcome<ExportTable>.Forbidden();
        var experiments = await db.Items.OfType<Experiment>().AsNoTracking().Where(e => e.ProjectId == projectId).OrderBy(e => e.Id).ToListAsync(ct);
        var ids = experiments.Select(e => e.Id).ToList();
        var prototypeIds = experiments.Where(e => e.PrototypeId != null).Select(e => e.PrototypeId!.Value).ToList();
        var prototypes = await db.Items.AsNoTracking().Where(i => prototypeIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Title, ct);
        var criteria = (await db.Set<SuccessCriterion>().AsNoTracking().Where(c => ids.Contains(c.ExperimentId)).OrderBy(c => c.Position).ThenBy(c => c.Id).ToListAsync(ct))
            .ToLookup(c => c.ExperimentId);
        var rules = (await db.Set<RuleException>().AsNoTracking().Where(r => ids.Contains(r.ExperimentId)).OrderBy(r => r.Position).ToListAsync(ct))
            .ToLookup(r => r.ExperimentId);
        var measurements = (await db.Set<Measurement>().AsNoTracking().Where(m => ids.Contains(m.ExperimentId)).OrderBy(m => m.MeasuredOn).ThenBy(m => m.Id)
            .Select(m => new { m.CriterionId, m.Value, m.MeasuredOn }).ToListAsync(ct)).ToLookup(m => m.CriterionId);
        var observations = (await db.Items.OfType<Observation>().AsNoTracking().Where(o => ids.Contains(o.ExperimentId))
            .GroupBy(o => o.ExperimentId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct)).ToDictionary(x => x.Key, x => x.Count);
        var decisions = await db.Items.OfType<Decision>().AsNoTracking().Where(d => ids.Contains(d.ExperimentId)).ToListAsync(ct);
        var decisionIds = decisions.Select(d => d.Id).ToList();
        var lessons = await db.Links.AsNoTracking().Where(l => decisionIds.Contains(l.FromId) && l.To.Kind == Thread.ItemKind.Lesson)
            .Select(l => new { l.FromId, l.To.Text }).ToListAsync(ct);
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var e in experiments)
        {
            var decision = decisions.FirstOrDefault(d => d.ExperimentId == e.Id);
            var lesson = decision is null ? null : lessons.FirstOrDefault(l => l.FromId == decision.Id)?.Text;
            var ruleText = string.Join("; ", rules[e.Id].Select(r => $"{r.Rule} (toestemming: {r.ApprovedBy}; tot {ExperimentDates.Iso(r.Until)})"));
            foreach (var c in criteria[e.Id])
            {
                rows.Add(
                [
                    e.Id, e.Title, ExperimentSlugs.Status.Of(e.Status), e.PrototypeId is { } pid ? prototypes.GetValueOrDefault(pid) : null, e.Text, e.Place,
                    ExperimentDates.Iso(e.StartsOn), ExperimentDates.Iso(e.EndsOn), e.ParticipantsWho, e.ParticipantCount, e.Recruitment,
                    ruleText, c.What, c.Measure, c.Threshold, c.Result is { } r ? ExperimentSlugs.Result.Of(r) : null, c.Evidence,
                    string.Join("; ", measurements[c.Id].Select(m => $"{ExperimentDates.Iso(m.MeasuredOn)}: {m.Value}")),
                    observations.GetValueOrDefault(e.Id),
                    decision is null ? null : ExperimentSlugs.Choice.Of(decision.Choice),
                    decision?.BackToPhase is { } b ? ProjectSlugs.Phase.Of(b) : null, decision?.WhatChanges,
                    decision is null ? null : decision.BrilliantFailure ? "ja" : "nee", lesson,
                ]);
            }
        }
        return Outcome<ExportTable>.Ok(new ExportTable(Columns, rows));
    }

    /// <summary>format is csv (the default) or xlsx; who may not export gets NotFound or Forbidden before the format is looked at.</summary>
    public async Task<Outcome<ExportFile>> RunAsync(int projectId, string? format, CancellationToken ct = default)
    {
        var table = await TableAsync(projectId, ct);
        if (!table.IsOk) return table.Status == OutcomeStatus.NotFound ? Outcome<ExportFile>.NotFound() : Outcome<ExportFile>.Forbidden();
        var name = $"proeven-project-{projectId.ToString(CultureInfo.InvariantCulture)}";
        ExportFile file;
        if (string.IsNullOrEmpty(format) || string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
            file = new ExportFile(name + ".csv", "text/csv; charset=utf-8", ExportStories.ToCsv(table.Value!));
        else if (string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase))
            file = new ExportFile(name + ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ExportStories.ToXlsx(table.Value!, "Proeven"));
        else
            return Outcome<ExportFile>.Invalid("format", "Kies csv of xlsx als formaat.");
        await audit.RecordAsync(AuditAction.ExperimentsExported, projectId, AuditSubjects.Project, projectId.ToString(CultureInfo.InvariantCulture),
            detail: $"{(file.FileName.EndsWith(".csv", StringComparison.Ordinal) ? "CSV-bestand" : "Excel-bestand")}, {table.Value!.Rows.Count} regels", ct: ct);
        return Outcome<ExportFile>.Ok(file);
    }
}
