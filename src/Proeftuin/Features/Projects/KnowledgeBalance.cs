using Proeftuin.Features.Members;

namespace Proeftuin.Features.Projects;

public sealed record BalanceColumn(Perspective Perspective, int Count, int Percent);

/// <summary>
/// Ervaringskennis, professionele kennis en wetenschappelijke kennis side by side, with a plain warning when
/// a source is missing or under 20 % (DESIGN.md §2). Used for people and for contributions.
/// </summary>
public sealed record KnowledgeBalance(IReadOnlyList<BalanceColumn> Columns, int Total)
{
    public const int LowPercent = 20;

    public static KnowledgeBalance FromPeople(IEnumerable<Perspective> perspectives) =>
        FromCounts(perspectives.GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count()));

    public static KnowledgeBalance FromCounts(IReadOnlyDictionary<Perspective, int> counts)
    {
        var total = counts.Values.Sum();
        var columns = Enum.GetValues<Perspective>()
            .Select(p => counts.TryGetValue(p, out var n) && n > 0
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

/// <summary>What counts as a contribution in the balance: every kind on the thread, and comments.</summary>
public enum ContributionKind
{
    Stories,
    Insights,
    Sources,
    PersonasAndJourneys,
    Needs,
    Questions,
    Ideas,
    Comments,
}

public sealed record ContributionRow(ContributionKind Kind, IReadOnlyDictionary<Perspective, int> Counts)
{
    public int this[Perspective p] => Counts.TryGetValue(p, out var n) ? n : 0;
}

/// <summary>The balance in one phase: contributions by knowledge source next to people by perspective.</summary>
public sealed record PhaseBalance(Phase Phase, KnowledgeBalance People, KnowledgeBalance Contributions, IReadOnlyList<ContributionRow> Rows)
{
    public int Stories => Rows.Where(r => r.Kind == ContributionKind.Stories).Sum(r => r.Counts.Values.Sum());

    public static PhaseBalance From(Phase phase, KnowledgeBalance people, IEnumerable<(ContributionKind Kind, Perspective Source, int Count)> counts)
    {
        var list = counts.ToList();
        var rows = Enum.GetValues<ContributionKind>()
            .Select(k => new ContributionRow(k, list.Where(c => c.Kind == k).GroupBy(c => c.Source).ToDictionary(g => g.Key, g => g.Sum(c => c.Count))))
            .ToList();
        var totals = list.GroupBy(c => c.Source).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        return new PhaseBalance(phase, people, KnowledgeBalance.FromCounts(totals), rows);
    }
}

public static class ContributionWords
{
    public static string Label(this ContributionKind kind) => kind switch
    {
        ContributionKind.Stories => "Ervaringsverhalen",
        ContributionKind.Insights => "Inzichten",
        ContributionKind.Sources => "Bronnen",
        ContributionKind.PersonasAndJourneys => "Persona's en klantreizen",
        ContributionKind.Needs => "Behoeften",
        ContributionKind.Questions => "Hoe kunnen we-vragen",
        ContributionKind.Ideas => "Ideeën",
        ContributionKind.Comments => "Reacties",
        _ => kind.ToString(),
    };
}
