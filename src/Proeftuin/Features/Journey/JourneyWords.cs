using Microsoft.AspNetCore.Mvc.Rendering;
using Proeftuin.Web;

namespace Proeftuin.Features.Journey;

/// <summary>Dutch words (localizer keys) and URL words for the journey's entry types; the API names.</summary>
public static class JourneyWords
{
    public static string Label(this JourneyEntryType type) => type switch
    {
        JourneyEntryType.Issue => "Kwestie",
        JourneyEntryType.LearningMoment => "Leermoment",
        JourneyEntryType.Answer => "Antwoord",
        JourneyEntryType.Signpost => "Richtingaanwijzer",
        JourneyEntryType.DeadEnd => "Doodlopende afslag",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "A type without words."),
    };

    /// <summary>What the type is for, on the form.</summary>
    public static string Hint(this JourneyEntryType type) => type switch
    {
        JourneyEntryType.Issue => "Waar liepen jullie tegenaan? Een probleem, een vraag, een spanning.",
        JourneyEntryType.LearningMoment => "Wat werd jullie ineens duidelijk?",
        JourneyEntryType.Answer => "Hoe gingen jullie met een kwestie om?",
        JourneyEntryType.Signpost => "Wat zou je een volgende proeftuin aanraden?",
        JourneyEntryType.DeadEnd => "Welke weg probeerden jullie, en waarom liep die dood?",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "A type without words."),
    };

    /// <summary>The ?soort= words; never change once published.</summary>
    private static readonly Dictionary<JourneyEntryType, string> UrlWords = new()
    {
        [JourneyEntryType.Issue] = "kwestie",
        [JourneyEntryType.LearningMoment] = "leermoment",
        [JourneyEntryType.Answer] = "antwoord",
        [JourneyEntryType.Signpost] = "richtingaanwijzer",
        [JourneyEntryType.DeadEnd] = "doodlopende-afslag",
    };

    public static string UrlWord(this JourneyEntryType type) => UrlWords[type];

    public static JourneyEntryType? FromUrlWord(string? word) =>
        UrlWords.Where(w => w.Value == word).Select(w => (JourneyEntryType?)w.Key).FirstOrDefault();

    public static IEnumerable<SelectListItem> TypeItems() =>
        Enum.GetValues<JourneyEntryType>().Select(t => new SelectListItem(t.Label(), t.ToString()));

    public static readonly ApiSlugs<JourneyEntryType> Slugs = new(new Dictionary<JourneyEntryType, string>
    {
        [JourneyEntryType.Issue] = "issue",
        [JourneyEntryType.LearningMoment] = "learningMoment",
        [JourneyEntryType.Answer] = "answer",
        [JourneyEntryType.Signpost] = "signpost",
        [JourneyEntryType.DeadEnd] = "deadEnd",
    });
}
