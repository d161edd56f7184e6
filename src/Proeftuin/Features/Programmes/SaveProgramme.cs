using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Programmes;

public sealed record ProgrammeInput(string? Title, string? Introduction);

/// <summary>Admins create and edit programmes.</summary>
public sealed class SaveProgramme(AppDbContext db, Caller user, TimeProvider clock)
{
    public async Task<Outcome<Programme>> RunAsync(int? programmeId, ProgrammeInput input, CancellationToken ct = default)
    {
        if (!user.IsAdmin) return Outcome<Programme>.Forbidden();
        Programme? programme;
        if (programmeId is { } id)
        {
            programme = await db.Programmes.FirstOrDefaultAsync(p => p.Id == id, ct);
            if (programme is null) return Outcome<Programme>.NotFound();
        }
        else
        {
            programme = new Programme { CreatedAt = clock.GetUtcNow().UtcDateTime };
        }
        var v = new Validation();
        var title = v.Text("Title", input.Title, ProgrammeLimits.Title, label: "een titel");
        var intro = v.Text("Introduction", input.Introduction, ProgrammeLimits.Introduction, required: false, label: "De introductie");
        if (!v.IsValid) return v;
        programme.Title = title;
        programme.Introduction = intro;
        if (programme.Id == 0) db.Programmes.Add(programme);
        await db.SaveChangesAsync(ct);
        return Outcome<Programme>.Ok(programme);
    }
}
