using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Members;
using Proeftuin.Web;

namespace Proeftuin.Features.Sessions;

/// <summary>
/// The result of a closed vote step: every visible note of the session with its raw count and its balanced score (each
/// perspective that voted weighs the same, DESIGN.md §2, unless the session's rule for small groups says otherwise),
/// best first as <see cref="BalancedTally"/> orders them. Rule and MinVoters are the session's choice, printed with the
/// results; NothingSetApart: the rule was "apart" but no perspective reached the threshold, so all counted fully.
/// </summary>
public sealed record ResultsView(int StepId, string StepTitle, int TotalVotes, IReadOnlyList<ResultRow> Rows, IReadOnlyList<PerspectiveVotes> Perspectives,
    SmallGroupRule Rule, int MinVoters, bool NothingSetApart);

/// <summary>One note's result; Balanced and the shares are fractions from 0 to 1.</summary>
public sealed record ResultRow(
    int NoteId, string Text, int? ClusterId, string? ClusterName, int Raw, double Balanced,
    IReadOnlyDictionary<Perspective, int> RawByPerspective, IReadOnlyDictionary<Perspective, double> ShareByPerspective);

/// <summary>
/// How many people of a perspective voted, how many stippen they cast together, whether they were fewer than the
/// threshold, and the weight the perspective got in the balanced score (1 full, 0 left out).
/// </summary>
public sealed record PerspectiveVotes(Perspective Perspective, int Voters, int Votes, bool BelowThreshold, double Weight);

public sealed class GetResults(AppDbContext db, SessionAccess access)
{
    /// <summary>NotFound for an unknown session or step (or one that is not a vote); Forbidden while the vote is still open.</summary>
    public async Task<Outcome<ResultsView>> RunAsync(int sessionId, int stepId, CancellationToken ct = default)
    {
        var caller = await access.ForSessionAsync(sessionId, ct);
        if (caller is null) return Outcome<ResultsView>.NotFound();
        var step = caller.StepById(stepId);
        if (step is not { Mode: StepMode.Vote }) return Outcome<ResultsView>.NotFound();
        if (!step.VotingClosed) return Outcome<ResultsView>.Forbidden();
        return Outcome<ResultsView>.Ok(await ForStepAsync(caller, step, ct));
    }

    /// <summary>Every closed vote step's results, in step order; open votes stay hidden.</summary>
    public async Task<IReadOnlyList<ResultsView>> ClosedStepsAsync(SessionCaller caller, CancellationToken ct = default)
    {
        var closed = caller.Session.Steps.Where(s => s.Mode == StepMode.Vote && s.VotingClosed).OrderBy(s => s.Position).ToList();
        if (closed.Count == 0) return [];
        // The notes and clusters are the same for every vote step: read them once.
        var board = await BoardAsync(caller, ct);
        var list = new List<ResultsView>(closed.Count);
        foreach (var step in closed)
            list.Add(await CountAsync(caller, step, board, ct));
        return list;
    }

    /// <summary>The results of a vote step the caller may see; the caller checked that the vote is closed.</summary>
    public async Task<ResultsView> ForStepAsync(SessionCaller caller, Step step, CancellationToken ct = default) =>
        await CountAsync(caller, step, await BoardAsync(caller, ct), ct);

    private sealed record BoardNote(int Id, int StepId, string Text, int? ClusterId);

    private sealed record Board(List<BoardNote> Notes, Dictionary<int, string> Clusters);

    private async Task<Board> BoardAsync(SessionCaller caller, CancellationToken ct)
    {
        var notes = await db.Notes.AsNoTracking().Where(n => n.SessionId == caller.SessionId)
            .Select(n => new BoardNote(n.Id, n.StepId, n.Text, n.ClusterId)).ToListAsync(ct);
        // Results are public, so only notes everyone can see take part (votes only go to those anyway).
        notes = notes.Where(n => NoteRules.IsRevealed(caller.StepById(n.StepId))).ToList();
        var clusters = await db.Clusters.AsNoTracking().Where(c => c.SessionId == caller.SessionId).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return new Board(notes, clusters);
    }

    private async Task<ResultsView> CountAsync(SessionCaller caller, Step step, Board board, CancellationToken ct)
    {
        var (notes, clusters) = (board.Notes, board.Clusters);
        var votes = await db.Votes.AsNoTracking().Where(v => v.StepId == step.Id)
            .Join(db.Participants, v => v.ParticipantId, p => p.Id, (v, p) => new { v.NoteId, v.ParticipantId, p.Perspective })
            .ToListAsync(ct);
        var ballots = votes.GroupBy(v => (v.NoteId, v.Perspective)).Select(g => new Ballot(g.Key.NoteId, g.Key.Perspective, g.Count()));
        var voters = votes.Select(v => (v.ParticipantId, v.Perspective)).Distinct()
            .GroupBy(v => v.Perspective).ToDictionary(g => g.Key, g => g.Count());
        var tally = BalancedTally.Count(notes.Select(n => n.Id), ballots, voters, caller.Session.TallyRule);
        var byId = notes.ToDictionary(n => n.Id);
        var rows = tally.Rows.Select(r =>
        {
            var n = byId[r.OptionId];
            var cluster = n.ClusterId is { } cid ? clusters.GetValueOrDefault(cid) : null;
            return new ResultRow(n.Id, n.Text, n.ClusterId, cluster, r.Raw, r.Balanced, r.RawByPerspective, r.ShareByPerspective);
        }).ToList();
        var perspectives = tally.Weights.Select(w => new PerspectiveVotes(w.Perspective, w.Voters, w.Votes, w.BelowThreshold, w.Weight)).ToList();
        return new ResultsView(step.Id, step.Title, rows.Sum(r => r.Raw), rows, perspectives, tally.Rule.Rule, tally.Rule.MinVoters, tally.NothingSetApart);
    }
}

public static class VoteFormat
{
    /// <summary>A fraction as a whole percentage, "50 %" (Dutch writes a space before the sign).</summary>
    public static string Percent(double fraction) =>
        Math.Round(fraction * 100, MidpointRounding.AwayFromZero).ToString("0", System.Globalization.CultureInfo.InvariantCulture) + " %";
}
