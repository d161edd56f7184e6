using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Prototypes;

public sealed record PrototypeSummary(int Id, string Title, string ForWhom, PrototypeForm Form, DateTime CreatedAt, int Assumptions, int TestFirst, int Attachments);

public sealed record PrototypeList(int ProjectId, string ProjectTitle, IReadOnlyList<PrototypeSummary> Prototypes, bool CanCreate);

/// <summary>The project's prototypes, newest first, with counts of assumptions (and how many to test first) and attachments.</summary>
public sealed class ListPrototypes(AppDbContext db, ProjectAccess access)
{
    public async Task<PrototypeList?> RunAsync(int projectId, CancellationToken ct = default)
    {
        var p = await access.ForProjectAsync(projectId, ct);
        if (p is null) return null;
        var title = await db.Projects.Where(x => x.Id == projectId).Select(x => x.Title).FirstAsync(ct);
        // One query: the counts are subqueries, not a query per prototype.
        var rows = await db.Items.OfType<Prototype>().AsNoTracking().Where(i => i.ProjectId == projectId)
            .OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .Select(i => new
            {
                i.Id,
                i.Title,
                i.ForWhom,
                i.Form,
                i.CreatedAt,
                Assumptions = db.Set<Assumption>().Count(a => a.PrototypeId == i.Id),
                TestFirst = db.Set<Assumption>().Count(a => a.PrototypeId == i.Id && a.Risk >= AssumptionRisk.Medium && a.Certainty >= AssumptionCertainty.Somewhat),
                Attachments = db.Set<PrototypeAttachment>().Count(a => a.PrototypeId == i.Id),
            }).ToListAsync(ct);
        return new PrototypeList(projectId, title,
            rows.Select(r => new PrototypeSummary(r.Id, r.Title, r.ForWhom, r.Form, r.CreatedAt, r.Assumptions, r.TestFirst, r.Attachments)).ToList(),
            p.CanFacilitate);
    }
}
