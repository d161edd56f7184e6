using Proeftuin.Web;

namespace Proeftuin.Features.Initiatives;

/// <summary>The fixed English API names (ADR 0017).</summary>
public static class InitiativeSlugs
{
    public static readonly ApiSlugs<InitiativeType> Type = new(new Dictionary<InitiativeType, string>
    {
        [InitiativeType.NeighbourhoodActivity] = "neighbourhoodActivity",
        [InitiativeType.Proposal] = "proposalToMunicipality",
        [InitiativeType.RightToChallenge] = "rightToChallenge",
        [InitiativeType.Other] = "other",
    });

    public static readonly ApiSlugs<InitiativeStatus> Status = new(new Dictionary<InitiativeStatus, string>
    {
        [InitiativeStatus.Received] = "received",
        [InitiativeStatus.InTalks] = "inTalks",
        [InitiativeStatus.Supported] = "supported",
        [InitiativeStatus.NotNow] = "notNow",
    });

    public static readonly ApiSlugs<PledgeKind> Kind = new(new Dictionary<PledgeKind, string>
    {
        [PledgeKind.JoinIn] = "joinIn",
        [PledgeKind.Hours] = "hours",
        [PledgeKind.Bring] = "bring",
    });
}

/// <summary>Dutch words (localizer keys) and the words in page addresses.</summary>
public static class InitiativeWords
{
    public static string Label(this InitiativeType type) => type switch
    {
        InitiativeType.NeighbourhoodActivity => "Buurtactiviteit",
        InitiativeType.Proposal => "Voorstel aan de gemeente",
        InitiativeType.RightToChallenge => "Uitdaagrecht",
        InitiativeType.Other => "Anders",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "A type without words."),
    };

    public static string Hint(this InitiativeType type) => type switch
    {
        InitiativeType.NeighbourhoodActivity => "Bewoners organiseren samen iets in de buurt.",
        InitiativeType.Proposal => "Bewoners vragen de gemeente iets te doen of te veranderen.",
        InitiativeType.RightToChallenge => "Uitdaagrecht: bewoners nemen een taak over van de gemeente.",
        InitiativeType.Other => "Iets anders.",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "A type without words."),
    };

    public static string Label(this InitiativeStatus status) => status switch
    {
        InitiativeStatus.Received => "Ontvangen",
        InitiativeStatus.InTalks => "In gesprek",
        InitiativeStatus.Supported => "Gesteund",
        InitiativeStatus.NotNow => "Niet nu",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "A status without words."),
    };

    public static string Hint(this InitiativeStatus status) => status switch
    {
        InitiativeStatus.Received => "Het initiatief is binnen. Er is nog niet over gepraat.",
        InitiativeStatus.InTalks => "De initiatiefnemers en de gemeente of het team praten erover.",
        InitiativeStatus.Supported => "Het initiatief krijgt steun: hulp, ruimte of geld.",
        InitiativeStatus.NotNow => "Nu niet. De redenen staan erbij.",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "A status without words."),
    };

    public static string CssModifier(this InitiativeStatus status) => UrlWords[status];

    // Words in page addresses, not texts for people: tables, so the i18n scan leaves them alone.
    private static readonly Dictionary<InitiativeStatus, string> UrlWords = new()
    {
        [InitiativeStatus.Received] = "ontvangen",
        [InitiativeStatus.InTalks] = "in-gesprek",
        [InitiativeStatus.Supported] = "gesteund",
        [InitiativeStatus.NotNow] = "niet-nu",
    };

    private static readonly Dictionary<InitiativeType, string> TypeWords = new()
    {
        [InitiativeType.NeighbourhoodActivity] = "buurtactiviteit",
        [InitiativeType.Proposal] = "voorstel",
        [InitiativeType.RightToChallenge] = "uitdaagrecht",
        [InitiativeType.Other] = "anders",
    };

    public static string UrlWord(this InitiativeStatus status) => UrlWords[status];

    public static string UrlWord(this InitiativeType type) => TypeWords[type];

    public static InitiativeStatus? StatusFromUrlWord(string? word) =>
        UrlWords.FirstOrDefault(w => string.Equals(w.Value, word, StringComparison.Ordinal)) is { Value: not null } hit ? hit.Key : null;

    public static InitiativeType? TypeFromUrlWord(string? word) =>
        TypeWords.FirstOrDefault(w => string.Equals(w.Value, word, StringComparison.Ordinal)) is { Value: not null } hit ? hit.Key : null;
}
