using Proeftuin.Web;

namespace Proeftuin.Features.Retention;

/// <summary>Bewaartermijnen: the periods, the use case that applies them, and the hosted job that runs it.</summary>
public sealed class RetentionModule : FeatureModule
{
    public override string? Texts => TextsBeside();

    public override void AddServices(WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.Configure<RetentionOptions>(builder.Configuration.GetSection(RetentionOptions.Section));
        s.AddScoped<ApplyRetention>();
        s.AddHostedService<RetentionJob>();
    }
}
