using System.Globalization;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Activities;

/// <summary>
/// Calendar files (RFC 5545, with Ical.Net): one per activity and a feed per project. Times are written in
/// Europe/Amsterdam with a VTIMEZONE, so a calendar shows the Dutch clock time also across a change to or from summer
/// time. The UID stays the same for an activity; SEQUENCE rises with every change; a cancelled one has STATUS:CANCELLED.
/// </summary>
public sealed class ActivityCalendar(AppDbContext db, ActivityRules rules, ProjectAccess access, PublicUrl publicUrl)
{
    public static readonly string ContentType = "text/calendar; charset=utf-8";

    public async Task<string?> ForActivityAsync(int id, CancellationToken ct = default)
    {
        if (await rules.ReadAsync(id, ct: ct) is not var (activity, _) || activity.HiddenAt is not null) return null;
        return Write([activity], activity.Title);
    }

    /// <summary>The project's feed: its activities of the last half year and later (hidden ones left out).</summary>
    public async Task<string?> ForProjectAsync(int projectId, DateTime now, CancellationToken ct = default)
    {
        if (await access.ForProjectAsync(projectId, ct) is null) return null;
        var title = await db.Projects.Where(p => p.Id == projectId).Select(p => p.Title).FirstAsync(ct);
        var since = now.AddMonths(-6);
        var activities = await db.Set<Activity>().AsNoTracking().Where(a => a.ProjectId == projectId && a.HiddenAt == null && a.EndsAt >= since)
            .OrderBy(a => a.StartsAt).Take(FindActivities.Max).ToListAsync(ct);
        return Write(activities, "Activiteiten – " + title);
    }

    public string Uid(int id)
    {
        var host = Uri.TryCreate(publicUrl.Base, UriKind.Absolute, out var u) ? u.Host : "proeftuin";
        return $"activiteit-{id.ToString(CultureInfo.InvariantCulture)}@{host}";
    }

    private string Write(List<Activity> activities, string name)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Proeftuin//Activiteiten//NL", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", ActivityTimes.ZoneId);
        var earliest = activities.Count > 0 ? activities.Min(a => a.StartsAt) : DateTime.UtcNow;
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(ActivityTimes.ZoneId, earliest.AddYears(-1), includeHistoricalData: false));
        var baseUrl = publicUrl.Base;
        foreach (var a in activities)
        {
            var e = new CalendarEvent
            {
                Uid = Uid(a.Id),
                Summary = a.Title,
                Description = Description(a),
                Location = a.Place,
                Start = new CalDateTime(ActivityTimes.Local(a.StartsAt), ActivityTimes.ZoneId),
                End = new CalDateTime(ActivityTimes.Local(a.EndsAt), ActivityTimes.ZoneId),
                Sequence = a.Sequence,
                Status = a.IsCancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
                Url = new Uri($"{baseUrl}/activiteiten/{a.Id}"),
                DtStamp = new CalDateTime(DateTime.SpecifyKind(a.UpdatedAt, DateTimeKind.Utc)),
                LastModified = new CalDateTime(DateTime.SpecifyKind(a.UpdatedAt, DateTimeKind.Utc)),
            };
            calendar.Events.Add(e);
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static string Description(Activity a)
    {
        var parts = new List<string>();
        if (a.IsCancelled) parts.Add("Afgelast. " + a.CancelReason);
        if (a.Description.Length > 0) parts.Add(a.Description);
        if (a.Accessibility.Length > 0) parts.Add("Toegankelijkheid: " + a.Accessibility);
        return string.Join("\n\n", parts);
    }
}
