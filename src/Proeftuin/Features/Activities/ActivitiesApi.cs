using System.Globalization;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Activities;

/// <summary>Activities in the API (English names; type as a slug) and the calendar files.</summary>
public static class ActivitiesApi
{
    public sealed record ActivityDto(int Id, int ProgrammeId, int? ProjectId, string Type, string Title, DateTime StartsAt, DateTime EndsAt,
        string Place, int? Capacity, int Registered, int? PlacesLeft, bool Cancelled, string Url, string CalendarUrl);

    public static ActivityDto ToDto(ActivitySummary a) => new(a.Id, a.ProgrammeId, a.ProjectId, ActivitySlugs.Type.Of(a.Type), a.Title,
        DateTime.SpecifyKind(a.StartsAt, DateTimeKind.Utc), DateTime.SpecifyKind(a.EndsAt, DateTimeKind.Utc), a.Place, a.Capacity, a.Registered,
        a.Capacity is { } c ? Math.Max(0, c - a.Registered) : null, a.Cancelled, $"/activiteiten/{a.Id}", $"/api/v1/activities/{a.Id}.ics");

    public static WebApplication MapActivitiesApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/activities").WithTags("Activiteiten").RequireRateLimiting(RateLimits.Api);

        api.MapGet("", async (string? from, string? to, string? programme, string? project, FindActivities find, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
            {
                if (!Day(from, out var fromDay)) return ApiResults.BadQuery(l, "from", "Vul bij from een datum in als jjjj-mm-dd, bijvoorbeeld 2026-12-31.");
                if (!Day(to, out var toDay)) return ApiResults.BadQuery(l, "to", "Vul bij to een datum in als jjjj-mm-dd, bijvoorbeeld 2026-12-31.");
                if (fromDay is { } f && toDay is { } t && t < f) return ApiResults.BadQuery(l, "to", "De datum bij to ligt voor de datum bij from.");
                if (!Id(programme, out var programmeId)) return ApiResults.BadQuery(l, "programme", "Vul bij programme het nummer van een programma in.");
                if (!Id(project, out var projectId)) return ApiResults.BadQuery(l, "project", "Vul bij project het nummer van een project in.");
                var list = await find.RunAsync(new ActivityFilter(programmeId, projectId,
                    fromDay is { } fd ? Shared.Dates.StartUtc(fd) : null, toDay is { } td ? Shared.Dates.StartUtc(td.AddDays(1)) : null), ct);
                return Results.Ok(list.Select(ToDto).ToList());
            })
            .WithSummary("Activiteiten die je mag zien, op volgorde van begintijd. from en to: datums (jjjj-mm-dd, Nederlandse tijd), programme en project: nummers")
            .Produces<List<ActivityDto>>()
            .ProducesValidationProblem();

        api.MapGet("/{id:int}.ics", async (int id, ActivityCalendar calendar, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
                await calendar.ForActivityAsync(id, ct) is { } ics ? Results.Text(ics, ActivityCalendar.ContentType) : ApiResults.NotFound(l))
            .WithSummary("Een activiteit als agendabestand (iCalendar, Europe/Amsterdam)")
            .Produces<string>(StatusCodes.Status200OK, "text/calendar")
            .ProducesProblem(StatusCodes.Status404NotFound);

        // For people: the same file with a download name, and the project's feed to subscribe to.
        app.MapGet("/activiteiten/{id:int}.ics", async (int id, ActivityCalendar calendar, HttpContext http, CancellationToken ct) =>
            {
                if (await calendar.ForActivityAsync(id, ct) is not { } ics) return Results.NotFound();
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"activiteit-{id.ToString(CultureInfo.InvariantCulture)}.ics\"";
                return Results.Text(ics, ActivityCalendar.ContentType);
            }).ExcludeFromDescription();
        app.MapGet("/projecten/{id:int}/activiteiten.ics", async (int id, ActivityCalendar calendar, TimeProvider clock, CancellationToken ct) =>
                await calendar.ForProjectAsync(id, clock.GetUtcNow().UtcDateTime, ct) is { } ics ? Results.Text(ics, ActivityCalendar.ContentType) : Results.NotFound())
            .ExcludeFromDescription();
        return app;
    }

    private static bool Day(string? text, out DateOnly? day)
    {
        day = null;
        if (string.IsNullOrEmpty(text)) return true;
        if (text.Length != 10 || !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) || d.Year < 2000 || d.Year > 2100) return false;
        day = d;
        return true;
    }

    private static bool Id(string? text, out int? id)
    {
        id = null;
        if (string.IsNullOrEmpty(text)) return true;
        if (text.Length > 9 || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1) return false;
        id = n;
        return true;
    }
}
