using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Proeftuin.Features.Signification;

/// <summary>The kinds of signifier Proeftuin asks about (reference/self-signification.md).</summary>
public enum SignifierType
{
    Triad,
    Dyad,
    Stones,
    List,
}

/// <summary>An anchor of a triad, a pole of a dyad, a stone or a list item: a stable id (used in exports) and its text.</summary>
public sealed record SignifierLabel(string Id, string Text);

/// <summary>One axis of a stones canvas: what its start (0) and end (1) mean.</summary>
public sealed record StonesAxis(string StartLabel, string EndLabel);

/// <summary>
/// One question of the framework. Which parts are set depends on the type: a triad has three labels (top, left,
/// right), a dyad two (left, right), stones an x and y axis and 2–6 stones, a list its items.
/// </summary>
public sealed record Signifier
{
    public required string Id { get; init; }
    public required SignifierType Type { get; init; }
    /// <summary>The question, e.g. "Wat hielp hier het meest?".</summary>
    public required string Title { get; init; }
    /// <summary>The teller may answer "niet van toepassing".</summary>
    public bool AllowNa { get; init; }
    public bool Required { get; init; }
    public IReadOnlyList<SignifierLabel>? Labels { get; init; }
    public StonesAxis? XAxis { get; init; }
    public StonesAxis? YAxis { get; init; }
    public IReadOnlyList<SignifierLabel>? Stones { get; init; }
    public IReadOnlyList<SignifierLabel>? Items { get; init; }
    /// <summary>A list where more than one item may be chosen.</summary>
    public bool Multiple { get; init; }

    [JsonIgnore] public SignifierLabel Top => Labels![0];
    [JsonIgnore] public SignifierLabel Left => Type == SignifierType.Triad ? Labels![1] : Labels![0];
    [JsonIgnore] public SignifierLabel Right => Type == SignifierType.Triad ? Labels![2] : Labels![1];
}

/// <summary>A project's framework as stored in <see cref="SignificationFramework.Json"/>: our own schema, snake_case.</summary>
public sealed record FrameworkDefinition(string Name, string Language, IReadOnlyList<Signifier> Signifiers)
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static FrameworkDefinition FromJson(string json) =>
        JsonSerializer.Deserialize<FrameworkDefinition>(json, Json) ?? throw new JsonException("Empty framework");

    public Signifier? Find(string id) => Signifiers.FirstOrDefault(s => s.Id == id);

    /// <summary>
    /// Used while a project has no framework of its own. Our own B1 texts; triad anchors are all helpful things
    /// and the dyad's poles are equally undesirable, so no corner is the "right" answer.
    /// </summary>
    public static FrameworkDefinition Default { get; } = new("Standaard duidingskader", "nl",
    [
        new Signifier
        {
            Id = "hulp", Type = SignifierType.Triad, Title = "Wat hielp hier het meest?", AllowNa = true,
            Labels = [new("eigen-kracht", "Mijn eigen kracht"), new("professionals", "Hulp van professionals"), new("omgeving", "Mensen om mij heen")],
        },
        new Signifier
        {
            Id = "regie", Type = SignifierType.Dyad, Title = "In deze situatie werd er…", AllowNa = true,
            Labels = [new("over-mij", "te veel over mij beslist"), new("alleen", "te veel aan mij zelf overgelaten")],
        },
        new Signifier
        {
            Id = "betrokkenen", Type = SignifierType.Stones, Title = "Waar staan de betrokkenen in jouw verhaal?", AllowNa = true,
            XAxis = new("ver van mij af", "dicht bij mij"),
            YAxis = new("weinig invloed", "veel invloed"),
            Stones = [new("gemeente", "Gemeente"), new("hulpverlening", "Hulpverlening"), new("familie", "Familie en vrienden"), new("buren", "Buren")],
        },
        new Signifier
        {
            Id = "gevoel", Type = SignifierType.List, Title = "Hoe voelde je je toen?", Multiple = false,
            Items = [new("zorgen", "Ik maakte me zorgen"), new("vertrouwen", "Ik kreeg vertrouwen"), new("allebei", "Allebei"), new("anders", "Iets anders")],
        },
    ]);
}

/// <summary>Limits of a framework: few signifiers keep answering short (fatigue), ids stay readable as export columns.</summary>
public static class FrameworkLimits
{
    public const int Signifiers = 12;
    public const int Id = 30;
    public const int Title = 200;
    public const int Label = 100;
    public const int MinStones = 2;
    public const int MaxStones = 6;
    public const int MinItems = 2;
    public const int MaxItems = 10;

    /// <summary>Ids are lower-case letters, digits and hyphens, starting with a letter: no underscore, so export columns like hulp_eigen-kracht split unambiguously.</summary>
    public static bool IsValidId(string id) =>
        id.Length is > 0 and <= Id && char.IsAsciiLetterLower(id[0]) && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    /// <summary>An id made from a text: "Hulp van professionals" → "hulp-van-professionals".</summary>
    public static string Slug(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)) sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        var slug = sb.ToString().Trim('-');
        if (slug.Length > Id) slug = slug[..Id].TrimEnd('-');
        if (slug.Length == 0 || !char.IsAsciiLetterLower(slug[0])) slug = ("x" + slug)[..Math.Min(Id, slug.Length + 1)];
        return slug;
    }
}
