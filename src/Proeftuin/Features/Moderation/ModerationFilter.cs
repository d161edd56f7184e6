using Microsoft.EntityFrameworkCore;

namespace Proeftuin.Features.Moderation;

/// <summary>The named query filter that leaves hidden contributions out of every query (ADR 0037).</summary>
public static class ModerationFilter
{
    public static readonly string Name = "moderatie";

    /// <summary>This query sees hidden rows too: for moderators, the thread's placeholders, personal data and retention.</summary>
    public static IQueryable<T> WithHidden<T>(this IQueryable<T> query) where T : class => query.IgnoreQueryFilters([Name]);
}

public static class ModerationLimits
{
    public const int Reason = 500;
    public const int Note = 1000;
    /// <summary>Reports one person may file per hour: enough for a real problem, too few to flood the queue.</summary>
    public const int ReportsPerHour = 10;
}
