using Proeftuin.Web;

namespace Proeftuin.Features.Prototypes;

/// <summary>Prototypes: ideas made tangible, with the assumptions they test.</summary>
public sealed class PrototypesModule : FeatureModule
{
    public override string? Texts => TextsBeside();
}
