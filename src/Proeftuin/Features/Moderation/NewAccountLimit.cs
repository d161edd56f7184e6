using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Moderation;

/// <summary>Moderation:NewAccountHours and Moderation:NewAccountPerHour.</summary>
public sealed class ModerationOptions
{
    public static readonly string Section = "Moderation";
    /// <summary>How long an account counts as new.</summary>
    public int NewAccountHours { get; set; } = 24;
    /// <summary>Contributions (items and reacties) a new account may add per hour.</summary>
    public int NewAccountPerHour { get; set; } = 20;
}

/// <summary>
/// A new account may add only so many contributions an hour, so a spam account cannot fill a thread before anyone
/// looks. Facilitators and admins are not limited: they set projects up. Every other account is, in its first day.
/// </summary>
public sealed class NewAccountLimit(AppDbContext db, Caller user, TimeProvider clock, IOptions<ModerationOptions> options)
{
    public const string TooMany = "Je account is nieuw. Het eerste etmaal kun je {0} bijdragen per uur plaatsen. Probeer het over een uur nog eens.";

    /// <summary>Null when the caller may add one more; otherwise the Dutch message.</summary>
    public async Task<FieldError?> CheckAsync(ProjectPermissions p, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (p.CanManage) return null;
        return await CheckAsync(async (id, since) =>
            await db.Items.WithHidden().CountAsync(i => i.AuthorId == id && i.CreatedAt > since, ct)
            + await db.Comments.WithHidden().CountAsync(c => c.AuthorId == id && c.CreatedAt > since, ct), ct);
    }

    /// <summary>
    /// The same limit for contributions outside a project's thread (vraag en aanbod): <paramref name="addedSince"/>
    /// counts the person's own contributions of that kind since the given moment. Admins are not limited.
    /// </summary>
    public async Task<FieldError?> CheckAsync(Func<string, DateTime, Task<int>> addedSince, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(addedSince);
        if (user.IsAdmin || user.Id is not { } id) return null;
        var o = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var createdAt = await db.Users.Where(u => u.Id == id).Select(u => u.CreatedAt).FirstOrDefaultAsync(ct);
        if (createdAt < now.AddHours(-o.NewAccountHours)) return null;
        var added = await addedSince(id, now.AddHours(-1));
        return added >= o.NewAccountPerHour ? new FieldError("", TooMany, o.NewAccountPerHour) : null;
    }
}
