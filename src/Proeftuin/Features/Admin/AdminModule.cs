using Proeftuin.Web;

namespace Proeftuin.Features.Admin;

/// <summary>Platform administration: people, blocking, sign-in links on request.</summary>
public sealed class AdminModule : FeatureModule
{
    public override string? Texts => TextsBeside();

    public override void AddServices(WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<FindPeople>();
        s.AddScoped<BlockAccount>();
        s.AddScoped<MailSignInLink>();
    }
}
