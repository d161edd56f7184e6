using System.Globalization;

namespace Proeftuin.Features.Prototypes;

/// <summary>
/// The 2×2 of the assumptions, worked out on the server for the SVG (no script): risk if wrong goes up, how unsure the
/// team is goes right. The upper right quadrant, "Eerst testen", holds the assumptions that are risky (medium or high)
/// and not sure (a bit or not at all); low risk takes the lower half and "zeker" the left half, so the drawing and
/// <see cref="Assumption.TestFirst"/> always agree.
/// </summary>
public static class AssumptionMap
{
    public const int Width = 400;
    public const int Height = 410;
    public const int Left = 70;
    public const int Top = 40;
    public const int PlotWidth = 310;
    public const int PlotHeight = 290;
    public const int Radius = 11;
    private const int Gap = 25;
    private const int PerRow = 3;
    /// <summary>More than this in one spot: the rest is counted ("+4"), the table lists them all.</summary>
    public const int PerSpot = 6;

    public static double XOf(AssumptionCertainty c) => Left + PlotWidth * c switch
    {
        AssumptionCertainty.Sure => 0.25,
        AssumptionCertainty.Somewhat => 0.625,
        _ => 0.875,
    };

    public static double YOf(AssumptionRisk r) => Top + PlotHeight * (1 - r switch
    {
        AssumptionRisk.Low => 0.25,
        AssumptionRisk.Medium => 0.625,
        _ => 0.875,
    });

    public sealed record Dot(AssumptionView Assumption, double X, double Y);

    public sealed record Overflow(int Count, double X, double Y);

    /// <summary>Each assumption's place: the spot of its risk and certainty, spread in rows of three around it.</summary>
    public static (IReadOnlyList<Dot> Dots, IReadOnlyList<Overflow> More) Layout(IReadOnlyList<AssumptionView> assumptions)
    {
        var dots = new List<Dot>();
        var more = new List<Overflow>();
        foreach (var spot in assumptions.GroupBy(a => (a.Risk, a.Certainty)))
        {
            var cx = XOf(spot.Key.Certainty);
            var cy = YOf(spot.Key.Risk);
            var shown = spot.Take(PerSpot).ToList();
            var rows = (shown.Count + PerRow - 1) / PerRow;
            for (var i = 0; i < shown.Count; i++)
            {
                var row = i / PerRow;
                var inRow = Math.Min(PerRow, shown.Count - row * PerRow);
                var col = i % PerRow;
                dots.Add(new Dot(shown[i], cx + (col - (inRow - 1) / 2.0) * Gap, cy + (row - (rows - 1) / 2.0) * Gap));
            }
            if (spot.Count() > PerSpot) more.Add(new Overflow(spot.Count() - PerSpot, cx, cy + (rows / 2.0) * Gap + 12));
        }
        return (dots, more);
    }

    /// <summary>A number for an SVG attribute, always with a dot.</summary>
    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
