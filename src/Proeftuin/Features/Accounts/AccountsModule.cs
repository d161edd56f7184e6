using Proeftuin.Web;

namespace Proeftuin.Features.Accounts;

/// <summary>Accounts: register, sign in (password or e-mailed link), the account page. Identity itself is set up in Web/AuthSetup.</summary>
public sealed class AccountsModule : FeatureModule
{
    public override string? Texts => TextsBeside();

    public override void AddServices(WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<RegisterAccount>();
        s.AddScoped<RequestSignInLink>();
        s.AddScoped<UseSignInLink>();
        s.AddScoped<UpdateAccount>();
        s.AddScoped<SetPassword>();
        builder.Services.AddScoped<Privacy.IPersonalDataContributor, AccountsPersonalData>();
    }
}
