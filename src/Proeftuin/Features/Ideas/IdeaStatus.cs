using Proeftuin.Web;

namespace Proeftuin.Features.Ideas;

/// <summary>
/// Where an idea stands. Stored as a number on the idea (Items.IdeaStatus); the API names are in <see cref="IdeaSlugs"/>,
/// the Dutch words and the page-address words in <see cref="IdeaWords"/>. Any status may follow any other: a parked idea
/// can come back, a tested one can be worked out again.
/// </summary>
public enum IdeaStatus
{
    New = 0,
    Chosen = 1,
    InProgress = 2,
    Tested = 3,
    Parked = 4,
}

/// <summary>The fixed English API names of the idea status (ADR 0017).</summary>
public static class IdeaSlugs
{
    public static readonly ApiSlugs<IdeaStatus> Status = new(new Dictionary<IdeaStatus, string>
    {
        [IdeaStatus.New] = "new",
        [IdeaStatus.Chosen] = "chosen",
        [IdeaStatus.InProgress] = "inProgress",
        [IdeaStatus.Tested] = "tested",
        [IdeaStatus.Parked] = "parked",
    });
}

/// <summary>Dutch words (localizer keys) for the status, and the stable words in page addresses (<c>?status=gekozen</c>).</summary>
public static class IdeaWords
{
    public static string Label(this IdeaStatus status) => status switch
    {
        IdeaStatus.New => "Nieuw",
        IdeaStatus.Chosen => "Gekozen",
        IdeaStatus.InProgress => "In uitwerking",
        IdeaStatus.Tested => "Getest",
        IdeaStatus.Parked => "Geparkeerd",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "A status without words."),
    };

    /// <summary>What the status means, for the form and the list's filter (B1).</summary>
    public static string Hint(this IdeaStatus status) => status switch
    {
        IdeaStatus.New => "Net bedacht. Nog niet besproken.",
        IdeaStatus.Chosen => "Het team gaat hiermee verder.",
        IdeaStatus.InProgress => "Het team maakt er een prototype van.",
        IdeaStatus.Tested => "Het is uitgeprobeerd in de praktijk.",
        IdeaStatus.Parked => "Het team gaat er nu niet mee verder. De reden staat erbij.",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "A status without words."),
    };

    // Words in page addresses, not texts for people: a table rather than a switch, so the i18n scan leaves them alone.
    private static readonly Dictionary<IdeaStatus, string> UrlWords = new()
    {
        [IdeaStatus.New] = "nieuw",
        [IdeaStatus.Chosen] = "gekozen",
        [IdeaStatus.InProgress] = "in-uitwerking",
        [IdeaStatus.Tested] = "getest",
        [IdeaStatus.Parked] = "geparkeerd",
    };

    /// <summary>The word in page addresses (<c>?status=gekozen</c>); never changes once published.</summary>
    public static string UrlWord(this IdeaStatus status) => UrlWords.TryGetValue(status, out var word)
        ? word
        : throw new ArgumentOutOfRangeException(nameof(status), status, "A status without a URL word.");

    public static IdeaStatus? FromUrlWord(string? word) =>
        Enum.GetValues<IdeaStatus>().Cast<IdeaStatus?>().FirstOrDefault(s => string.Equals(s!.Value.UrlWord(), word?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>A CSS modifier per status (pt-idea-status--…), so the tag is more than colour alone: the word is always shown.</summary>
    public static string CssModifier(this IdeaStatus status) => status.UrlWord();
}
