using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;

namespace Proeftuin.Features.Programmes;

public static class PartnerLogos
{
    /// <summary>GET /partners/{id}/logo — logos are public, like the programme page that shows them.</summary>
    public static WebApplication MapPartnerLogos(this WebApplication app)
    {
        app.MapGet("/partners/{id:int}/logo", async (int id, AppDbContext db, HttpContext http, CancellationToken ct) =>
        {
            var logo = await db.Partners.AsNoTracking().Where(p => p.Id == id && p.Logo != null)
                .Select(p => new { p.Logo, p.LogoContentType }).FirstOrDefaultAsync(ct);
            if (logo is null) return Results.NotFound();
            http.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.File(logo.Logo!, logo.LogoContentType ?? "application/octet-stream");
        }).ExcludeFromDescription();
        return app;
    }
}
