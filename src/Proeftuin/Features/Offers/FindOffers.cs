using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;

namespace Proeftuin.Features.Offers;

public sealed record OfferFilter(int? ProgrammeId = null, int? ProjectId = null, OfferDirection? Direction = null, OfferCategory? Category = null);

public sealed record OfferSummary(int Id, int ProgrammeId, string ProgrammeTitle, int? ProjectId, string? ProjectTitle, OfferDirection Direction,
    OfferCategory Category, string Title, string? Place, DateTime CreatedAt, DateTime? ClosedAt, int Matches);

public sealed record OfferList(OfferFilter Filter, IReadOnlyList<OfferSummary> Items, int Total, int Page, int PageSize,
    IReadOnlyList<(int Id, string Title)> Programmes, IReadOnlyList<(int Id, string Title)> Projects)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>Vraag en aanbod the caller may read, open ones first, newest first; never what moderation hid.</summary>
public sealed class FindOffers(AppDbContext db, OfferRules rules)
{
    public const int PageSize = 30;

    public async Task<OfferList> RunAsync(OfferFilter filter, int page, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        page = Math.Max(1, page);
        var q = rules.Readable();
        if (filter.ProgrammeId is { } g) q = q.Where(o => o.ProgrammeId == g);
        if (filter.ProjectId is { } p) q = q.Where(o => o.ProjectId == p);
        if (filter.Direction is { } d) q = q.Where(o => o.Direction == d);
        if (filter.Category is { } c) q = q.Where(o => o.Category == c);
        var total = await q.CountAsync(ct);
        var readable = rules.Readable().Select(o => o.Id);
        var items = await q.OrderBy(o => o.ClosedAt == null ? 0 : 1).ThenByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(o => new OfferSummary(o.Id, o.ProgrammeId,
                db.Programmes.Where(x => x.Id == o.ProgrammeId).Select(x => x.Title).FirstOrDefault() ?? "",
                o.ProjectId,
                db.Projects.Where(x => x.Id == o.ProjectId).Select(x => x.Title).FirstOrDefault(),
                o.Direction, o.Category, o.Title, o.Place, o.CreatedAt, o.ClosedAt,
                db.Set<OfferMatch>().Count(m => (m.OfferId == o.Id && readable.Contains(m.RequestId)) || (m.RequestId == o.Id && readable.Contains(m.OfferId)))))
            .ToListAsync(ct);
        var programmes = (await db.Programmes.AsNoTracking().OrderBy(x => x.Title).Select(x => new { x.Id, x.Title }).ToListAsync(ct)).Select(x => (x.Id, x.Title)).ToList();
        var projectIds = rules.Readable().Where(o => o.ProjectId != null).Select(o => o.ProjectId!.Value).Distinct();
        var projects = (await db.Projects.AsNoTracking().Where(x => projectIds.Contains(x.Id)).OrderBy(x => x.Title).Select(x => new { x.Id, x.Title }).ToListAsync(ct))
            .Select(x => (x.Id, x.Title)).ToList();
        return new OfferList(filter, items, total, page, PageSize, programmes, projects);
    }
}
