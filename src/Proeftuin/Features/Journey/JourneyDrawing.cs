using System.Globalization;
using Proeftuin.Features.Projects;

namespace Proeftuin.Features.Journey;

/// <summary>
/// The journey drawn on the server (no script): time runs left to right; one row for the phases, one for the proeven
/// (bars, in as few lanes as fit), one for gates and decisions, one for the notes (a letter per type, so colour is
/// never the only sign). The page puts the same moments in a table below it.
/// </summary>
public static class JourneyDrawing
{
    public const int Width = 960;
    public const int Left = 130;
    public const int Right = 20;
    public const int PlotWidth = Width - Left - Right;
    public const int Top = 10;
    public const int RowHeight = 36;
    public const int LaneHeight = 14;

    public sealed record Bar(double X, double Width, double Y, string Title);

    public sealed record Mark(double X, double Y, string Letter, string Title);

    public sealed record Tick(double X, string Label);

    public sealed record Band(double X, double Width, string Label, int Index);

    public sealed record Layout(IReadOnlyList<Band> Phases, IReadOnlyList<Bar> Experiments, IReadOnlyList<Mark> Gates, IReadOnlyList<Mark> Notes,
        IReadOnlyList<Tick> Ticks, double ExperimentsY, double GatesY, double NotesY, double AxisY, double Height);

    /// <summary>The letter in a note's circle: the first of its Dutch name (the caption below the drawing explains them).</summary>
    private static readonly Dictionary<JourneyEntryType, string> Letters = new()
    {
        [JourneyEntryType.Issue] = "K",
        [JourneyEntryType.LearningMoment] = "L",
        [JourneyEntryType.Answer] = "A",
        [JourneyEntryType.Signpost] = "R",
        [JourneyEntryType.DeadEnd] = "D",
    };

    public static string Letter(JourneyEntryType type) => Letters[type];

    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>Phase and gate labels are localizer keys; <paramref name="words"/> turns them into the page's language.</summary>
    public static Layout For(JourneyView v, Func<string, string> words, CultureInfo culture)
    {
        var days = Math.Max(1, v.End.DayNumber - v.Start.DayNumber);
        double X(DateOnly day) => Left + PlotWidth * (double)(Math.Clamp(day.DayNumber, v.Start.DayNumber, v.End.DayNumber) - v.Start.DayNumber) / days;

        var phases = v.Phases.Select((s, i) => new Band(X(s.From), Math.Max(2, X(s.To ?? v.End) - X(s.From)), words(s.Phase.Label()), i)).ToList();

        // Proeven in lanes: each goes in the first lane whose last bar has ended.
        var lanesEnd = new List<DateOnly>();
        var bars = new List<(DateOnly From, DateOnly To, int Lane, string Title)>();
        foreach (var e in v.Events.Where(e => e.Kind == JourneyEventKind.Experiment).OrderBy(e => e.Day))
        {
            var until = e.Until ?? e.Day;
            var lane = lanesEnd.FindIndex(end => end < e.Day);
            if (lane < 0) { lanesEnd.Add(until); lane = lanesEnd.Count - 1; }
            else lanesEnd[lane] = until;
            bars.Add((e.Day, until, lane, e.Title ?? ""));
        }
        var lanes = Math.Max(1, Math.Min(lanesEnd.Count, 6));
        var experimentsY = Top + RowHeight;
        var gatesY = experimentsY + lanes * LaneHeight + 16;
        var notesY = gatesY + RowHeight;
        var axisY = notesY + RowHeight;
        var experiments = bars.Select(b => new Bar(X(b.From), Math.Max(3, X(b.To) - X(b.From)), experimentsY + Math.Min(b.Lane, lanes - 1) * LaneHeight, b.Title)).ToList();
        var gates = v.Events.Where(e => e.Kind is JourneyEventKind.Gate or JourneyEventKind.Decision)
            .Select(e => new Mark(X(e.Day), gatesY + 10, e.Kind == JourneyEventKind.Gate ? "P" : "B", $"{words(e.Label)}: {e.Title}")).ToList();
        var notes = v.Entries.Select(e => new Mark(X(e.Day), notesY + 10, Letter(e.EntryType!.Value), $"{words(e.Label)}: {e.Title}")).ToList();

        // Month ticks, at most about ten.
        var ticks = new List<Tick>();
        var first = new DateOnly(v.Start.Year, v.Start.Month, 1).AddMonths(1);
        var months = (v.End.Year - first.Year) * 12 + v.End.Month - first.Month + 1;
        var step = Math.Max(1, (int)Math.Ceiling(months / 10.0));
        for (var m = first; m <= v.End; m = m.AddMonths(step))
            ticks.Add(new Tick(X(m), m.ToString("MMM yyyy", culture)));
        return new Layout(phases, experiments, gates, notes, ticks, experimentsY, gatesY, notesY, axisY, axisY + 24);
    }
}
