using Proeftuin.Features.Members;

namespace Proeftuin.Features.Projects;

public sealed record BalanceColumn(Perspective Perspective, int Count, int Percent);

/// <summary>
/// Ervaringskennis, professionele kennis en wetenschappelijke kennis side by side, with a plain warning when
/// a source is missing or under 20 % (DESIGN.md §2). Starts with people; later issues add contributions.
/// </summary>
public sealed record KnowledgeBalance(IReadOnlyList<BalanceColumn> Columns, int Total)
{
    public const int LowPercent = 20;

    public static KnowledgeBalance FromPeople(IEnumerable<Perspective> perspectives)
    {
        var counts = perspectives.GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());
        var total = counts.Values.Sum();
        var columns = Enum.GetValues<Perspective>()
            .Select(p => counts.TryGetValue(p, out var n)
                ? new BalanceColumn(p, n, total == 0 ? 0 : (int)Math.Round(100.0 * n / total))
                : new BalanceColumn(p, 0, 0))
            .ToList();
        return new KnowledgeBalance(columns, total);
    }

    public IEnumerable<BalanceColumn> Missing => Total == 0 ? [] : Columns.Where(c => c.Count == 0);
    public IEnumerable<BalanceColumn> Low => Total == 0 ? [] : Columns.Where(c => c.Count > 0 && c.Percent < LowPercent);

    /// <summary>Width class for the bar, in steps of 5 (inline styles are not allowed by the CSP).</summary>
    public static string WidthClass(int percent) => $"pt-w-{Math.Clamp((int)Math.Round(percent / 5.0) * 5, 0, 100)}";
}
