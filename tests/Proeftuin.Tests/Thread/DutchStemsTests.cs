using Proeftuin.Features.Thread;

namespace Proeftuin.Tests.Thread;

public sealed class DutchStemsTests
{
    [Theory]
    [InlineData("eenzaam", "eenzaamheid")]
    [InlineData("schulden", "schuld")]
    [InlineData("Buurtkamers", "buurtkamer")]
    public void Related_words_share_a_stem(string a, string b) =>
        Assert.Equal(DutchStems.Of(a), DutchStems.Of(b));

    [Fact]
    public void Search_terms_are_padded_lower_case_and_distinct()
    {
        var terms = DutchStems.ToSearchTerms("Eenzaamheid en eenzaam", null, "");
        Assert.StartsWith(" ", terms);
        Assert.EndsWith(" ", terms);
        Assert.Single(terms.Split(' ', StringSplitOptions.RemoveEmptyEntries), t => t == DutchStems.Of("eenzaam")[0]);
    }

    [Fact]
    public void Markup_and_punctuation_are_not_words() =>
        Assert.Equal(DutchStems.Of("script alert xss"), DutchStems.Of("<script>alert('xss')</script>"));
}
