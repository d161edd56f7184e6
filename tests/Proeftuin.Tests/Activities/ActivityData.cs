using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Features.Activities;

namespace Proeftuin.Tests.Activities;

/// <summary>Activities and registrations straight into the database, for tests that need them to exist.</summary>
public static class ActivityData
{
    public static Task<int> ActivityAsync(this ProeftuinFactory factory, int? projectId, int? capacity = null, string title = "Wandeling door de wijk",
        DateTime? startsAt = null, int? programmeId = null, DateTime? hiddenAt = null) =>
        factory.WithDbAsync(async db =>
        {
            var start = startsAt ?? factory.Clock.GetUtcNow().UtcDateTime.AddDays(7);
            var programme = programmeId ?? (projectId is { } pid ? await db.Projects.Where(p => p.Id == pid).Select(p => p.ProgrammeId).SingleAsync() : await db.Programmes.Select(p => p.Id).FirstAsync());
            var a = new Activity
            {
                ProgrammeId = programme,
                ProjectId = projectId,
                Type = ActivityType.Walk,
                Title = title,
                Place = "Lindeplein 4",
                StartsAt = start,
                EndsAt = start.AddHours(2),
                Capacity = capacity,
                CreatedAt = DateTime.UtcNow,
                UpdatedAt = DateTime.UtcNow,
                HiddenAt = hiddenAt,
            };
            db.Add(a);
            await db.SaveChangesAsync();
            return a.Id;
        });

    public static Task<List<ActivityRegistration>> RegistrationsAsync(this ProeftuinFactory factory, int activityId) =>
        factory.WithDbAsync(db => db.Set<ActivityRegistration>().AsNoTracking().Where(r => r.ActivityId == activityId).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).ToListAsync());

    public static Task<Activity> ActivityRowAsync(this ProeftuinFactory factory, int activityId) =>
        factory.WithDbAsync(db => db.Set<Activity>().AsNoTracking().SingleAsync(a => a.Id == activityId));

    /// <summary>A guest signs up through the use case, in a scope of its own (as a request would).</summary>
    public static async Task<Proeftuin.Web.Outcome<ActivityRegistration>> GuestRegistersAsync(this ProeftuinFactory factory, int activityId, string name, string email)
    {
        Proeftuin.Web.Outcome<ActivityRegistration>? outcome = null;
        await factory.WithScopeAsync(async sp => outcome = await sp.GetRequiredService<RegisterForActivity>().RunAsync(activityId, new RegisterInput(name, email)));
        return outcome!;
    }
}
