using Proeftuin.Web;

namespace Proeftuin.Features.Gates;

/// <summary>Gates: go / back / stop decisions on a project's phase, with evaluator advice (ADR 0028).</summary>
public sealed class GatesModule : FeatureModule
{
    public override string? Texts => TextsBeside();

    public override void AddServices(WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<DecideGate>();
        s.AddScoped<AskGateAdvice>();
        s.AddScoped<GiveGateAdvice>();
        s.AddScoped<GetAdviceRequest>();
        s.AddScoped<Privacy.IPersonalDataContributor, GatesPersonalData>();
    }
}
