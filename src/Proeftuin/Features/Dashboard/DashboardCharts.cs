using System.Globalization;
using Proeftuin.Features.Members;
using Proeftuin.Features.Projects;

namespace Proeftuin.Features.Dashboard;

/// <summary>
/// The dashboard's two drawings, worked out on the server (no script): a bar per phase with what exists in it, and a
/// bar per phase split by knowledge source. The page draws them as SVG with a table beside each one.
/// </summary>
public static class DashboardCharts
{
    public const int Width = 480;
    public const int LabelWidth = 170;
    public const int RowHeight = 34;
    public const int BarHeight = 20;
    public const int Top = 10;
    /// <summary>Room for the number after the longest bar.</summary>
    public const int NumberRoom = 50;
    public const int PlotWidth = Width - LabelWidth - NumberRoom;

    public static int Height(int rows, int extra = 0) => Top + rows * RowHeight + extra;

    public static double RowY(int index) => Top + index * RowHeight;

    /// <summary>The bar's length for a count, against the largest count (at least 1, so an empty project draws no bars).</summary>
    public static double BarWidth(int count, int max) => max <= 0 ? 0 : PlotWidth * (double)count / max;

    public sealed record Segment(Perspective Perspective, double X, double Width, int Count, int Percent);

    /// <summary>A 100 % bar split by knowledge source; empty when nothing was added in the phase.</summary>
    public static IReadOnlyList<Segment> Split(KnowledgeBalance balance)
    {
        var segments = new List<Segment>();
        if (balance.Total == 0) return segments;
        double x = LabelWidth;
        foreach (var c in balance.Columns)
        {
            var w = PlotWidth * (double)c.Count / balance.Total;
            if (c.Count > 0) segments.Add(new Segment(c.Perspective, x, w, c.Count, c.Percent));
            x += w;
        }
        return segments;
    }

    /// <summary>The CSS class of a knowledge source's colour (the same in the drawing, its legend and the table).</summary>
    public static string SourceClass(Perspective p) => "pt-dash__source--" + p.ToString().ToLowerInvariant();

    public static string PhaseLabel(Phase p) => p.Label();

    /// <summary>A number for an SVG attribute, always with a dot.</summary>
    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
