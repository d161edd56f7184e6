namespace Proeftuin.Features.Signification;

/// <summary>Three shares of one triad answer, each 0…1, summing to 1 (top, left, right).</summary>
public readonly record struct TriadShares(double Top, double Left, double Right)
{
    public double TopPercent => Top * 100;
    public double LeftPercent => Left * 100;
    public double RightPercent => Right * 100;
}

/// <summary>The zones of reference/self-signification.md (calculate_triad_zone).</summary>
public enum TriadZone
{
    Left,
    Top,
    Right,
    LeftTop,
    TopRight,
    LeftRight,
    Centre,
}

/// <summary>
/// Triad geometry: an equilateral triangle with left = (0,0), right = (1,0), top = (0.5,1), where x spans the
/// base and y is normalised by the triangle's height (reference/self-signification.md, verified on ADemo data).
/// </summary>
public static class Triad
{
    /// <summary>Height of a triangle with side 1: the pixel mapping divides by side·√3/2.</summary>
    public static readonly double Height = Math.Sqrt(3) / 2;

    /// <summary>A stored point (percentX, percentY) to the three shares: top = y, right = x − y/2, left = 1 − x − y/2.</summary>
    public static TriadShares FromPoint(double x, double y) => new(y, 1 - x - y / 2, x - y / 2);

    /// <summary>The inverse, to draw a stored answer: x = right + top/2, y = top.</summary>
    public static (double X, double Y) ToPoint(TriadShares s) => (s.Right + s.Top / 2, s.Top);

    /// <summary>
    /// The zone of an answer given in percentages (sum 100). The rules run in the reference's order and a
    /// later rule wins, exactly as calculate_triad_zone does; its two-anchor rules let TR and LR include
    /// right = 60, so every answer that sums to 100 has a zone. Null only for an answer that does not sum to 100.
    /// </summary>
    public static TriadZone? Zone(double top, double left, double right)
    {
        // Values that went through a division (0.6 * 100 = 60.00000000000001) are compared as entered.
        top = Math.Round(top, 6);
        left = Math.Round(left, 6);
        right = Math.Round(right, 6);
        TriadZone? zone = null;
        if (left >= 60) zone = TriadZone.Left;
        if (top >= 60) zone = TriadZone.Top;
        if (right > 60) zone = TriadZone.Right;
        if (left is < 60 and >= 20 && top is < 60 and >= 20 && right < 20) zone = TriadZone.LeftTop;
        if (left <= 20 && top is < 60 and >= 20 && right is <= 60 and >= 20) zone = TriadZone.TopRight;
        if (left is < 60 and >= 20 && top < 20 && right is <= 60 and >= 20) zone = TriadZone.LeftRight;
        if (left is < 60 and >= 20 && top is >= 20 and < 60 && right is < 60 and >= 20) zone = TriadZone.Centre;
        return zone;
    }

    public static TriadZone? Zone(TriadShares s) => Zone(s.TopPercent, s.LeftPercent, s.RightPercent);

    /// <summary>What replaces a zero share before taking logarithms, as the reference does.</summary>
    public const double ZeroReplacement = 1e-5;

    /// <summary>
    /// Compositional mean with closure: replace zeros by 1e-5, take the geometric mean of each anchor's shares,
    /// then scale the three so they sum to 1. Unlike the arithmetic mean it respects that the shares are parts of a whole.
    /// Null for no answers.
    /// </summary>
    public static TriadShares? GeometricMean(IReadOnlyCollection<TriadShares> answers)
    {
        if (answers.Count == 0) return null;
        static double Geo(IEnumerable<double> values, int n) =>
            Math.Exp(values.Sum(v => Math.Log(v <= 0 ? ZeroReplacement : v)) / n);
        var top = Geo(answers.Select(a => a.Top), answers.Count);
        var left = Geo(answers.Select(a => a.Left), answers.Count);
        var right = Geo(answers.Select(a => a.Right), answers.Count);
        var sum = top + left + right;
        return new TriadShares(top / sum, left / sum, right / sum);
    }

    /// <summary>Screen position in a triangle of side <paramref name="side"/> whose base is at screen-y <paramref name="baseY"/> and left corner at screen-x <paramref name="leftX"/>.</summary>
    public static (double Px, double Py) ToScreen(TriadShares s, double leftX, double baseY, double side)
    {
        var (x, y) = ToPoint(s);
        return (leftX + x * side, baseY - y * side * Height);
    }
}

/// <summary>
/// The five 20 % bands of a dyad, named after the pole the answer is near. They are computed on x, the position
/// measured from the left pole (the right pole's share): calculate_dyad_zone labels "left &gt; 80" as Right, so
/// its argument is x·100, not the left pole's share. Bands include their upper bound (x = 0.2 is still Left).
/// </summary>
public enum DyadBand
{
    Left,
    CentreLeft,
    Centre,
    CentreRight,
    Right,
}

public static class Dyad
{
    public static DyadBand Band(double x)
    {
        var percent = Math.Round(x * 100, 6);
        if (percent > 80) return DyadBand.Right;
        if (percent > 60) return DyadBand.CentreRight;
        if (percent > 40) return DyadBand.Centre;
        if (percent > 20) return DyadBand.CentreLeft;
        return DyadBand.Left;
    }

    /// <summary>The left and right poles' shares: 1 − x and x.</summary>
    public static (double Left, double Right) Shares(double x) => (1 - x, x);
}

/// <summary>Quadrants of a stones canvas, split at 0.5; origin bottom-left, y upward.</summary>
public enum StoneQuadrant
{
    TopLeft,
    TopRight,
    BottomLeft,
    BottomRight,
}

public static class Stones
{
    /// <summary>calculate_stone_4_zone: halves include 0.5 on the right and top side.</summary>
    public static StoneQuadrant Quadrant(double x, double y) => (x >= 0.5, y >= 0.5) switch
    {
        (false, true) => StoneQuadrant.TopLeft,
        (true, true) => StoneQuadrant.TopRight,
        (false, false) => StoneQuadrant.BottomLeft,
        (true, false) => StoneQuadrant.BottomRight,
    };

    // The reference's own thresholds (calculate_stone_9_zone), slightly under 1/3 and 2/3.
    private const double OneThird = 0.33333333;
    private const double TwoThirds = 0.66666666;

    /// <summary>calculate_stone_9_zone: column 0…2 (left→right) and row 0…2 (bottom→top), cell = row·3 + column.</summary>
    public static (int Column, int Row) Cell(double x, double y) => (Third(x), Third(y));

    private static int Third(double v) => v >= TwoThirds ? 2 : v >= OneThird ? 1 : 0;
}
