using Proeftuin.Web;

namespace Proeftuin.Features.Mine;

/// <summary>Mijn Proeftuin: one person's projects, sessions, stories and notifications.</summary>
public sealed class MineModule : FeatureModule
{
    public override string? Texts => TextsBeside();

    public override void AddServices(WebApplicationBuilder builder) => builder.Services.AddScoped<GetMyOverview>();
}
