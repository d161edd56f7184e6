using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Members;
using Proeftuin.Web;

namespace Proeftuin.Features.MethodCards;

/// <summary>Where an own card lives: a programme (every project in it) or one project.</summary>
public sealed record CardPlace(int? ProgrammeId, int? ProjectId, string Name)
{
    /// <summary>The value of the place field: "programma-3" or "project-12".</summary>
    public string Value => ProjectId is { } p ? $"project-{p}" : $"programma-{ProgrammeId}";
}

/// <summary>
/// Who sees and who keeps own cards, in one place. Reading: a programme-wide card by anyone who may read a project of
/// that programme, a project card by who may read that project. Keeping (add, edit, copy into): the project's
/// facilitators, for a programme a facilitator of any of its projects, and admins.
/// </summary>
public sealed class CardPlaces(AppDbContext db, ProjectAccess projects, Caller user)
{
    /// <summary>The own cards the caller may read, as a query to build on.</summary>
    public IQueryable<MethodCard> Readable()
    {
        var readable = projects.ReadableProjects();
        return db.Set<MethodCard>().Where(c =>
            (c.ProjectId != null && readable.Any(p => p.Id == c.ProjectId)) ||
            (c.ProgrammeId != null && readable.Any(p => p.ProgrammeId == c.ProgrammeId)));
    }

    /// <summary>The places the caller may add a card to, programmes first; empty for who keeps none.</summary>
    public async Task<List<CardPlace>> KeptAsync(CancellationToken ct = default)
    {
        if (!user.IsSignedIn) return [];
        var userId = user.Id;
        var ids = user.IsAdmin
            ? db.Projects.Select(p => p.Id)
            : db.Memberships.Where(m => m.UserId == userId && m.Role == ProjectRole.Facilitator).Select(m => m.ProjectId);
        var rows = await db.Projects.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.Title, p.ProgrammeId, Programme = p.Programme.Title }).ToListAsync(ct);
        var programmes = rows.GroupBy(r => r.ProgrammeId).OrderBy(g => g.First().Programme, StringComparer.CurrentCulture)
            .Select(g => new CardPlace(g.Key, null, g.First().Programme));
        var own = rows.OrderBy(r => r.Title, StringComparer.CurrentCulture).Select(r => new CardPlace(null, r.Id, r.Title));
        return [.. programmes, .. own];
    }

    /// <summary>May the caller keep the cards of this place?</summary>
    public async Task<bool> KeepsAsync(int? programmeId, int? projectId, CancellationToken ct = default)
    {
        if (!user.IsSignedIn) return false;
        if (projectId is { } project)
        {
            var p = await projects.ForProjectAsync(project, ct);
            return p is not null && p.CanManage;
        }
        if (user.IsAdmin) return true;
        var userId = user.Id;
        return await db.Memberships.AnyAsync(m => m.UserId == userId && m.Role == ProjectRole.Facilitator && m.Project.ProgrammeId == programmeId, ct);
    }

    /// <summary>May the caller read the cards of this place?</summary>
    public Task<bool> ReadsAsync(int? programmeId, int? projectId, CancellationToken ct = default) =>
        projectId is { } id
            ? projects.ReadableProjects().AnyAsync(p => p.Id == id, ct)
            : projects.ReadableProjects().AnyAsync(p => p.ProgrammeId == programmeId, ct);

    /// <summary>Reads "programma-3" / "project-12" into a place the caller keeps; null when it is no such place.</summary>
    public async Task<CardPlace?> ParseAsync(string? value, CancellationToken ct = default)
    {
        var text = (value ?? "").Trim();
        var places = await KeptAsync(ct);
        return places.FirstOrDefault(p => p.Value == text);
    }
}
