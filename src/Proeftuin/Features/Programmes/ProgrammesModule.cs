using Proeftuin.Web;

namespace Proeftuin.Features.Programmes;

/// <summary>Programmes and their partners.</summary>
public sealed class ProgrammesModule : FeatureModule
{
    public override string? Texts => TextsBeside();

    public override void AddServices(WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<GetProgrammeOverview>();
        s.AddScoped<SaveProgramme>();
        s.AddScoped<ManagePartners>();
    }

    public override void Map(WebApplication app)
    {
        app.MapProgrammesApi();
        app.MapPartnerLogos();
    }
}
