using Proeftuin.Web;

namespace Proeftuin.Features.Notifications;

/// <summary>Meldingen in the app, and telling a story's teller what came of it.</summary>
public sealed class NotificationsModule : FeatureModule
{
    public override string? Texts => TextsBeside();

    public override void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<NotifyTeller>();
        builder.Services.AddScoped<GetNotifications>();
        builder.Services.AddScoped<Privacy.IPersonalDataContributor, NotificationsPersonalData>();
    }
}
