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
/// The whole result: rows best first, the votes each perspective cast, and the voters per perspective as the caller counted them
/// (passed through, so a page can say "1 inwoner, 10 professionals").
/// </summary>
public sealed record Tally(
    IReadOnlyList<TallyRow> Rows,
    IReadOnlyDictionary<Perspective, int> VotesByPerspective,
    IReadOnlyDictionary<Perspective, int> VotersByPerspective);

/// <summary>
/// Balanced tally (DESIGN.md §2): every perspective that voted counts equally, however many people it brought.
/// An option's balanced score is the mean, over the perspectives that cast at least one vote, of
/// (that perspective's votes on the option ÷ that perspective's votes in total). Perspectives that did not vote are left out
/// of the mean, so an absent group does not pull every option down. The scores add up to 1 whenever anyone voted.
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
        IReadOnlyDictionary<Perspective, int> votersByPerspective)
    {
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
                sum += share;
            }
            var balanced = voted.Count == 0 ? 0.0 : sum / voted.Count;
            rows.Add(new TallyRow(id, raw.Values.Sum(), balanced, raw, shares));
        }

        // Compare on a rounded score: shares that are equal on paper (1/3 + 1/6 and 1/6 + 1/3 + 0) must tie, not
        // differ in the last bit of a double.
        var ordered = rows
            .OrderByDescending(r => Math.Round(r.Balanced, 9))
            .ThenByDescending(r => r.Raw)
            .ThenBy(r => r.OptionId)
            .ToList();
        return new Tally(ordered, totals, new Dictionary<Perspective, int>(votersByPerspective));
    }
}
