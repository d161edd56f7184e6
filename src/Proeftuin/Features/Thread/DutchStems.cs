using Lucene.Net.Tartarus.Snowball.Ext;

namespace Proeftuin.Features.Thread;

/// <summary>
/// Dutch word stems for search, with the Snowball Dutch stemmer from Lucene.Net: "eenzaamheid" and
/// "eenzaam" both become "eenzam". Computed once when an item is saved and stored in SearchTerms, so a
/// search is a plain query on both SQLite and PostgreSQL (ADR 0009).
/// </summary>
public static class DutchStems
{
    public static IReadOnlyList<string> Of(string? text)
    {
        var stems = new List<string>();
        if (string.IsNullOrWhiteSpace(text)) return stems;
        var stemmer = new DutchStemmer();
        foreach (var word in Words(text))
        {
            stemmer.SetCurrent(word);
            stemmer.Stem();
            var stem = stemmer.Current;
            if (stem.Length > 0 && !stems.Contains(stem)) stems.Add(stem);
        }
        return stems;
    }

    /// <summary>The stored form: " stem1 stem2 … " so a whole-word match is a Contains on " stem".</summary>
    public static string ToSearchTerms(params string?[] texts) =>
        " " + string.Join(' ', texts.SelectMany(Of).Distinct()) + " ";

    private static IEnumerable<string> Words(string text)
    {
        var word = new System.Text.StringBuilder();
        foreach (var c in text.Normalize(System.Text.NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(c)) word.Append(char.ToLowerInvariant(c));
            else if (word.Length > 0) { yield return word.ToString(); word.Clear(); }
        }
        if (word.Length > 0) yield return word.ToString();
    }
}
