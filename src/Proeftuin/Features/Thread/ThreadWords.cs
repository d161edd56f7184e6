namespace Proeftuin.Features.Thread;

/// <summary>Dutch UI words (localizer keys) for the kinds of items and links, from reference/vocabulary.md.</summary>
public static class ThreadWords
{
    // The words of a kind come from its descriptor (ThreadKinds); these are short forms for pages and views.

    /// <summary>What a contributor can add on the thread page; stories are shared elsewhere.</summary>
    public static ItemKind[] Creatable => ThreadKinds.Creatable.Select(k => k.Kind).ToArray();

    /// <summary>What the thread page lists: the kinds made there (stories have their own list).</summary>
    public static ItemKind[] Listed => Creatable;

    /// <summary>The stable URL word (?soort=…).</summary>
    public static string Slug(this ItemKind kind) => ThreadKinds.For(kind).UrlWord;

    public static ItemKind? KindFromSlug(string? slug) => ThreadKinds.FromUrlWord(slug)?.Kind;

    public static string Label(this ItemKind kind) => ThreadKinds.For(kind).Label;

    public static string Plural(this ItemKind kind) => ThreadKinds.For(kind).Plural;

    /// <summary>"Nieuw inzicht"; only kinds made on the thread page have one.</summary>
    public static string NewLabel(this ItemKind kind) => ThreadKinds.For(kind).Form?.NewLabel
        ?? throw new InvalidOperationException($"{kind} is not made on the thread page.");

    /// <summary>Read from the From item: "dit inzicht onderbouwt die vraag".</summary>
    public static string Label(this LinkType type) => type switch
    {
        LinkType.Supports => "onderbouwt",
        LinkType.LeadsTo => "leidt tot",
        LinkType.Answers => "beantwoordt",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "A link type without words."),
    };

    /// <summary>Read from the To item: "deze vraag wordt onderbouwd door dat inzicht".</summary>
    public static string Passive(this LinkType type) => type switch
    {
        LinkType.Supports => "wordt onderbouwd door",
        LinkType.LeadsTo => "komt voort uit",
        LinkType.Answers => "wordt beantwoord door",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "A link type without words."),
    };

    public static string EmotionLabel(int emotion) => emotion switch
    {
        -2 => "Heel naar (−2)",
        -1 => "Naar (−1)",
        0 => "Neutraal (0)",
        1 => "Fijn (+1)",
        2 => "Heel fijn (+2)",
        _ => emotion.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The page of an item: kinds with their own folder (stories) have their own page.</summary>
    public static string PageUrl(ItemKind kind, int id) => ThreadKinds.For(kind).PageUrl(id);
}

/// <summary>The soft check on questions: a "Hoe kunnen we …?" phrasing invites ideas, but is not required.</summary>
public static class QuestionPhrasing
{
    public static readonly string Start = "Hoe kunnen we";

    public static bool Follows(string? title) => (title ?? "").TrimStart().StartsWith(Start, StringComparison.OrdinalIgnoreCase);
}
