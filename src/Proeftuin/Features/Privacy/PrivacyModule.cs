using Proeftuin.Web;

namespace Proeftuin.Features.Privacy;

/// <summary>
/// The resident's data (AVG): download everything about me, delete my account. Each feature that stores data about a
/// person adds its own <see cref="IPersonalDataContributor"/> in its module; this one gathers them (ADR 0020).
/// </summary>
public sealed class PrivacyModule : FeatureModule
{
    public override string? Texts => TextsBeside();

    public override void AddServices(WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<IPersonalDataContributor, PrivacyPersonalData>();
        s.AddScoped<ExportPersonalData>();
        s.AddScoped<EraseAccount>();
        s.AddSingleton<ExportQueue>();
        s.AddHostedService<ExportWorker>();
    }
}
