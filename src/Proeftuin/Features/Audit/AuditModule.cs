using Proeftuin.Web;

namespace Proeftuin.Features.Audit;

/// <summary>The audit log (logboek) of sensitive actions.</summary>
public sealed class AuditModule : FeatureModule
{
    public override string? Texts => TextsBeside();

    public override void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AuditLog>();
        builder.Services.AddScoped<FindAuditEvents>();
        builder.Services.AddScoped<Privacy.IPersonalDataContributor, AuditPersonalData>();
    }
}
