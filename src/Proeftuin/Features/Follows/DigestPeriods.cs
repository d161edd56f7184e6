using Proeftuin.Shared;

namespace Proeftuin.Features.Follows;

public sealed class DigestOptions
{
    public bool Enabled { get; set; } = true;
    /// <summary>How often the job looks for digests to send; also the shortest gap between two "direct" mails.</summary>
    public int IntervalMinutes { get; set; } = 5;
    /// <summary>The hour (Dutch time) from which the daily and weekly digests go out.</summary>
    public int SendHour { get; set; } = 7;
}

/// <summary>
/// The period a digest covers. A person gets at most one mail per period: the job sends when their last mail is older
/// than the start of the current period. Daily starts at SendHour Dutch time; weekly on Monday at that hour.
/// </summary>
public static class DigestPeriods
{
    public static DateTime? CurrentStart(DigestFrequency frequency, DateTime nowUtc, DigestOptions options)
    {
        if (frequency == DigestFrequency.Direct) return nowUtc.AddMinutes(-Math.Max(1, options.IntervalMinutes));
        if (frequency is not (DigestFrequency.Daily or DigestFrequency.Weekly)) return null;
        var local = Dates.Local(nowUtc);
        var day = DateOnly.FromDateTime(local);
        var hour = Math.Clamp(options.SendHour, 0, 23);
        if (local.Hour < hour) day = day.AddDays(-1);
        if (frequency == DigestFrequency.Weekly)
            day = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        return Dates.StartUtc(day).AddHours(hour);
    }

    public static bool IsDue(DigestFrequency frequency, DateTime? lastSentAt, DateTime nowUtc, DigestOptions options) =>
        CurrentStart(frequency, nowUtc, options) is { } start && (lastSentAt is null || lastSentAt < start);

    /// <summary>For the mail's closing line and the settings page.</summary>
    public static string Label(this DigestFrequency f) => f switch
    {
        DigestFrequency.Direct => "direct",
        DigestFrequency.Daily => "elke dag",
        DigestFrequency.Weekly => "elke week",
        _ => "nooit per e-mail",
    };
}
