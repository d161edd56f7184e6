using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Experiments;
using Proeftuin.Features.Gates;
using Proeftuin.Features.Members;
using Proeftuin.Features.Projects;
using Proeftuin.Features.Thread;
using Proeftuin.Web;

namespace Proeftuin.Features.Journey;

public enum JourneyEventKind
{
    /// <summary>The project moved to a phase (its start included).</summary>
    Phase,
    Gate,
    /// <summary>A proef, from its start to its end.</summary>
    Experiment,
    Decision,
    /// <summary>A note of the innovatiereis (kwestie, leermoment, …).</summary>
    Entry,
}

/// <summary>
/// One moment on the journey. Label is a localizer key (the type of note, the phase, the verdict); Title is what
/// people wrote, or null for a phase move. Until: a proef's end. Phase: where the project was that day. Code: the API name
/// of a gate's verdict or a decision's choice.
/// </summary>
public sealed record JourneyEvent(DateOnly Day, JourneyEventKind Kind, string Label, string? Title, string? Url, Phase Phase,
    JourneyEntryType? EntryType = null, Perspective? Source = null, DateOnly? Until = null, int? Id = null, string? Code = null);

/// <summary>A stretch of time the project spent in one phase; To is null for the phase it is in now.</summary>
public sealed record PhaseSpan(Phase Phase, DateOnly From, DateOnly? To);

public sealed record JourneyView(int ProjectId, string ProjectTitle, IReadOnlyList<PhaseSpan> Phases, IReadOnlyList<JourneyEvent> Events,
    DateOnly Start, DateOnly End, bool CanWork)
{
    public IReadOnlyList<JourneyEvent> Entries => [.. Events.Where(e => e.Kind == JourneyEventKind.Entry)];
}

/// <summary>
/// The project's innovatiereis: its notes together with the phases, gates, proeven and decisions, in date order, each
/// placed in the phase the project was in that day. The page draws it (SVG with a table), the API and the report read
/// the same. A fixed number of queries.
/// </summary>
public sealed class GetJourney(AppDbContext db, ProjectAccess access, TimeProvider clock)
{
    public async Task<JourneyView?> RunAsync(int projectId, CancellationToken ct = default)
    {
        var p = await access.ForProjectAsync(projectId, ct);
        if (p is null) return null;
        var project = await db.Projects.AsNoTracking().Where(x => x.Id == projectId).Select(x => new { x.Title, x.Phase, x.CreatedAt }).FirstAsync(ct);
        var today = ExperimentDates.Today(clock);
        static DateOnly Day(DateTime utc) => DateOnly.FromDateTime(Shared.Dates.Local(utc));

        var moves = await db.Set<PhaseTransition>().AsNoTracking().Where(t => t.ProjectId == projectId).OrderBy(t => t.At).ThenBy(t => t.Id)
            .Select(t => new { t.ToPhase, t.At }).ToListAsync(ct);
        var spans = new List<PhaseSpan>();
        foreach (var m in moves)
        {
            if (spans.Count > 0) spans[^1] = spans[^1] with { To = Day(m.At) };
            spans.Add(new PhaseSpan(m.ToPhase, Day(m.At), null));
        }
        if (spans.Count == 0) spans.Add(new PhaseSpan(project.Phase, Day(project.CreatedAt), null));
        Phase PhaseOn(DateOnly day) => spans.LastOrDefault(s => s.From <= day)?.Phase ?? spans[0].Phase;

        var events = new List<JourneyEvent>();
        events.AddRange(moves.Select(m => new JourneyEvent(Day(m.At), JourneyEventKind.Phase, m.ToPhase.Label(), null, null, m.ToPhase)));
        var gates = await db.Set<GateDecision>().AsNoTracking().Where(g => g.ProjectId == projectId).Select(g => new { g.Id, g.Verdict, g.Reasons, g.At }).ToListAsync(ct);
        events.AddRange(gates.Select(g => new JourneyEvent(Day(g.At), JourneyEventKind.Gate, g.Verdict.Label(), g.Reasons, $"/projecten/{projectId}#tijdlijn", PhaseOn(Day(g.At)), Id: g.Id, Code: g.Verdict.ToString())));
        var experiments = await db.Items.OfType<Experiment>().AsNoTracking().Where(e => e.ProjectId == projectId)
            .Select(e => new { e.Id, e.Title, e.StartsOn, e.EndsOn }).ToListAsync(ct);
        events.AddRange(experiments.Select(e => new JourneyEvent(e.StartsOn, JourneyEventKind.Experiment, "Proef", e.Title, $"/proeven/{e.Id}", PhaseOn(e.StartsOn), Until: e.EndsOn, Id: e.Id)));
        var decisions = await db.Items.OfType<Decision>().AsNoTracking().Where(d => d.ProjectId == projectId)
            .Select(d => new { d.Id, d.Title, d.Choice, d.CreatedAt }).ToListAsync(ct);
        events.AddRange(decisions.Select(d => new JourneyEvent(Day(d.CreatedAt), JourneyEventKind.Decision, d.Choice.Label(), d.Title, $"/draad/{d.Id}", PhaseOn(Day(d.CreatedAt)), Id: d.Id, Code: d.Choice.ToString())));
        var entries = await db.Items.OfType<JourneyEntry>().AsNoTracking().Where(e => e.ProjectId == projectId)
            .Select(e => new { e.Id, e.Type, e.Title, e.OccurredOn, e.KnowledgeSource }).ToListAsync(ct);
        events.AddRange(entries.Select(e => new JourneyEvent(e.OccurredOn, JourneyEventKind.Entry, e.Type.Label(), e.Title, $"/innovatiereis/{e.Id}", PhaseOn(e.OccurredOn),
            EntryType: e.Type, Source: e.KnowledgeSource, Id: e.Id)));

        var ordered = events.OrderBy(e => e.Day).ThenBy(e => e.Kind).ThenBy(e => e.Id).ToList();
        var start = new[] { spans[0].From, ordered.Count > 0 ? ordered[0].Day : today }.Min();
        var end = ordered.Select(e => e.Until ?? e.Day).Append(today).Max();
        return new JourneyView(projectId, project.Title, spans, ordered, start, end, SaveJourneyEntry.MayWork(p));
    }
}
