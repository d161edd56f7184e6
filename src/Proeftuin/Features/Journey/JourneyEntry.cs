using Proeftuin.Features.Thread;

namespace Proeftuin.Features.Journey;

/// <summary>
/// A note on the project's innovatiereis: a kwestie the team ran into, a leermoment, an antwoord (to a kwestie, linked
/// "antwoord beantwoordt kwestie"), a richtingaanwijzer for who comes after, or a doodlopende afslag (a path not taken).
/// Dated by when it happened, with its knowledge source; Title says it in one line, Text (Markdown) tells more.
/// </summary>
public sealed class JourneyEntry : ThreadItem
{
    public JourneyEntryType Type { get; set; }
    public DateOnly OccurredOn { get; set; }
}

public enum JourneyEntryType
{
    Issue = 0,
    LearningMoment = 1,
    Answer = 2,
    Signpost = 3,
    DeadEnd = 4,
}
