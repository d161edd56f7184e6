using System.Globalization;
using Proeftuin.Web;

namespace Proeftuin.Features.Activities;

/// <summary>The Dutch words (localizer keys, B1) and the API names for activities.</summary>
public static class ActivityWords
{
    public static string Label(this ActivityType type) => type switch
    {
        ActivityType.Meeting => "Bijeenkomst",
        ActivityType.Walk => "Wandeling",
        ActivityType.TestAfternoon => "Testmiddag",
        ActivityType.ReflectionSession => "Reflectiebijeenkomst",
        ActivityType.Other => "Anders",
        _ => type.ToString(),
    };

    public static string Label(this RegistrationStatus status) => status switch
    {
        RegistrationStatus.Registered => "Aangemeld",
        RegistrationStatus.WaitingList => "Op de wachtlijst",
        RegistrationStatus.Cancelled => "Afgemeld",
        _ => status.ToString(),
    };
}

/// <summary>The fixed English names in the API.</summary>
public static class ActivitySlugs
{
    public static readonly ApiSlugs<ActivityType> Type = new(new Dictionary<ActivityType, string>
    {
        [ActivityType.Meeting] = "meeting",
        [ActivityType.Walk] = "walk",
        [ActivityType.TestAfternoon] = "test-afternoon",
        [ActivityType.ReflectionSession] = "reflection-session",
        [ActivityType.Other] = "other",
    });
}

/// <summary>Activity times: a day and clock times in Dutch local time on the form, UTC in the database.</summary>
public static class ActivityTimes
{
    // The one Dutch time zone of the app (Shared/Dates), named here for the calendar files.
    public static string ZoneId => Shared.Dates.ZoneId;
    public static TimeZoneInfo Zone => Shared.Dates.Zone;

    /// <summary>Null when the local time does not exist (the hour skipped when summer time starts).</summary>
    public static DateTime? ToUtc(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local)) return null;
        return TimeZoneInfo.ConvertTimeToUtc(local, Zone);
    }

    public static DateTime Local(DateTime utc) => Shared.Dates.Local(utc);

    public static TimeOnly? ReadTime(Validation v, string field, string? value, string label)
    {
        var text = (value ?? "").Trim();
        if (text.Length == 0)
        {
            v.Add(field, "Vul {0} in.", label);
            return null;
        }
        if (text.Length > 8 || !TimeOnly.TryParseExact(text, ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            v.Add(field, "Vul {0} in als uren en minuten, bijvoorbeeld 14:30.", label);
            return null;
        }
        return time;
    }

    /// <summary>"za 12 december 2026, 14:00–16:00".</summary>
    public static string When(DateTime startsAt, DateTime endsAt, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        var s = Local(startsAt);
        var e = Local(endsAt);
        var day = s.ToString("dddd d MMMM yyyy", culture);
        var from = s.ToString("HH:mm", CultureInfo.InvariantCulture);
        var to = e.ToString("HH:mm", CultureInfo.InvariantCulture);
        return s.Date == e.Date ? $"{day}, {from}–{to}" : $"{day}, {from} – {e.ToString("dddd d MMMM yyyy", culture)}, {to}";
    }

    /// <summary>Mails are written in Dutch, also from the background job (which has no request culture).</summary>
    public static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");
}
