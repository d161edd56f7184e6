using Proeftuin.Features.Sessions;

namespace Proeftuin.Tests.Sessions;

/// <summary>The balanced tally of DESIGN.md §2, on cases worked out by hand in the comments.</summary>
public sealed class BalancedTallyTests
{
    private const int Digits = 10;
    private const Perspective E = Perspective.Experience;
    private const Perspective P = Perspective.Professional;
    private const Perspective S = Perspective.Scientific;

    private static Dictionary<Perspective, int> Voters(int e = 0, int p = 0, int s = 0) =>
        new() { [E] = e, [P] = p, [S] = s };

    private static TallyRow Row(Tally t, int optionId) => t.Rows.Single(r => r.OptionId == optionId);

    [Fact]
    public void A_perspective_that_did_not_vote_is_left_out_of_the_mean()
    {
        // Experience: 3 on option 1, 1 on option 2            -> total 4: shares 3/4, 1/4, 0
        // Professional: 2 on option 2, 2 on option 3          -> total 4: shares 0, 2/4, 2/4
        // Scientific: nobody voted                            -> not in the mean (else every score would be 2/3 of this)
        // Balanced: option 1 = (0.75 + 0) / 2 = 0.375
        //           option 2 = (0.25 + 0.5) / 2 = 0.375
        //           option 3 = (0 + 0.5) / 2 = 0.25
        // Raw: 3, 3, 2. Options 1 and 2 tie on balanced and raw, so the lower id comes first.
        var t = BalancedTally.Count([1, 2, 3],
            [new(1, E, 3), new(2, E, 1), new(2, P, 2), new(3, P, 2)],
            Voters(e: 2, p: 2));

        Assert.Equal([1, 2, 3], t.Rows.Select(r => r.OptionId));
        Assert.Equal(0.375, Row(t, 1).Balanced, Digits);
        Assert.Equal(0.375, Row(t, 2).Balanced, Digits);
        Assert.Equal(0.25, Row(t, 3).Balanced, Digits);
        Assert.Equal([3, 3, 2], t.Rows.Select(r => r.Raw));
        Assert.Equal(1.0, t.Rows.Sum(r => r.Balanced), Digits);

        Assert.Equal(4, t.VotesByPerspective[E]);
        Assert.Equal(4, t.VotesByPerspective[P]);
        Assert.False(t.VotesByPerspective.ContainsKey(S));
        Assert.False(Row(t, 1).ShareByPerspective.ContainsKey(S));
        Assert.Equal(0.75, Row(t, 1).ShareByPerspective[E], Digits);
        Assert.Equal(0.0, Row(t, 1).ShareByPerspective[P], Digits);
        Assert.Equal(2, Row(t, 2).RawByPerspective[P]);
        Assert.Equal(1, Row(t, 2).RawByPerspective[E]);
    }

    [Fact]
    public void One_resident_weighs_as_much_as_ten_professionals()
    {
        // Experience: 1 voter, 3 votes, all on option 10            -> share of 10 = 3/3 = 1, of 20 = 0
        // Professional: 10 voters, 30 votes: 6 on 10, 24 on 20      -> share of 10 = 6/30 = 0.2, of 20 = 24/30 = 0.8
        // Balanced: option 10 = (1 + 0.2) / 2 = 0.6
        //           option 20 = (0 + 0.8) / 2 = 0.4
        // Raw says 20 wins (24 against 9); balanced says 10 wins.
        var t = BalancedTally.Count([10, 20],
            [new(10, E, 3), new(10, P, 6), new(20, P, 24)],
            Voters(e: 1, p: 10));

        Assert.Equal([10, 20], t.Rows.Select(r => r.OptionId));
        Assert.Equal(0.6, Row(t, 10).Balanced, Digits);
        Assert.Equal(0.4, Row(t, 20).Balanced, Digits);
        Assert.Equal(9, Row(t, 10).Raw);
        Assert.Equal(24, Row(t, 20).Raw);
        Assert.Equal(1, t.VotersByPerspective[E]);
        Assert.Equal(10, t.VotersByPerspective[P]);
        Assert.Equal(30, t.VotesByPerspective[P]);
    }

    [Fact]
    public void Single_voter_against_a_group_split_the_other_way_is_a_tie()
    {
        // Experience: 1 vote on option 1                  -> shares 1, 0
        // Professional: 10 votes, all on option 2         -> shares 0, 1
        // Balanced: both (1 + 0) / 2 = 0.5; raw 1 against 10, so option 2 comes first on the tie.
        var t = BalancedTally.Count([1, 2], [new(1, E, 1), new(2, P, 10)], Voters(e: 1, p: 10));

        Assert.Equal([2, 1], t.Rows.Select(r => r.OptionId));
        Assert.All(t.Rows, r => Assert.Equal(0.5, r.Balanced, Digits));
    }

    [Fact]
    public void Ties_on_balanced_and_raw_go_by_option_id()
    {
        // Experience (6 votes): option 9 gets 2, option 4 gets 4     -> shares 1/3 and 2/3
        // Professional (6 votes): option 9 gets 4, option 4 gets 2   -> shares 2/3 and 1/3
        // Balanced: both (1/3 + 2/3) / 2 = 0.5; raw both 6; option 7 has nothing.
        // Order: 4 before 9 (lower id), 7 last; the order in which options or ballots come in does not matter.
        var ballots = new List<Ballot> { new(9, E, 2), new(4, E, 4), new(9, P, 4), new(4, P, 2) };
        var t = BalancedTally.Count([9, 7, 4], ballots, Voters(e: 3, p: 3));
        var reversed = BalancedTally.Count([4, 7, 9], Enumerable.Reverse(ballots), Voters(e: 3, p: 3));

        Assert.Equal([4, 9, 7], t.Rows.Select(r => r.OptionId));
        Assert.Equal([4, 9, 7], reversed.Rows.Select(r => r.OptionId));
        Assert.Equal(0.5, Row(t, 4).Balanced, Digits);
        Assert.Equal(0.5, Row(t, 9).Balanced, Digits);
        Assert.Equal(0.0, Row(t, 7).Balanced);
        Assert.Equal(0, Row(t, 7).Raw);
    }

    [Fact]
    public void Nobody_voted_gives_every_option_zero()
    {
        // No votes at all: no perspective takes part, every score is 0 (not NaN), order by id.
        var t = BalancedTally.Count([3, 1, 2], [], Voters());

        Assert.Equal([1, 2, 3], t.Rows.Select(r => r.OptionId));
        Assert.All(t.Rows, r =>
        {
            Assert.Equal(0.0, r.Balanced);
            Assert.Equal(0, r.Raw);
            Assert.Empty(r.RawByPerspective);
            Assert.Empty(r.ShareByPerspective);
        });
        Assert.Empty(t.VotesByPerspective);
    }

    [Fact]
    public void No_options_gives_no_rows()
    {
        var t = BalancedTally.Count([], [new(1, E, 2)], Voters(e: 1));
        Assert.Empty(t.Rows);
        Assert.Empty(t.VotesByPerspective);
    }

    [Fact]
    public void Votes_on_unknown_options_and_empty_ballots_are_ignored()
    {
        // Experience: 2 on option 1, 2 on option 99 (not in the list) -> counts as 2 votes in total, share of 1 = 2/2 = 1
        // Professional: 1 on option 2, a ballot of 0 on option 1       -> total 1, share of 2 = 1
        // Scientific: only 5 votes on option 99                        -> did not vote on anything known: left out
        // Balanced: option 1 = (1 + 0) / 2 = 0.5, option 2 = (0 + 1) / 2 = 0.5; raw 2 against 1, so option 1 first.
        var t = BalancedTally.Count([1, 2],
            [new(1, E, 2), new(99, E, 2), new(2, P, 1), new(1, P, 0), new(99, S, 5), new(2, S, -3)],
            Voters(e: 1, p: 1, s: 1));

        Assert.Equal([1, 2], t.Rows.Select(r => r.OptionId));
        Assert.Equal(0.5, Row(t, 1).Balanced, Digits);
        Assert.Equal(0.5, Row(t, 2).Balanced, Digits);
        Assert.Equal(2, Row(t, 1).Raw);
        Assert.Equal(1, Row(t, 2).Raw);
        Assert.Equal(2, t.VotesByPerspective[E]);
        Assert.False(t.VotesByPerspective.ContainsKey(S));
        Assert.DoesNotContain(t.Rows, r => r.OptionId == 99);
    }

    [Fact]
    public void Repeated_ballots_are_added_up()
    {
        // Experience: 2 + 1 on option 1, 1 on option 2 -> 3 and 1 of 4: balanced 0.75 and 0.25 (one perspective).
        var t = BalancedTally.Count([1, 2], [new(1, E, 2), new(1, E, 1), new(2, E, 1)], Voters(e: 2));

        Assert.Equal(3, Row(t, 1).Raw);
        Assert.Equal(3, Row(t, 1).RawByPerspective[E]);
        Assert.Equal(0.75, Row(t, 1).Balanced, Digits);
        Assert.Equal(0.25, Row(t, 2).Balanced, Digits);
    }

    [Fact]
    public void Three_perspectives_sum_to_one()
    {
        // Experience 1 of 1 on A(1); Professional 1 of 3 on A, 2 of 3 on B(2); Scientific 1 of 2 on B, 1 of 2 on C(3).
        // A = (1 + 1/3 + 0) / 3 = 4/9; B = (0 + 2/3 + 1/2) / 3 = 7/18; C = (0 + 0 + 1/2) / 3 = 1/6. Sum = 8/18 + 7/18 + 3/18 = 1.
        var t = BalancedTally.Count([1, 2, 3],
            [new(1, E, 1), new(1, P, 1), new(2, P, 2), new(2, S, 1), new(3, S, 1)],
            Voters(e: 1, p: 2, s: 1));

        Assert.Equal([1, 2, 3], t.Rows.Select(r => r.OptionId));
        Assert.Equal(4.0 / 9, Row(t, 1).Balanced, Digits);
        Assert.Equal(7.0 / 18, Row(t, 2).Balanced, Digits);
        Assert.Equal(1.0 / 6, Row(t, 3).Balanced, Digits);
        Assert.Equal(1.0, t.Rows.Sum(r => r.Balanced), Digits);
    }

    // The fixed example of issue 15 ("Eerlijk wegen"): 10 residents (ervaringskennis), 5 professionals, 1 researcher,
    // one stip each, on three options A (1), B (2) and C (3).
    //   Experience   10 voters: A 6, B 3, C 1  -> shares 0.6, 0.3, 0.1
    //   Professional  5 voters: A 1, B 3, C 1  -> shares 0.2, 0.6, 0.2
    //   Scientific    1 voter:  C 1            -> shares 0,   0,   1
    // Threshold 3: only the researcher is under it.
    //   full:         weights 1, 1, 1      A = 0.8/3 = 0.267   B = 0.9/3 = 0.300   C = 1.3/3 = 0.433   (C wins on one person)
    //   proportional: weights 1, 1, 1/3    A = 0.8/(7/3) = 2.4/7 = 0.343   B = 0.9/(7/3) = 2.7/7 = 0.386
    //                                      C = (0.1 + 0.2 + 1/3)/(7/3) = 1.9/7 = 0.271
    //   apart:        weights 1, 1, 0      A = 0.8/2 = 0.400   B = 0.9/2 = 0.450   C = 0.3/2 = 0.150
    private static readonly Ballot[] Example =
        [new(1, E, 6), new(2, E, 3), new(3, E, 1), new(1, P, 1), new(2, P, 3), new(3, P, 1), new(3, S, 1)];

    public static TheoryData<SmallGroupRule, double, double, double, int[]> ExampleTable => new()
    {
        // rule                          A      B      C      best first
        { SmallGroupRule.Full,          0.267, 0.300, 0.433, [3, 2, 1] },
        { SmallGroupRule.Proportional,  0.343, 0.386, 0.271, [2, 1, 3] },
        { SmallGroupRule.Apart,         0.400, 0.450, 0.150, [2, 1, 3] },
    };

    [Theory]
    [MemberData(nameof(ExampleTable))]
    public void The_fixed_example_gives_the_numbers_worked_out_by_hand(SmallGroupRule rule, double a, double b, double c, int[] order)
    {
        var t = BalancedTally.Count([1, 2, 3], Example, Voters(e: 10, p: 5, s: 1), new TallyRule(rule, 3));

        Assert.Equal(a, Math.Round(Row(t, 1).Balanced, 3));
        Assert.Equal(b, Math.Round(Row(t, 2).Balanced, 3));
        Assert.Equal(c, Math.Round(Row(t, 3).Balanced, 3));
        Assert.Equal(order, t.Rows.Select(r => r.OptionId));
        Assert.Equal(1.0, t.Rows.Sum(r => r.Balanced), Digits);
        // Shares and raw counts do not depend on the rule: the researcher's own share stays visible.
        Assert.Equal(1.0, Row(t, 3).ShareByPerspective[S], Digits);
        Assert.Equal([7, 6, 3], new[] { Row(t, 1).Raw, Row(t, 2).Raw, Row(t, 3).Raw });
        Assert.Equal(rule, t.Rule.Rule);
        Assert.Equal(3, t.Rule.MinVoters);
        Assert.False(t.NothingSetApart);
        Assert.Equal([false, false, true], t.Weights.Select(w => w.BelowThreshold));
        Assert.Equal([10, 5, 1], t.Weights.Select(w => w.Voters));
        Assert.Equal([10, 5, 1], t.Weights.Select(w => w.Votes));
    }

    [Fact]
    public void The_weights_follow_the_rule()
    {
        double[] Weights(SmallGroupRule rule, int min) =>
            BalancedTally.Count([1, 2, 3], Example, Voters(e: 10, p: 5, s: 1), new TallyRule(rule, min)).Weights.Select(w => w.Weight).ToArray();

        Assert.Equal([1.0, 1.0, 1.0], Weights(SmallGroupRule.Full, 3));
        Assert.Equal([1.0, 1.0, 1.0 / 3], Weights(SmallGroupRule.Proportional, 3));
        // Threshold 20: 10/20, 5/20, 1/20.
        Assert.Equal([0.5, 0.25, 0.05], Weights(SmallGroupRule.Proportional, 20));
        Assert.Equal([1.0, 1.0, 0.0], Weights(SmallGroupRule.Apart, 3));
        // Threshold 6: the professionals are set apart too; only the residents remain.
        Assert.Equal([1.0, 0.0, 0.0], Weights(SmallGroupRule.Apart, 6));
        // Threshold 1: nobody is under it, every rule is the plain balanced count.
        Assert.Equal([1.0, 1.0, 1.0], Weights(SmallGroupRule.Apart, 1));
        Assert.Equal([1.0, 1.0, 1.0], Weights(SmallGroupRule.Proportional, 1));
    }

    [Fact]
    public void Apart_with_no_perspective_at_the_threshold_counts_all_fully_and_says_so()
    {
        // Threshold 11: even the ten residents are under it. Nothing can be set apart, so the full rule's numbers.
        var apart = BalancedTally.Count([1, 2, 3], Example, Voters(e: 10, p: 5, s: 1), new TallyRule(SmallGroupRule.Apart, 11));
        var full = BalancedTally.Count([1, 2, 3], Example, Voters(e: 10, p: 5, s: 1), new TallyRule(SmallGroupRule.Full, 11));

        Assert.True(apart.NothingSetApart);
        Assert.False(full.NothingSetApart);
        Assert.Equal(full.Rows.Select(r => r.Balanced), apart.Rows.Select(r => r.Balanced));
        Assert.All(apart.Weights, w => Assert.True(w.BelowThreshold));
        Assert.All(apart.Weights, w => Assert.Equal(1.0, w.Weight));
    }

    [Fact]
    public void The_default_rule_is_full_with_threshold_three_and_keeps_the_old_numbers()
    {
        var plain = BalancedTally.Count([1, 2, 3], Example, Voters(e: 10, p: 5, s: 1));

        Assert.Equal(TallyRule.Default, plain.Rule);
        Assert.Equal(SmallGroupRule.Full, plain.Rule.Rule);
        Assert.Equal(3, plain.Rule.MinVoters);
        Assert.Equal(1.3 / 3, Row(plain, 3).Balanced, Digits);
        Assert.True(plain.Weights.Single(w => w.Perspective == S).BelowThreshold);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(-5, 1)]
    [InlineData(51, 50)]
    [InlineData(int.MaxValue, 50)]
    public void A_threshold_out_of_range_is_clamped_not_divided_by(int given, int used)
    {
        var t = BalancedTally.Count([1, 2, 3], Example, Voters(e: 10, p: 5, s: 1), new TallyRule(SmallGroupRule.Proportional, given));

        Assert.Equal(used, t.Rule.MinVoters);
        Assert.Equal(1.0, t.Rows.Sum(r => r.Balanced), Digits);
    }

    [Fact]
    public void A_perspective_with_votes_but_no_counted_voters_counts_as_one_person()
    {
        var t = BalancedTally.Count([1, 2], [new(1, E, 2), new(2, S, 1)], Voters(e: 4), new TallyRule(SmallGroupRule.Proportional, 2));

        Assert.Equal(1, t.Weights.Single(w => w.Perspective == S).Voters);
        Assert.Equal(0.5, t.Weights.Single(w => w.Perspective == S).Weight, Digits);
        // A = 1·1 / 1.5, B = 0.5·1 / 1.5.
        Assert.Equal(2.0 / 3, Row(t, 1).Balanced, Digits);
    }
}
