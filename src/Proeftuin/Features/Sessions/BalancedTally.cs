using System.Text.Json.Serialization;
using Proeftuin.Features.Members;

namespace Proeftuin.Features.Sessions;

/// <summary>Votes of one perspective on one option. The same pair may appear more than once: the counts are added.</summary>
public sealed record Ballot(int OptionId, Perspective Perspective, int Count);

/// <summary>
/// One option's result. <see cref="Balanced"/> is a fraction from 0 to 1 (a page shows it as a percentage);
/// <see cref="ShareByPerspective"/> holds, per perspective that voted, the part of that perspective's votes on this option.
/// </summary>
public sealed record TallyRow(
    int OptionId,
    int Raw,
    double Balanced,
    IReadOnlyDictionary<Perspective, int> RawByPerspective,
    IReadOnlyDictionary<Perspective, double> ShareByPerspective);

/// <summary>
/// What happens to a perspective with fewer voters than the threshold (issue 15): one person who declares a rare
/// perspective must not silently carry a third of the result. The API writes the names in lower case.
/// </summary>
public enum SmallGroupRule
{
    /// <summary>Telt volledig mee: every perspective that voted weighs the same (the rule of DESIGN.md §2).</summary>
    [JsonStringEnumMemberName("full")] Full = 0,
    /// <summary>Telt naar verhouding: weight = min(1, voters ÷ threshold).</summary>
    [JsonStringEnumMemberName("proportional")] Proportional = 1,
    /// <summary>Apart getoond: left out of the balanced score; its own shares are still shown.</summary>
    [JsonStringEnumMemberName("apart")] Apart = 2,
}

/// <summary>The rule and its threshold (voters per perspective). Default: telt volledig mee, threshold 3.</summary>
public sealed record TallyRule(SmallGroupRule Rule, int MinVoters)
{
    public const int DefaultMinVoters = 3;
    public const int MaxMinVoters = 50;

    public static readonly TallyRule Default = new(SmallGroupRule.Full, DefaultMinVoters);
}

/// <summary>
/// One perspective that voted: its voters and votes, whether it has fewer voters than the threshold, and the weight it
/// got in the balanced score (1 = a full share, 0 = left out).
/// </summary>
public sealed record PerspectiveWeight(Perspective Perspective, int Voters, int Votes, bool BelowThreshold, double Weight);

/// <summary>
/// The whole result: rows best first, the votes each perspective cast, and the voters per perspective as the caller counted them
/// (passed through, so a page can say "1 inwoner, 10 professionals"). <see cref="Weights"/> holds every perspective that voted.
/// <see cref="NothingSetApart"/>: the rule was "apart" but no perspective reached the threshold, so all counted fully.
/// </summary>
public sealed record Tally(
    IReadOnlyList<TallyRow> Rows,
    IReadOnlyDictionary<Perspective, int> VotesByPerspective,
    IReadOnlyDictionary<Perspective, int> VotersByPerspective)
{
    public TallyRule Rule { get; init; } = TallyRule.Default;
    public IReadOnlyList<PerspectiveWeight> Weights { get; init; } = [];
    public bool NothingSetApart { get; init; }
}

/// <summary>
/// Balanced tally (DESIGN.md §2): every perspective that voted counts equally, however many people it brought.
/// An option's balanced score is the weighted mean, over the perspectives that cast at least one vote, of
/// (that perspective's votes on the option ÷ that perspective's votes in total). Perspectives that did not vote are left out
/// of the mean, so an absent group does not pull every option down. The scores add up to 1 whenever anyone voted.
/// The weights come from the <see cref="TallyRule"/>: 1 each under "full"; min(1, voters ÷ threshold) under
/// "proportional"; 1 for perspectives at or above the threshold and 0 for those below under "apart" (unless none reaches
/// it: then all weigh 1). Balanced = Σ weight·share ÷ Σ weight.
/// </summary>
public static class BalancedTally
{
    /// <summary>
    /// Counts <paramref name="ballots"/> for <paramref name="optionIds"/>. Ballots on options not in that list are ignored
    /// (a deleted note, a stale form) and do not count towards a perspective's total either; counts of 0 or less are ignored.
    /// Rows: every option, also those without votes, ordered by Balanced (high first), then Raw (high first), then OptionId
    /// (low first), so equal results always come out in the same order.
    /// </summary>
    public static Tally Count(
        IEnumerable<int> optionIds,
        IEnumerable<Ballot> ballots,
        IReadOnlyDictionary<Perspective, int> votersByPerspective) =>
        Count(optionIds, ballots, votersByPerspective, TallyRule.Default);

    /// <inheritdoc cref="Count(IEnumerable{int}, IEnumerable{Ballot}, IReadOnlyDictionary{Perspective, int})"/>
    public static Tally Count(
        IEnumerable<int> optionIds,
        IEnumerable<Ballot> ballots,
        IReadOnlyDictionary<Perspective, int> votersByPerspective,
        TallyRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(optionIds);
        ArgumentNullException.ThrowIfNull(ballots);
        ArgumentNullException.ThrowIfNull(votersByPerspective);

        var options = optionIds.Distinct().ToList();
        var known = options.ToHashSet();

        // option -> perspective -> votes
        var votes = options.ToDictionary(id => id, _ => new Dictionary<Perspective, int>());
        var totals = new Dictionary<Perspective, int>();
        foreach (var b in ballots)
        {
            if (b.Count <= 0 || !known.Contains(b.OptionId))
            {
                continue;
            }
            var perOption = votes[b.OptionId];
            perOption[b.Perspective] = perOption.GetValueOrDefault(b.Perspective) + b.Count;
            totals[b.Perspective] = totals.GetValueOrDefault(b.Perspective) + b.Count;
        }

        // Only perspectives with votes take part in the mean; totals holds no zero entries.
        var voted = totals.Keys.OrderBy(p => p).ToList();
        var minVoters = Math.Clamp(rule.MinVoters, 1, TallyRule.MaxMinVoters);
        // A perspective with votes has at least one voter, whatever the caller counted.
        var voters = voted.ToDictionary(p => p, p => Math.Max(1, votersByPerspective.GetValueOrDefault(p)));
        var nothingSetApart = rule.Rule == SmallGroupRule.Apart && voted.Count > 0 && voted.All(p => voters[p] < minVoters);
        var weights = voted.ToDictionary(p => p, p => rule.Rule switch
        {
            SmallGroupRule.Proportional => Math.Min(1.0, (double)voters[p] / minVoters),
            SmallGroupRule.Apart when !nothingSetApart => voters[p] < minVoters ? 0.0 : 1.0,
            _ => 1.0,
        });
        var weightSum = weights.Values.Sum();
        var rows = new List<TallyRow>(options.Count);
        foreach (var id in options)
        {
            var raw = votes[id];
            var shares = new Dictionary<Perspective, double>();
            var sum = 0.0;
            foreach (var p in voted)
            {
                var share = (double)raw.GetValueOrDefault(p) / totals[p];
                shares[p] = share;
                sum += weights[p] * share;
            }
            var balanced = weightSum == 0 ? 0.0 : sum / weightSum;
            rows.Add(new TallyRow(id, raw.Values.Sum(), balanced, raw, shares));
        }

        // Compare on a rounded score: shares that are equal on paper (1/3 + 1/6 and 1/6 + 1/3 + 0) must tie, not
        // differ in the last bit of a double.
        var ordered = rows
            .OrderByDescending(r => Math.Round(r.Balanced, 9))
            .ThenByDescending(r => r.Raw)
            .ThenBy(r => r.OptionId)
            .ToList();
        var perspectives = voted
            .Select(p => new PerspectiveWeight(p, voters[p], totals[p], voters[p] < minVoters, weights[p])).ToList();
        return new Tally(ordered, totals, new Dictionary<Perspective, int>(votersByPerspective))
        {
            Rule = rule with { MinVoters = minVoters },
            Weights = perspectives,
            NothingSetApart = nothingSetApart,
        };
    }
}
