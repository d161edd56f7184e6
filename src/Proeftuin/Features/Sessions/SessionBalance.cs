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

    public async Task<IReadOnlyList<BalanceCount>> CountAsync(IQueryable<int> projectIds, CancellationToken ct)
    {
        var sessions = db.Sessions.Where(s => s.Phase != null && projectIds.Contains(s.ProjectId));
        var notes = await (
                from n in db.Notes
                join s in sessions on n.SessionId equals s.Id
                join p in db.Participants on n.ParticipantId equals p.Id
                group n by new { s.ProjectId, s.Phase, p.Perspective } into g
                select new { g.Key.ProjectId, g.Key.Phase, g.Key.Perspective, Count = g.Count() })
            .ToListAsync(ct);
        var votes = await (
                from v in db.Votes
                join s in sessions on v.SessionId equals s.Id
                join p in db.Participants on v.ParticipantId equals p.Id
                group v by new { s.ProjectId, s.Phase, p.Perspective } into g
                select new { g.Key.ProjectId, g.Key.Phase, g.Key.Perspective, Count = g.Count() })
            .ToListAsync(ct);
        return
        [
            .. notes.Select(n => new BalanceCount(n.ProjectId, n.Phase!.Value, Notes.ApiSlug, n.Perspective, n.Count)),
            .. votes.Select(v => new BalanceCount(v.ProjectId, v.Phase!.Value, Votes.ApiSlug, v.Perspective, v.Count)),
        ];
    }
}
