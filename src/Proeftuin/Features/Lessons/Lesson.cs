using Proeftuin.Features.Thread;

namespace Proeftuin.Features.Lessons;

/// <summary>Les: what the team learned, from a decision or a reflection. Plain text on the thread for now.</summary>
public sealed class Lesson : ThreadItem;
