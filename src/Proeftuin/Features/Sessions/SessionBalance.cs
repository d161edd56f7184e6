using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Projects;

namespace Proeftuin.Features.Sessions;

/// <summary>
/// A live session's post-its and stippen count in the knowledge balance (issue 15): each by the perspective its writer or
/// voter declared, in the phase the session ran in (the project's phase when it started; one never started has none).
/// Post-its stay when their writer is removed, so they keep counting; withdrawn stippen are gone. A post-it that became
/// an idea counts as a post-it here and the idea as an idea: writing it and choosing it are two contributions.
/// </summary>
public sealed class SessionBalance(AppDbContext db) : IBalanceContributor
{
    public static readonly BalanceRow Notes = new("SessionNotes", "Post-its in sessies", 1100);
    public static readonly BalanceRow Votes = new("SessionVotes", "Stippen in sessies", 1200);

    public IReadOnlyList<BalanceRow> Rows => [Notes, Votes];

    /// <summary>Something a participant did in a session: the part of a post-it or a stip the count needs.</summary>
    private sealed class Act
    {
        public int SessionId { get; init; }
        public int ParticipantId { get; init; }
    }

    public async Task<IReadOnlyList<BalanceCount>> CountAsync(IQueryable<int> projectIds, CancellationToken ct) =>
    [
        .. await CountAsync(db.Notes.Select(n => new Act { SessionId = n.SessionId, ParticipantId = n.ParticipantId }), Notes, projectIds, ct),
        .. await CountAsync(db.Votes.Select(v => new Act { SessionId = v.SessionId, ParticipantId = v.ParticipantId }), Votes, projectIds, ct),
    ];

    /// <summary>One grouped query: the acts per project, the session's phase and the participant's perspective.</summary>
    private async Task<IEnumerable<BalanceCount>> CountAsync(IQueryable<Act> acts, BalanceRow row, IQueryable<int> projectIds, CancellationToken ct)
    {
        var counted = await (
                from a in acts
                join s in db.Sessions.Where(s => s.Phase != null && projectIds.Contains(s.ProjectId)) on a.SessionId equals s.Id
                join p in db.Participants on a.ParticipantId equals p.Id
                group a by new { s.ProjectId, s.Phase, p.Perspective } into g
                select new { g.Key.ProjectId, g.Key.Phase, g.Key.Perspective, Count = g.Count() })
            .ToListAsync(ct);
        return counted.Select(c => new BalanceCount(c.ProjectId, c.Phase!.Value, row.ApiSlug, c.Perspective, c.Count));
    }
}
