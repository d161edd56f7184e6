using Proeftuin.Web;

namespace Proeftuin.Features.Lessons;

/// <summary>Lessen: what projects learn. A library across projects follows with the learning work.</summary>
public sealed class LessonsModule : FeatureModule
{
    public override string? Texts => TextsBeside();
}
