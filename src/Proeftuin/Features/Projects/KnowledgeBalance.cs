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

/// <summary>
/// A row of the contributions table: what counts together (personas and journey maps share one). Each thread kind
/// names its row in its descriptor (ThreadKind.Balance), so a new kind can bring its own row; comments have one too.
/// Label is the localizer key; ApiSlug the fixed name in the API's contributionsByKind; Order the place in the table.
/// </summary>
public sealed record BalanceRow(string ApiSlug, string Label, int Order);

/// <summary>The rows the kinds of today count in (ADR 0017).</summary>
public static class BalanceRows
{
    public static readonly BalanceRow Stories = new("Stories", "Ervaringsverhalen", 10);
    public static readonly BalanceRow Insights = new("Insights", "Inzichten", 20);
    public static readonly BalanceRow Sources = new("Sources", "Bronnen", 30);
    public static readonly BalanceRow PersonasAndJourneys = new("PersonasAndJourneys", "Persona's en klantreizen", 40);
    public static readonly BalanceRow Needs = new("Needs", "Behoeften", 50);
    public static readonly BalanceRow Questions = new("Questions", "Hoe kunnen we-vragen", 60);
    public static readonly BalanceRow Ideas = new("Ideas", "Ideeën", 70);
    /// <summary>Reacties: not a thread kind, but contributions all the same.</summary>
    public static readonly BalanceRow Comments = new("Comments", "Reacties", 1000);
}

public sealed record ContributionRow(BalanceRow Kind, IReadOnlyDictionary<Perspective, int> Counts)
{
    public int this[Perspective p] => Counts.TryGetValue(p, out var n) ? n : 0;
}

/// <summary>The balance in one phase: contributions by knowledge source next to people by perspective.</summary>
public sealed record PhaseBalance(Phase Phase, KnowledgeBalance People, KnowledgeBalance Contributions, IReadOnlyList<ContributionRow> Rows)
{
    public int Stories => Rows.Where(r => r.Kind == BalanceRows.Stories).Sum(r => r.Counts.Values.Sum());

    /// <summary>Every row is shown, also when empty; counts for a row not in <paramref name="rows"/> throw (a kind counted nowhere).</summary>
    public static PhaseBalance From(Phase phase, KnowledgeBalance people, IEnumerable<BalanceRow> rows, IEnumerable<(BalanceRow Kind, Perspective Source, int Count)> counts)
    {
        var list = counts.ToList();
        var shown = rows.Distinct().OrderBy(r => r.Order).ToList();
        if (list.FirstOrDefault(c => !shown.Contains(c.Kind)) is { Kind: { } stray })
            throw new InvalidOperationException($"Contributions counted in the row '{stray.ApiSlug}', which the balance does not show.");
        var table = shown
            .Select(k => new ContributionRow(k, list.Where(c => c.Kind == k).GroupBy(c => c.Source).ToDictionary(g => g.Key, g => g.Sum(c => c.Count))))
            .ToList();
        var totals = list.GroupBy(c => c.Source).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        return new PhaseBalance(phase, people, KnowledgeBalance.FromCounts(totals), table);
    }
}
