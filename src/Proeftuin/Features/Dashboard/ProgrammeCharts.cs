using System.Globalization;

namespace Proeftuin.Features.Dashboard;

/// <summary>The four lines of "deelname per maand", in the order of the legend, the table and the CSV.</summary>
public enum ParticipationSeries
{
    Stories,
    SessionParticipants,
    Pledges,
    Registrations,
}

/// <summary>
/// The programme dashboard's line chart, worked out on the server like DashboardCharts (whose bars the other drawings
/// of the page use): a line per series over twelve months. Each line has its own colour, dash pattern and marker
/// shape, so the lines are told apart without seeing colour; the table beside it holds the same numbers.
/// </summary>
public static class ProgrammeCharts
{
    public const int Width = DashboardCharts.Width;
    public const int Left = 40;
    public const int Right = 16;
    public const int Top = 12;
    public const int PlotHeight = 180;
    /// <summary>Room under the plot for the month names.</summary>
    public const int AxisRoom = 30;
    public const int LegendRow = 20;
    public const int PlotWidth = Width - Left - Right;
    public const int LegendTop = Top + PlotHeight + AxisRoom + 6;

    public static int Height => LegendTop + LegendRow * Enum.GetValues<ParticipationSeries>().Length + 6;

    public static string Label(this ParticipationSeries s) => s switch
    {
        ParticipationSeries.Stories => "Verhalen",
        ParticipationSeries.SessionParticipants => "Deelnemers aan sessies",
        ParticipationSeries.Pledges => "Toezeggingen voor initiatieven",
        ParticipationSeries.Registrations => "Aanmeldingen voor activiteiten",
        _ => throw new ArgumentOutOfRangeException(nameof(s), s, "A series without words."),
    };

    public static int Count(MonthParticipation m, ParticipationSeries s) => s switch
    {
        ParticipationSeries.Stories => m.Stories,
        ParticipationSeries.SessionParticipants => m.SessionParticipants,
        ParticipationSeries.Pledges => m.Pledges,
        ParticipationSeries.Registrations => m.Registrations,
        _ => throw new ArgumentOutOfRangeException(nameof(s), s, "A series without a count."),
    };

    /// <summary>The CSS class of a series' colour (line, marker and legend).</summary>
    public static string SeriesClass(ParticipationSeries s) => "pt-dash__series--" + s.ToString().ToLowerInvariant();

    // Indexed by the series; in an array, not a switch, so the patterns are not taken for texts to translate.
    private static readonly string?[] Dashes = [null, "8 4", "2 3", "10 3 2 3"];

    /// <summary>A dash pattern per series (none for the first): the second way to tell lines apart.</summary>
    public static string? Dash(ParticipationSeries s) => Dashes[(int)s];

    /// <summary>The top of the scale: the largest count rounded up to an even number, at least 2 (so the middle line is whole).</summary>
    public static int Max(IEnumerable<MonthParticipation> months)
    {
        var max = months.SelectMany(m => Enum.GetValues<ParticipationSeries>().Select(s => Count(m, s))).DefaultIfEmpty(0).Max();
        return Math.Max(2, max + max % 2);
    }

    public static double X(int index, int count) => Left + (count <= 1 ? PlotWidth / 2.0 : PlotWidth * (double)index / (count - 1));

    public static double Y(int value, int max) => Top + PlotHeight - PlotHeight * (double)value / max;

    public static string Points(IReadOnlyList<MonthParticipation> months, ParticipationSeries s, int max) =>
        string.Join(' ', months.Select((m, i) => $"{DashboardCharts.N(X(i, months.Count))},{DashboardCharts.N(Y(Count(m, s), max))}"));

    /// <summary>The marker at one point: a circle, square, triangle or diamond, as an SVG path.</summary>
    public static string Marker(ParticipationSeries s, double x, double y)
    {
        string P(double px, double py) => $"{DashboardCharts.N(px)} {DashboardCharts.N(py)}";
        return s switch
        {
            ParticipationSeries.Stories => $"M {P(x - 4, y)} a 4 4 0 1 0 8 0 a 4 4 0 1 0 -8 0 Z",
            ParticipationSeries.SessionParticipants => $"M {P(x - 3.5, y - 3.5)} H {DashboardCharts.N(x + 3.5)} V {DashboardCharts.N(y + 3.5)} H {DashboardCharts.N(x - 3.5)} Z",
            ParticipationSeries.Pledges => $"M {P(x, y - 5)} L {P(x + 4.5, y + 3.5)} L {P(x - 4.5, y + 3.5)} Z",
            _ => $"M {P(x, y - 5)} L {P(x + 5, y)} L {P(x, y + 5)} L {P(x - 5, y)} Z",
        };
    }

    /// <summary>"2026-03": the month in the API and the CSV.</summary>
    public static string MonthIso(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>"mrt" under the drawing, in the request's language.</summary>
    public static string MonthShort(DateOnly month) => month.ToString("MMM", CultureInfo.CurrentCulture).TrimEnd('.');

    /// <summary>"maart 2026" in the table.</summary>
    public static string MonthLong(DateOnly month) => month.ToString("MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>A project title short enough for the drawing's label column; the table beside it has the whole title.</summary>
    public static string Clip(string title, int length = 17) => title.Length <= length ? title : title[..(length - 1)].TrimEnd() + "…";
}
