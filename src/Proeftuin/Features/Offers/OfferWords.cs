namespace Proeftuin.Features.Offers;

/// <summary>Dutch words (localizer keys) and the words in page addresses.</summary>
public static class OfferWords
{
    public static string Label(this OfferDirection direction) => direction switch
    {
        OfferDirection.Offer => "Aanbod",
        OfferDirection.Request => "Vraag",
        _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, "A direction without words."),
    };

    public static string Label(this OfferCategory category) => category switch
    {
        OfferCategory.Time => "Tijd",
        OfferCategory.Space => "Ruimte",
        OfferCategory.Skills => "Vaardigheden",
        OfferCategory.Materials => "Spullen",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "A category without words."),
    };

    /// <summary>"Ik bied aan" or "Ik zoek": the choice on the form.</summary>
    public static string Choice(this OfferDirection direction) => direction switch
    {
        OfferDirection.Offer => "Ik bied iets aan",
        OfferDirection.Request => "Ik zoek iets",
        _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, "A direction without words."),
    };

    public static OfferDirection Other(this OfferDirection direction) =>
        direction == OfferDirection.Offer ? OfferDirection.Request : OfferDirection.Offer;

    // Words in page addresses, not texts for people: tables, so the i18n scan leaves them alone.
    private static readonly Dictionary<OfferDirection, string> DirectionWords = new()
    {
        [OfferDirection.Offer] = "aanbod",
        [OfferDirection.Request] = "vraag",
    };

    private static readonly Dictionary<OfferCategory, string> CategoryWords = new()
    {
        [OfferCategory.Time] = "tijd",
        [OfferCategory.Space] = "ruimte",
        [OfferCategory.Skills] = "vaardigheden",
        [OfferCategory.Materials] = "spullen",
    };

    public static string UrlWord(this OfferDirection direction) => DirectionWords[direction];

    public static string UrlWord(this OfferCategory category) => CategoryWords[category];

    public static OfferDirection? DirectionFromUrlWord(string? word) =>
        DirectionWords.FirstOrDefault(w => string.Equals(w.Value, word, StringComparison.Ordinal)) is { Value: not null } hit ? hit.Key : null;

    public static OfferCategory? CategoryFromUrlWord(string? word) =>
        CategoryWords.FirstOrDefault(w => string.Equals(w.Value, word, StringComparison.Ordinal)) is { Value: not null } hit ? hit.Key : null;
}
