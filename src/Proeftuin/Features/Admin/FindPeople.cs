using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Admin;

public sealed record PersonRow(string Id, string DisplayName, string Email, bool EmailConfirmed, bool IsAdmin, DateTime CreatedAt,
    DateTime? LastSignInAt, DateTime? BlockedAt, IReadOnlyList<string> Projects);

public sealed record PeoplePage(string Search, IReadOnlyList<PersonRow> People, int Total, int Page, int Pages);

/// <summary>Accounts for the platform admin: search by name or e-mail, a page at a time, with their projects.</summary>
public sealed class FindPeople(AppDbContext db, Caller user)
{
    public const int PageSize = 25;
    public const int SearchMax = 100;

    public async Task<Outcome<PeoplePage>> RunAsync(string? search, int page, CancellationToken ct = default)
    {
        if (!user.IsAdmin) return Outcome<PeoplePage>.Forbidden();
        var v = new Validation();
        var term = v.Text("q", search, SearchMax, required: false, label: "De zoekterm");
        if (!v.IsValid) return v;
        term = term.ToLowerInvariant();

        var accounts = db.Users.AsNoTracking();
        if (term.Length > 0)
            accounts = accounts.Where(u => u.DisplayName.ToLower().Contains(term) || u.Email!.ToLower().Contains(term));
        var total = await accounts.CountAsync(ct);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var rows = await accounts.OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.EmailConfirmed, u.CreatedAt, u.LastSignInAt, u.BlockedAt })
            .ToListAsync(ct);

        // Two queries for the whole page, not two per person.
        var ids = rows.Select(r => r.Id).ToList();
        var projects = (await db.Memberships.AsNoTracking().Where(m => ids.Contains(m.UserId))
                .Select(m => new { m.UserId, m.Project.Title }).ToListAsync(ct))
            .ToLookup(m => m.UserId, m => m.Title);
        var adminRoleId = await db.Roles.Where(r => r.Name == Caller.AdminRole).Select(r => r.Id).FirstOrDefaultAsync(ct);
        var admins = (await db.UserRoles.Where(r => r.RoleId == adminRoleId && ids.Contains(r.UserId)).Select(r => r.UserId).ToListAsync(ct)).ToHashSet();

        var people = rows.Select(r => new PersonRow(r.Id, r.DisplayName, r.Email ?? "", r.EmailConfirmed, admins.Contains(r.Id), r.CreatedAt,
            r.LastSignInAt, r.BlockedAt, projects[r.Id].Order(StringComparer.CurrentCulture).ToList())).ToList();
        return Outcome<PeoplePage>.Ok(new PeoplePage(term, people, total, page, pages));
    }
}
