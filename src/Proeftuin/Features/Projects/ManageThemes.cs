using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Projects;

/// <summary>Admins keep the list of themes (armoede, eenzaamheid, …) that projects choose from.</summary>
public sealed class ManageThemes(AppDbContext db, Caller user)
{
    public Task<List<Theme>> ListAsync(CancellationToken ct = default) =>
        db.Themes.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);

    public async Task<Outcome<Theme>> AddAsync(string? name, CancellationToken ct = default)
    {
        if (!user.IsAdmin) return Outcome<Theme>.Forbidden();
        var v = new Validation();
        var clean = v.Text("Name", name, ProjectLimits.ThemeName, label: "de naam van het thema").ToLowerInvariant();
        if (v.IsValid && await db.Themes.AnyAsync(t => t.Name == clean, ct)) v.Add("Name", "Dit thema bestaat al.");
        if (!v.IsValid) return v;
        var theme = new Theme { Name = clean };
        db.Themes.Add(theme);
        await db.SaveChangesAsync(ct);
        return Outcome<Theme>.Ok(theme);
    }

    public async Task<Outcome<Theme>> RemoveAsync(int themeId, CancellationToken ct = default)
    {
        if (!user.IsAdmin) return Outcome<Theme>.Forbidden();
        var theme = await db.Themes.FirstOrDefaultAsync(t => t.Id == themeId, ct);
        if (theme is null) return Outcome<Theme>.NotFound();
        db.Themes.Remove(theme);
        await db.SaveChangesAsync(ct);
        return Outcome<Theme>.Ok(theme);
    }
}
