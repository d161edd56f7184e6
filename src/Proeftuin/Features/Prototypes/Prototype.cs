using Proeftuin.Features.Thread;

namespace Proeftuin.Features.Prototypes;

/// <summary>Prototype: one or more ideas made tangible (a sketch, a role play, a mock-up, a service pilot) to learn from.</summary>
public sealed class Prototype : ThreadItem;
