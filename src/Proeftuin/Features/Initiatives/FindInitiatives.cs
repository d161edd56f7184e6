using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Initiatives;

public sealed record InitiativeFilter(int? ProgrammeId = null, int? ProjectId = null, InitiativeStatus? Status = null, InitiativeType? Type = null);

public sealed record InitiativeSummary(int Id, int ProgrammeId, string ProgrammeTitle, int? ProjectId, string? ProjectTitle, InitiativeType Type, string Title,
    InitiativeStatus Status, int Threshold, int Active, int Counted, DateTime? ReachedAt, DateTime CreatedAt)
{
    public int Percent => Threshold <= 0 ? 100 : Math.Min(100, (int)Math.Round(100.0 * Counted / Threshold));
}

public sealed record InitiativeList(InitiativeFilter Filter, IReadOnlyList<InitiativeSummary> Items, int Total, int Page, int PageSize,
    IReadOnlyList<(int Id, string Title)> Programmes, IReadOnlyList<(int Id, string Title)> Projects)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// Initiatives the caller may read, newest first: of programmes (public) and of projects the caller may read
/// (ProjectAccess.ReadableProjects), never those hidden by moderation. Counts of pledges in two grouped queries.
/// </summary>
public sealed class FindInitiatives(AppDbContext db, ProjectAccess access)
{
    public const int PageSize = 30;

    public IQueryable<Initiative> Readable()
    {
        var projects = access.ReadableProjects().Select(p => p.Id);
        return db.Set<Initiative>().AsNoTracking().Where(i => i.HiddenAt == null && (i.ProjectId == null || projects.Contains(i.ProjectId.Value)));
    }

    public async Task<InitiativeList> RunAsync(InitiativeFilter filter, int page, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        page = Math.Max(1, page);
        var q = Readable();
        if (filter.ProgrammeId is { } g) q = q.Where(i => i.ProgrammeId == g);
        if (filter.ProjectId is { } p) q = q.Where(i => i.ProjectId == p);
        if (filter.Status is { } s) q = q.Where(i => i.Status == s);
        if (filter.Type is { } t) q = q.Where(i => i.Type == t);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(i => new
            {
                i.Id,
                i.ProgrammeId,
                Programme = db.Programmes.Where(x => x.Id == i.ProgrammeId).Select(x => x.Title).FirstOrDefault(),
                i.ProjectId,
                Project = db.Projects.Where(x => x.Id == i.ProjectId).Select(x => x.Title).FirstOrDefault(),
                i.Type,
                i.Title,
                i.Status,
                i.Threshold,
                i.ReachedAt,
                i.CreatedAt,
            }).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var conditions = await db.Set<Pledge>().AsNoTracking().Where(x => ids.Contains(x.InitiativeId) && x.WithdrawnAt == null)
            .Select(x => new { x.InitiativeId, x.IfOthers }).ToListAsync(ct);
        var byInitiative = conditions.GroupBy(x => x.InitiativeId).ToDictionary(x => x.Key, x => x.Select(y => y.IfOthers).ToList());
        var items = rows.Select(r =>
        {
            var c = byInitiative.GetValueOrDefault(r.Id) ?? [];
            return new InitiativeSummary(r.Id, r.ProgrammeId, r.Programme ?? "", r.ProjectId, r.Project, r.Type, r.Title, r.Status, r.Threshold, c.Count, ThresholdCheck.Counted(c), r.ReachedAt, r.CreatedAt);
        }).ToList();
        var programmes = (await db.Programmes.AsNoTracking().OrderBy(x => x.Title).Select(x => new { x.Id, x.Title }).ToListAsync(ct)).Select(x => (x.Id, x.Title)).ToList();
        var projectIds = Readable().Where(i => i.ProjectId != null).Select(i => i.ProjectId!.Value).Distinct();
        var projects = (await db.Projects.AsNoTracking().Where(x => projectIds.Contains(x.Id)).OrderBy(x => x.Title).Select(x => new { x.Id, x.Title }).ToListAsync(ct))
            .Select(x => (x.Id, x.Title)).ToList();
        return new InitiativeList(filter, items, total, page, PageSize, programmes, projects);
    }

    /// <summary>Initiatives that grew from one item, for its page and trace (the caller may read the item, so its project).</summary>
    public async Task<IReadOnlyList<(int Id, string Title, InitiativeStatus Status)>> FromItemAsync(int itemId, CancellationToken ct = default) =>
        (await Readable().Where(i => i.RespondsToItemId == itemId).OrderBy(i => i.CreatedAt).Select(i => new { i.Id, i.Title, i.Status }).ToListAsync(ct))
            .Select(i => (i.Id, i.Title, i.Status)).ToList();
}
