using Proeftuin.Web;

namespace Proeftuin.Features.Members;

/// <summary>Project members: invitations, roles, perspectives.</summary>
public sealed class MembersModule : FeatureModule
{
    public override string? Texts => TextsBeside();

    public override void AddServices(WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<InviteMember>();
        s.AddScoped<AcceptInvitation>();
        s.AddScoped<ChangeMember>();
        s.AddScoped<ManageInvitations>();
        builder.Services.AddScoped<Privacy.IPersonalDataContributor, MembersPersonalData>();
    }
}
