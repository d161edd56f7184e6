using Proeftuin.Web;

namespace Proeftuin.Features.Activities;

/// <summary>Activiteiten: meetings, walks, test afternoons and reflection sessions, with sign-up, a waiting list, calendar files and a reminder.</summary>
public sealed class ActivitiesModule : FeatureModule
{
    public override string? Texts => TextsBeside();

    public override void AddServices(WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddScoped<ActivityRules>();
        s.AddScoped<ActivityMail>();
        s.AddScoped<WaitingList>();
        s.AddScoped<PlanActivity>();
        s.AddScoped<CancelActivity>();
        s.AddScoped<RegisterForActivity>();
        s.AddScoped<CancelRegistration>();
        s.AddScoped<GetActivity>();
        s.AddScoped<FindActivities>();
        s.AddScoped<GetRegistrations>();
        s.AddScoped<ActivityCalendar>();
        s.AddScoped<SendActivityReminders>();
        s.AddScoped<Privacy.IPersonalDataContributor, ActivitiesPersonalData>();
        s.Configure<ActivityReminderOptions>(builder.Configuration.GetSection("Activities:Reminders"));
        s.AddHostedService<ActivityReminderJob>();
    }

    public override void Map(WebApplication app) => app.MapActivitiesApi();

    public override IEnumerable<WorkspaceLink> WorkspaceLinks =>
    [
        // After the reflections: when and where the team meets residents.
        new WorkspaceLink("Activiteiten", id => $"/activiteiten?project={id}", 63, _ => true),
    ];
}
