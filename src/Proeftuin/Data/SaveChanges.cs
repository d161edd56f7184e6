using Microsoft.EntityFrameworkCore;
using Proeftuin.Web;

namespace Proeftuin.Data;

public static class SaveChanges
{
    public const string Conflict = "Iemand anders veranderde dit op hetzelfde moment. Bekijk de pagina opnieuw en probeer het nog een keer.";

    /// <summary>Saves, or reports a clash with someone else's change (a concurrency token moved) as a plain message.</summary>
    public static async Task<Outcome<T>> SaveOrConflictAsync<T>(this AppDbContext db, T value, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Outcome<T>.Ok(value);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome<T>.Invalid("", Conflict);
        }
    }
}
