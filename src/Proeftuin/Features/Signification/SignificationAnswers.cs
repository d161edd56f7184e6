using System.Text.Json;

namespace Proeftuin.Features.Signification;

/// <summary>Where a stone was placed: x from the x-axis start (0) to its end (1), y from bottom (0) to top (1).</summary>
public sealed record StonePoint(double X, double Y);

/// <summary>
/// The teller's answer to one signifier. Na = "niet van toepassing" (then nothing else is set).
/// Triad: X, Y (the point, 0…1) and Top, Left, Right (the shares, sum 1). Dyad: X (0 = left pole, 1 = right pole).
/// Stones: stone id → point, or null when left unplaced. List: the chosen item ids.
/// </summary>
public sealed record SignifierAnswer
{
    public bool Na { get; init; }
    public double? X { get; init; }
    public double? Y { get; init; }
    public double? Top { get; init; }
    public double? Left { get; init; }
    public double? Right { get; init; }
    public IReadOnlyDictionary<string, StonePoint?>? Stones { get; init; }
    public IReadOnlyList<string>? Choices { get; init; }

    /// <summary>The triad shares, when this is a complete triad answer. Derived, so not stored.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public TriadShares? Triad => !Na && Top is { } t && Left is { } l && Right is { } r ? new TriadShares(t, l, r) : null;
}

/// <summary>What is stored in <c>Story.SignificationJson</c>: answers by signifier id (see the class docs for the shape).</summary>
public sealed record SignificationAnswers(IReadOnlyDictionary<string, SignifierAnswer> Answers)
{
    public string ToJson() => JsonSerializer.Serialize(this, FrameworkDefinition.Json);

    /// <summary>Null for no answers (or for stored text that is no longer readable, so one bad row never breaks a page).</summary>
    public static SignificationAnswers? FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try { return JsonSerializer.Deserialize<SignificationAnswers>(json, FrameworkDefinition.Json); }
        catch (JsonException) { return null; }
    }

    public SignifierAnswer? For(string signifierId) => Answers.TryGetValue(signifierId, out var a) ? a : null;
}
