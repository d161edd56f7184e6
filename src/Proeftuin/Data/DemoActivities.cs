using Microsoft.EntityFrameworkCore;
using Proeftuin.Features.Accounts;
using Proeftuin.Features.Activities;
using Proeftuin.Features.Projects;
using Proeftuin.Features.Reflections;
using Proeftuin.Web;

namespace Proeftuin.Data;

/// <summary>
/// Activities in the demo (issue 14): a walk through the neighbourhood for "Samen tegen eenzaamheid in de wijk" that is
/// full, with two guests on the waiting list; the reflection meeting after the welcome proef, with the planned
/// reflection attached; and a meeting for the whole programme.
/// </summary>
internal static class DemoActivities
{
    public const string WalkTitle = "Wandeling door de wijk";
    public const string ReflectionTitle = "Samen terugkijken op de welkomstproef";
    public const string ProgrammeTitle = "Open avond: sociale innovatie in de wijk";

    public static async Task SeedAsync(AppDbContext db, Markdown markdown, Project lonely, IReadOnlyDictionary<string, AppUser> users, DateTime now)
    {
        var today = DateOnly.FromDateTime(Shared.Dates.Local(now));
        var facilitator = users["procesbegeleider"].Id;
        var reflection = await db.Items.OfType<Reflection>().Where(r => r.ProjectId == lonely.Id && r.Title == DemoReflections.PlannedTitle).Select(r => (int?)r.Id).FirstOrDefaultAsync();

        Activity Make(int? projectId, ActivityType type, string title, string text, int days, int startHour, int endHour, string place, string access, int? capacity)
        {
            var day = today.AddDays(days);
            return new Activity
            {
                ProgrammeId = lonely.ProgrammeId,
                ProjectId = projectId,
                Type = type,
                Title = title,
                Description = text,
                DescriptionHtml = markdown.ToSafeHtml(text),
                StartsAt = ActivityTimes.ToUtc(day, new TimeOnly(startHour, 0)) ?? now.AddDays(days),
                EndsAt = ActivityTimes.ToUtc(day, new TimeOnly(endHour, 0)) ?? now.AddDays(days).AddHours(2),
                Place = place,
                Accessibility = access,
                Capacity = capacity,
                CreatedById = facilitator,
                CreatedAt = now.AddDays(-4),
                UpdatedAt = now.AddDays(-4),
            };
        }

        var walk = Make(lonely.Id, ActivityType.Walk, WalkTitle,
            "We lopen samen een rondje door de wijk en kijken: **waar ontmoeten mensen elkaar**, en waar niet? Daarna koffie in Buurtkamer De Linde.",
            9, 10, 12, "Start bij Buurtkamer De Linde, Lindeplein 4", "Rustig tempo, ongeveer 2 kilometer. Er rijdt een rolstoelbus mee; bel de buurtkamer als je die nodig hebt.", 3);
        var meeting = Make(lonely.Id, ActivityType.ReflectionSession, ReflectionTitle,
            "Bewoners, wijkteam en onderzoeker kijken samen terug op de eerste zondagen met een gastvrouw bij de deur.",
            21, 14, 16, "Buurtkamer De Linde, Lindeplein 4", "Drempelvrij, met ringleiding. Er is een stille hoek.", 20);
        meeting.ReflectionId = reflection;
        var open = Make(null, ActivityType.Meeting, ProgrammeTitle,
            "Alle projecten van het programma laten zien wat ze doen. Iedereen is welkom, ook als je nog nergens aan meedoet.",
            30, 19, 21, "Wijkcentrum De Brug, Brugstraat 10", "Drempelvrij, invalidentoilet, ringleiding in de grote zaal.", null);
        db.AddRange(walk, meeting, open);
        await db.SaveChangesAsync();

        ActivityRegistration Reg(Activity a, string? userId, string? name, string? email, RegistrationStatus status, int minutesAgo) => new()
        {
            ActivityId = a.Id,
            UserId = userId,
            GuestName = name,
            GuestEmail = email,
            Status = status,
            CreatedAt = now.AddDays(-3).AddMinutes(-minutesAgo),
            CancelTokenHash = email is null ? null : Tokens.Hash(Tokens.New()),
        };
        db.AddRange(
            Reg(walk, users["inwoner"].Id, null, null, RegistrationStatus.Registered, 50),
            Reg(walk, users["wijkteam"].Id, null, null, RegistrationStatus.Registered, 40),
            Reg(walk, null, "Riet", "riet@voorbeeld.nl", RegistrationStatus.Registered, 30),
            Reg(walk, null, "Ahmed", "ahmed@voorbeeld.nl", RegistrationStatus.WaitingList, 20),
            Reg(walk, null, "Joke", "joke@voorbeeld.nl", RegistrationStatus.WaitingList, 10),
            Reg(meeting, users["inwoner"].Id, null, null, RegistrationStatus.Registered, 5),
            Reg(meeting, users["onderzoeker"].Id, null, null, RegistrationStatus.Registered, 4));
        walk.RegisteredCount = 3;
        meeting.RegisteredCount = 2;
        await db.SaveChangesAsync();
    }
}
