using Proeftuin.Web;

namespace Proeftuin.Features.Follows;

/// <summary>Follow a project, initiative or item; meldingen and e-mail digests of what happens there (issue 14).</summary>
public sealed class FollowsModule : FeatureModule
{
    public override string? Texts => TextsBeside();

    public override void AddServices(WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<FollowTopics>();
        s.AddScoped<FollowThing>();
        s.AddScoped<FollowNews>();
        s.AddScoped<ManageDigest>();
        s.AddSingleton<UnsubscribeLinks>();
        s.AddScoped<SendDigests>();
        s.Configure<DigestOptions>(builder.Configuration.GetSection("Follows:Digests"));
        s.AddHostedService<DigestJob>();
        s.AddScoped<Privacy.IPersonalDataContributor, FollowsPersonalData>();
    }
}
