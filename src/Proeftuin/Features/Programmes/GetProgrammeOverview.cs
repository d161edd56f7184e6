using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Projects;

namespace Proeftuin.Features.Programmes;

public sealed record PartnerView(int Id, string Name, string? Url, bool HasLogo);

public sealed record ProgrammeSummary(int Id, string Title, string Introduction);

public sealed record ProgrammeOverview(
    int Id, string Title, string Introduction,
    IReadOnlyList<PartnerView> Partners,
    IReadOnlyList<ProjectSummary> Projects,
    IReadOnlyList<Projects.NewsSummary> News);

/// <summary>The programme page and GET /api/v1/programmes/{id}: programmes are public, their projects as the caller may read them.</summary>
public sealed class GetProgrammeOverview(AppDbContext db, FindProjects findProjects)
{
    public Task<List<ProgrammeSummary>> ListAsync(CancellationToken ct = default) =>
        db.Programmes.AsNoTracking().OrderBy(p => p.Title)
            .Select(p => new ProgrammeSummary(p.Id, p.Title, p.Introduction)).ToListAsync(ct);

    public async Task<ProgrammeOverview?> RunAsync(int programmeId, ProjectFilter filter, CancellationToken ct = default)
    {
        var programme = await db.Programmes.AsNoTracking().Where(p => p.Id == programmeId)
            .Select(p => new
            {
                p.Id,
                p.Title,
                p.Introduction,
                Partners = p.Partners.OrderBy(x => x.Name).Select(x => new PartnerView(x.Id, x.Name, x.Url, x.Logo != null)).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        if (programme is null) return null;
        var projects = await findProjects.RunAsync(filter with { ProgrammeId = programmeId }, ct);
        var news = await db.NewsItems.AsNoTracking().Where(n => n.ProgrammeId == programmeId)
            .OrderByDescending(n => n.PublishedAt).Take(10)
            .Select(n => new Projects.NewsSummary(n.Id, n.Title, n.BodyHtml, n.PublishedAt)).ToListAsync(ct);
        return new ProgrammeOverview(programme.Id, programme.Title, programme.Introduction, programme.Partners, projects, news);
    }
}
