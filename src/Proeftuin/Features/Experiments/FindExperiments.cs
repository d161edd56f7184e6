using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Experiments;

/// <summary>One line of the project's list: status, days left, and regelruimte that lapses within 14 days (or has lapsed).</summary>
public sealed record ExperimentRow(int Id, string Title, string? PrototypeTitle, ExperimentStatus Status, DateOnly StartsOn, DateOnly EndsOn, int DaysLeft,
    int LapsingRules, DateOnly? FirstLapse, DecisionChoice? Decision);

public sealed record ExperimentList(int ProjectId, string ProjectTitle, IReadOnlyList<ExperimentRow> Rows, ProjectPermissions Permissions);

/// <summary>The proeven of a project, newest first, for whoever may read it; three queries whatever the number.</summary>
public sealed class FindExperiments(AppDbContext db, ProjectAccess access, TimeProvider clock)
{
    public async Task<ExperimentList?> RunAsync(int projectId, CancellationToken ct = default)
    {
        var p = await access.ForProjectAsync(projectId, ct);
        if (p is null) return null;
        var title = await db.Projects.Where(x => x.Id == projectId).Select(x => x.Title).FirstAsync(ct);
        var rows = await db.Items.OfType<Experiment>().AsNoTracking().Where(e => e.ProjectId == projectId)
            .OrderByDescending(e => e.StartsOn).ThenByDescending(e => e.Id)
            .Select(e => new
            {
                e.Id,
                e.Title,
                e.Status,
                e.StartsOn,
                e.EndsOn,
                Prototype = db.Items.Where(i => i.Id == e.PrototypeId).Select(i => i.Title).FirstOrDefault(),
                Decision = db.Items.OfType<Decision>().Where(d => d.ExperimentId == e.Id).Select(d => (DecisionChoice?)d.Choice).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var today = ExperimentDates.Today(clock);
        var warnFrom = today.AddDays(ExperimentLimits.LapseWarningDays);
        var lapsing = (await db.Set<RuleException>().AsNoTracking().Where(r => ids.Contains(r.ExperimentId) && r.Until <= warnFrom)
                .Select(r => new { r.ExperimentId, r.Until }).ToListAsync(ct))
            .ToLookup(r => r.ExperimentId);
        return new ExperimentList(projectId, title, [.. rows.Select(r =>
        {
            // A finished proef needs no warning any more.
            var rules = r.Status == ExperimentStatus.Ended ? [] : lapsing[r.Id].ToList();
            return new ExperimentRow(r.Id, r.Title, r.Prototype, r.Status, r.StartsOn, r.EndsOn, r.EndsOn.DayNumber - today.DayNumber,
                rules.Count, rules.Count == 0 ? null : rules.Min(x => x.Until), r.Decision);
        })], p);
    }
}
