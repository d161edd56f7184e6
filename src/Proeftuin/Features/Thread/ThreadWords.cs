namespace Proeftuin.Features.Thread;

/// <summary>Dutch UI words (localizer keys) for the kinds of items and links, from reference/vocabulary.md.</summary>
public static class ThreadWords
{
    /// <summary>What a contributor can add on the thread page; stories are shared elsewhere. Ideas are mostly born in live sessions, but may be entered directly too.</summary>
    public static readonly ItemKind[] Creatable =
        [ItemKind.Insight, ItemKind.Source, ItemKind.Persona, ItemKind.JourneyMap, ItemKind.Need, ItemKind.Question, ItemKind.Idea];

    /// <summary>What the thread page lists: everything but stories, which have their own list.</summary>
    public static readonly ItemKind[] Listed = Creatable;

    // Stable URL words (?soort=…); kept out of a switch so they are not taken for UI texts.
    private static readonly Dictionary<ItemKind, string> Slugs = new()
    {
        [ItemKind.Story] = "verhaal",
        [ItemKind.Insight] = "inzicht",
        [ItemKind.Source] = "bron",
        [ItemKind.Persona] = "persona",
        [ItemKind.JourneyMap] = "klantreis",
        [ItemKind.Need] = "behoefte",
        [ItemKind.Question] = "vraag",
        [ItemKind.Idea] = "idee",
    };

    public static string Slug(this ItemKind kind) => Slugs[kind];

    public static ItemKind? KindFromSlug(string? slug) =>
        Slugs.Where(s => string.Equals(s.Value, slug, StringComparison.OrdinalIgnoreCase)).Select(s => (ItemKind?)s.Key).FirstOrDefault();

    public static string Label(this ItemKind kind) => kind switch
    {
        ItemKind.Story => "Ervaringsverhaal",
        ItemKind.Insight => "Inzicht",
        ItemKind.Source => "Bron",
        ItemKind.Persona => "Persona",
        ItemKind.JourneyMap => "Klantreis",
        ItemKind.Need => "Behoefte",
        ItemKind.Question => "Hoe kunnen we …?-vraag",
        ItemKind.Idea => "Idee",
        _ => kind.ToString(),
    };

    public static string Plural(this ItemKind kind) => kind switch
    {
        ItemKind.Story => "Ervaringsverhalen",
        ItemKind.Insight => "Inzichten",
        ItemKind.Source => "Bronnen",
        ItemKind.Persona => "Persona's",
        ItemKind.JourneyMap => "Klantreizen",
        ItemKind.Need => "Behoeften",
        ItemKind.Question => "Hoe kunnen we …?-vragen",
        ItemKind.Idea => "Ideeën",
        _ => kind.ToString(),
    };

    public static string NewLabel(this ItemKind kind) => kind switch
    {
        ItemKind.Insight => "Nieuw inzicht",
        ItemKind.Source => "Nieuwe bron",
        ItemKind.Persona => "Nieuwe persona",
        ItemKind.JourneyMap => "Nieuwe klantreis",
        ItemKind.Need => "Nieuwe behoefte",
        ItemKind.Question => "Nieuwe vraag",
        ItemKind.Idea => "Nieuw idee",
        _ => kind.ToString(),
    };

    /// <summary>Read from the From item: "dit inzicht onderbouwt die vraag".</summary>
    public static string Label(this LinkType type) => type switch
    {
        LinkType.Supports => "onderbouwt",
        LinkType.LeadsTo => "leidt tot",
        LinkType.Answers => "beantwoordt",
        _ => type.ToString(),
    };

    /// <summary>Read from the To item: "deze vraag wordt onderbouwd door dat inzicht".</summary>
    public static string Passive(this LinkType type) => type switch
    {
        LinkType.Supports => "wordt onderbouwd door",
        LinkType.LeadsTo => "komt voort uit",
        LinkType.Answers => "wordt beantwoord door",
        _ => type.ToString(),
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

    /// <summary>The page of an item: stories have their own page.</summary>
    public static string PageUrl(ItemKind kind, int id) => kind == ItemKind.Story ? $"/verhalen/{id}" : $"/draad/{id}";
}

/// <summary>The soft check on questions: a "Hoe kunnen we …?" phrasing invites ideas, but is not required.</summary>
public static class QuestionPhrasing
{
    public static readonly string Start = "Hoe kunnen we";

    public static bool Follows(string? title) => (title ?? "").TrimStart().StartsWith(Start, StringComparison.OrdinalIgnoreCase);
}
