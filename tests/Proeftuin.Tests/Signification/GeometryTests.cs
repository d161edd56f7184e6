using Proeftuin.Features.Signification;

namespace Proeftuin.Tests.Signification;

/// <summary>The maths of reference/self-signification.md: the worked ADemo example, zones at their boundaries, the geometric mean.</summary>
public sealed class GeometryTests
{
    private const double Tolerance = 0.00001;

    [Fact]
    public void Worked_example_from_the_reference()
    {
        var s = Triad.FromPoint(0.50195, 0.54425);
        // The reference rounds to five decimals: left is 0.225925 exactly, given as 0.22593.
        Assert.Equal(0.54425, s.Top, Tolerance);
        Assert.Equal(0.22593, s.Left, Tolerance);
        Assert.Equal(0.22983, s.Right, Tolerance);
        Assert.Equal(1.0, s.Top + s.Left + s.Right, 10);
    }

    [Theory]
    [InlineData(0.50195, 0.54425)]
    [InlineData(0.5, 1.0)]
    [InlineData(0.0, 0.0)]
    [InlineData(1.0, 0.0)]
    [InlineData(0.5, 1.0 / 3)]
    public void Inverse_gives_the_point_back(double x, double y)
    {
        var (x2, y2) = Triad.ToPoint(Triad.FromPoint(x, y));
        Assert.Equal(x, x2, 10);
        Assert.Equal(y, y2, 10);
    }

    [Fact]
    public void Corners_are_the_anchors()
    {
        Assert.Equal(new TriadShares(1, 0, 0), Triad.FromPoint(0.5, 1));
        Assert.Equal(new TriadShares(0, 1, 0), Triad.FromPoint(0, 0));
        Assert.Equal(new TriadShares(0, 0, 1), Triad.FromPoint(1, 0));
    }

    [Fact]
    public void Screen_mapping_matches_the_reference()
    {
        // Side 260, base at y = 250, left corner at x = 20: the top corner is at (150, 250 − 260·√3/2).
        var (px, py) = Triad.ToScreen(new TriadShares(1, 0, 0), 20, 250, 260);
        Assert.Equal(150, px, 6);
        Assert.Equal(250 - 260 * Math.Sqrt(3) / 2, py, 6);
        var (lx, ly) = Triad.ToScreen(new TriadShares(0, 1, 0), 20, 250, 260);
        Assert.Equal((20.0, 250.0), (lx, ly));
    }

    [Theory]
    // top, left, right → zone
    [InlineData(30, 65, 5, TriadZone.Left)]
    [InlineData(31, 60, 9, TriadZone.Left)]      // the R package's own test
    [InlineData(30.1, 59.9, 10, TriadZone.LeftTop)]
    [InlineData(20, 60.1, 19.9, TriadZone.Left)]
    [InlineData(60, 20, 20, TriadZone.Top)]
    [InlineData(59.9, 20.1, 20, TriadZone.Centre)]
    [InlineData(60.1, 19.9, 20, TriadZone.Top)]
    [InlineData(20, 20, 60, TriadZone.TopRight)]  // right = 60 is not yet R (right must be > 60)
    [InlineData(19.9, 20, 60.1, TriadZone.Right)]
    [InlineData(20, 19.9, 60.1, TriadZone.Right)]
    [InlineData(30, 10, 60, TriadZone.TopRight)]
    [InlineData(10, 30, 60, TriadZone.LeftRight)]
    [InlineData(40, 40, 20, TriadZone.Centre)]   // right = 20 is in [20, 60)
    [InlineData(40.1, 40, 19.9, TriadZone.LeftTop)]
    [InlineData(40, 20, 40, TriadZone.Centre)]   // left = 20: Centre overrides TR
    [InlineData(40.1, 19.9, 40, TriadZone.TopRight)]
    [InlineData(20, 40, 40, TriadZone.Centre)]
    [InlineData(19.9, 40.1, 40, TriadZone.LeftRight)]
    [InlineData(100.0 / 3, 100.0 / 3, 100.0 / 3, TriadZone.Centre)]
    [InlineData(100, 0, 0, TriadZone.Top)]
    [InlineData(0, 100, 0, TriadZone.Left)]
    [InlineData(0, 0, 100, TriadZone.Right)]
    public void Zones_at_their_boundaries(double top, double left, double right, TriadZone expected) =>
        Assert.Equal(expected, Triad.Zone(top, left, right));

    [Fact]
    public void Every_answer_on_a_tenth_percent_grid_has_a_zone()
    {
        for (var top = 0; top <= 1000; top += 5)
            for (var left = 0; left <= 1000 - top; left += 5)
                Assert.NotNull(Triad.Zone(top / 10.0, left / 10.0, (1000 - top - left) / 10.0));
    }

    [Fact]
    public void Shares_from_a_division_are_compared_as_entered()
    {
        // 0.6 * 100 is 60.00000000000001 in floating point: still the boundary value 60.
        Assert.Equal(TriadZone.TopRight, Triad.Zone(new TriadShares(0.2, 0.2, 0.6)));
    }

    [Fact]
    public void Geometric_mean_with_closure_by_hand()
    {
        // Two answers (0.5, 0.25, 0.25) and (0.2, 0.4, 0.4):
        // top √(0.5·0.2) = √0.1 = 0.316228, left = right = √(0.25·0.4) = √0.1 = 0.316228 → closed: ⅓ each.
        var mean = Triad.GeometricMean([new TriadShares(0.5, 0.25, 0.25), new TriadShares(0.2, 0.4, 0.4)])!.Value;
        Assert.Equal(1.0 / 3, mean.Top, 6);
        Assert.Equal(1.0 / 3, mean.Left, 6);
        Assert.Equal(1.0 / 3, mean.Right, 6);

        // (0.8, 0.1, 0.1) and (0.2, 0.4, 0.4): top √0.16 = 0.4, left = right = √0.04 = 0.2 → sum 0.8 → 0.5, 0.25, 0.25.
        var second = Triad.GeometricMean([new TriadShares(0.8, 0.1, 0.1), new TriadShares(0.2, 0.4, 0.4)])!.Value;
        Assert.Equal(0.5, second.Top, 6);
        Assert.Equal(0.25, second.Left, 6);
        Assert.Equal(0.25, second.Right, 6);
    }

    [Fact]
    public void Geometric_mean_replaces_zeros_by_a_small_value()
    {
        // (1, 0, 0) and (0, 0.5, 0.5): top √(1·1e-5), left √(1e-5·0.5), right the same.
        var mean = Triad.GeometricMean([new TriadShares(1, 0, 0), new TriadShares(0, 0.5, 0.5)])!.Value;
        var top = Math.Sqrt(1e-5);
        var side = Math.Sqrt(1e-5 * 0.5);
        var sum = top + 2 * side;
        Assert.Equal(top / sum, mean.Top, 9);
        Assert.Equal(side / sum, mean.Left, 9);
        Assert.Equal(side / sum, mean.Right, 9);
        Assert.Equal(1.0, mean.Top + mean.Left + mean.Right, 12);
        // The arithmetic mean would say (0.5, 0.25, 0.25); the compositional mean is different.
        Assert.NotEqual(0.5, mean.Top, 3);
    }

    [Fact]
    public void Geometric_mean_of_one_answer_is_that_answer_and_of_none_is_null()
    {
        var one = Triad.GeometricMean([new TriadShares(0.6, 0.3, 0.1)])!.Value;
        Assert.Equal(0.6, one.Top, 9);
        Assert.Equal(0.3, one.Left, 9);
        Assert.Equal(0.1, one.Right, 9);
        Assert.Null(Triad.GeometricMean([]));
    }

    [Theory]
    [InlineData(0.0, DyadBand.Left)]
    [InlineData(0.2, DyadBand.Left)]
    [InlineData(0.201, DyadBand.CentreLeft)]
    [InlineData(0.4, DyadBand.CentreLeft)]
    [InlineData(0.401, DyadBand.Centre)]
    [InlineData(0.5, DyadBand.Centre)]
    [InlineData(0.6, DyadBand.Centre)]
    [InlineData(0.601, DyadBand.CentreRight)]
    [InlineData(0.8, DyadBand.CentreRight)]
    [InlineData(0.801, DyadBand.Right)]
    [InlineData(1.0, DyadBand.Right)]
    public void Dyad_bands_are_named_after_the_nearer_pole(double x, DyadBand expected) =>
        Assert.Equal(expected, Dyad.Band(x));

    [Fact]
    public void Dyad_shares_are_one_minus_x_and_x() => Assert.Equal((0.7, 0.3), Dyad.Shares(0.3));

    [Theory]
    [InlineData(0.5, 0.5, StoneQuadrant.TopRight)]
    [InlineData(0.49, 0.5, StoneQuadrant.TopLeft)]
    [InlineData(0.5, 0.49, StoneQuadrant.BottomRight)]
    [InlineData(0.0, 0.0, StoneQuadrant.BottomLeft)]
    [InlineData(1.0, 1.0, StoneQuadrant.TopRight)]
    public void Stones_quadrants_split_at_one_half(double x, double y, StoneQuadrant expected) =>
        Assert.Equal(expected, Stones.Quadrant(x, y));

    [Theory]
    [InlineData(0.0, 0.0, 0, 0)]
    [InlineData(0.33333332, 0.5, 0, 1)]
    [InlineData(1.0 / 3, 0.5, 1, 1)]
    [InlineData(0.66666665, 0.7, 1, 2)]
    [InlineData(2.0 / 3, 1.0, 2, 2)]
    public void Stones_nine_cells_split_in_thirds(double x, double y, int column, int row) =>
        Assert.Equal((column, row), Stones.Cell(x, y));

    [Theory]
    [InlineData("Hulp van professionals", "hulp-van-professionals")]
    [InlineData("Één café!", "een-cafe")]
    [InlineData("123 stappen", "x123-stappen")]
    [InlineData("???", "x")]
    public void Ids_made_from_text(string text, string id)
    {
        Assert.Equal(id, FrameworkLimits.Slug(text));
        Assert.True(FrameworkLimits.IsValidId(id));
    }

    [Fact]
    public void Default_framework_is_valid_and_round_trips_through_json()
    {
        var d = FrameworkDefinition.Default;
        var back = FrameworkDefinition.FromJson(d.ToJson());
        Assert.Equal(d.Signifiers.Select(s => (s.Id, s.Type, s.Title)), back.Signifiers.Select(s => (s.Id, s.Type, s.Title)));
        Assert.Contains("\"type\":\"triad\"", d.ToJson(), StringComparison.Ordinal);
        Assert.Contains("\"allow_na\":true", d.ToJson(), StringComparison.Ordinal);
        Assert.Equal("Wat hielp hier het meest?", d.Signifiers[0].Title);
        foreach (var s in d.Signifiers)
        {
            var v = new Proeftuin.Web.Validation();
            var labels = (s.Labels ?? s.Stones ?? s.Items ?? []).Select(l => new LabelInput(l.Id, l.Text)).ToList();
            Assert.NotNull(SaveFramework.Build(new SignifierInput(s.Id, s.Type, s.Title, s.AllowNa, s.Required, labels,
                s.XAxis?.StartLabel, s.XAxis?.EndLabel, s.YAxis?.StartLabel, s.YAxis?.EndLabel, s.Multiple), v));
            Assert.True(v.IsValid, string.Join(", ", v.Errors.Select(e => e.Message)));
        }
    }
}
