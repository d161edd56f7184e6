using Proeftuin.Web;

namespace Proeftuin.Features.Experiments;

/// <summary>Proeven: experiments in practice, their observations and measurements, results and decisions.</summary>
public sealed class ExperimentsModule : FeatureModule
{
    public override string? Texts => TextsBeside();
}
