namespace Proeftuin.Shared;

/// <summary>Times are stored in UTC and shown in Dutch local time, so a late-evening change keeps its own date.</summary>
public static class Dates
{
    /// <summary>The IANA name, for calendar files (ZoneId first: static fields are set in the order they are written).</summary>
    public static readonly string ZoneId = "Europe/Amsterdam";
    public static readonly TimeZoneInfo Zone = FindZone();

    public static DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>The moment a Dutch calendar day starts, in UTC (for "from" and "to" filters on a date).</summary>
    public static DateTime StartUtc(DateOnly day) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Zone);

    /// <summary>"27 november 2026" (in the request's language).</summary>
    public static string Day(DateTime utc) => Local(utc).ToString("d MMMM yyyy");

    /// <summary>"27 november 2026" in Dutch whatever the request's language: for texts that are stored (meldingen, digest lines).</summary>
    public static string DutchDay(DateTime utc) => Local(utc).ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"));

    /// <summary>For the datetime attribute of a time element.</summary>
    public static string Iso(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mmZ");

    private static TimeZoneInfo FindZone()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById(ZoneId); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.Utc; }
    }
}
