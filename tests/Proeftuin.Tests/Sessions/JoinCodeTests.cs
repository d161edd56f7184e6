using System.Text.RegularExpressions;
using Proeftuin.Features.Sessions;
using Proeftuin.Web;

namespace Proeftuin.Tests.Sessions;

public sealed class JoinCodeTests
{
    [Fact]
    public void Alphabet_has_no_look_alikes()
    {
        foreach (var c in "0O1IL2Z5S8B")
        {
            Assert.DoesNotContain(c, JoinCodes.Alphabet);
        }
        Assert.Equal(JoinCodes.Alphabet.Length, JoinCodes.Alphabet.Distinct().Count());
        Assert.Equal(25, JoinCodes.Alphabet.Length);
    }

    [Fact]
    public void New_codes_are_six_characters_of_the_alphabet_and_differ()
    {
        var codes = Enumerable.Range(0, 500).Select(_ => JoinCodes.New()).ToList();
        Assert.All(codes, c =>
        {
            Assert.Equal(SessionLimits.JoinCodeLength, c.Length);
            Assert.All(c, ch => Assert.Contains(ch, JoinCodes.Alphabet));
            Assert.Equal(c, JoinCodes.Normalize(c));
        });
        // 25^6 ≈ 244 million codes: 500 draws practically never collide, and every character shows up somewhere.
        Assert.True(codes.Distinct().Count() >= 499);
        Assert.Equal(JoinCodes.Alphabet.Length, codes.SelectMany(c => c).Distinct().Count());
    }

    [Theory]
    [InlineData("ACDEFG", "ACDEFG")]
    [InlineData("acdefg", "ACDEFG")]
    [InlineData("  acd-efg ", "ACDEFG")]
    [InlineData("ACD EFG", "ACDEFG")]
    [InlineData("a-c-d-e-f-g", "ACDEFG")]
    [InlineData("\tx3y 47-9\n", "X3Y479")]
    public void Normalize_accepts_what_people_type(string input, string expected) =>
        Assert.Equal(expected, JoinCodes.Normalize(input));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("---")]
    [InlineData("ACDEF")]           // too short
    [InlineData("ACDEFGH")]         // too long
    [InlineData("ACDEF0")]          // zero: not guessed as O
    [InlineData("ACDEFO")]          // O: refused, not mapped to 0
    [InlineData("ACDEF1")]
    [InlineData("ACDEFI")]
    [InlineData("ACDEFL")]
    [InlineData("ACDEFB")]
    [InlineData("ACDEF8")]
    [InlineData("ACDEFS")]
    [InlineData("ACDEFZ")]
    [InlineData("ACD_EF")]
    [InlineData("ACDÉFG")]
    [InlineData("<script>")]
    public void Normalize_refuses_anything_else(string? input) => Assert.Null(JoinCodes.Normalize(input));

    [Fact]
    public void Normalize_refuses_a_very_long_input() =>
        Assert.Null(JoinCodes.Normalize(new string('-', 10_001) + "ACDEFG"));

    [Fact]
    public void Display_splits_in_two_and_normalizes_back()
    {
        Assert.Equal("ACD-EFG", JoinCodes.Display("ACDEFG"));
        var code = JoinCodes.New();
        Assert.Equal(code, JoinCodes.Normalize(JoinCodes.Display(code)));
    }

    // The QR code on the facilitator's screen carries the join link.
    [Fact]
    public void Qr_code_is_an_svg_with_its_label_and_no_inline_style()
    {
        var svg = QrCodes.Svg("https://proeftuin.example/meedoen/ACDEFG", "QR-code om mee te doen met \"Sessie\" <script>");

        Assert.StartsWith("<svg ", svg, StringComparison.Ordinal);
        Assert.EndsWith("</svg>", svg, StringComparison.Ordinal);
        Assert.Contains("role=\"img\"", svg, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"QR-code om mee te doen met &quot;Sessie&quot; &lt;script&gt;\"", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", svg, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<style", svg, StringComparison.OrdinalIgnoreCase);

        // A QR code of version v has 17 + 4v modules a side, plus a quiet zone of 4 on each side.
        var size = int.Parse(Regex.Match(svg, "viewBox=\"0 0 (\\d+) \\1\"").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(0, (size - 8 - 17) % 4);
        Assert.InRange(size, 29, 185);
    }

    [Fact]
    public void Qr_code_is_stable_and_depends_on_the_link()
    {
        var a = QrCodes.Svg("https://proeftuin.example/meedoen/ACDEFG", "QR-code");
        Assert.Equal(a, QrCodes.Svg("https://proeftuin.example/meedoen/ACDEFG", "QR-code"));
        Assert.NotEqual(a, QrCodes.Svg("https://proeftuin.example/meedoen/ACDEFH", "QR-code"));
        Assert.Throws<ArgumentException>(() => QrCodes.Svg("", "QR-code"));
    }
}
