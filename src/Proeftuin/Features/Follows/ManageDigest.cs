using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Follows;

public sealed record DigestLine(string Group, string Text, string Url, DateTime At);

public sealed record FollowOverview(DigestFrequency Frequency, IReadOnlyList<Followed> Following, IReadOnlyList<DigestLine> Waiting);

/// <summary>/volgen: what the caller follows, how often they get e-mail, and what waits for their next digest.</summary>
public sealed class ManageDigest(AppDbContext db, FollowTopics topics, Caller user, UnsubscribeLinks links)
{
    public const int WaitingShown = 50;

    public async Task<FollowOverview?> OverviewAsync(CancellationToken ct)
    {
        if (user.Id is not { } me) return null;
        var frequency = await FrequencyOfAsync(me, ct);
        var follows = await db.Set<Follow>().AsNoTracking().Where(f => f.UserId == me).OrderBy(f => f.CreatedAt).ThenBy(f => f.Id).ToListAsync(ct);
        var described = await topics.DescribeAsync(follows, ct);
        // In the order they were followed.
        var order = follows.Select((f, i) => (f.Topic, f.TargetId, i)).ToDictionary(x => (x.Topic, x.TargetId), x => x.i);
        var following = described.OrderBy(d => order[(d.Topic, d.Id)]).ToList();
        var waiting = await db.Set<DigestEntry>().AsNoTracking().Where(e => e.UserId == me && e.SentAt == null)
            .OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id).Take(WaitingShown)
            .Select(e => new DigestLine(e.Group, e.Text, e.Url, e.CreatedAt)).ToListAsync(ct);
        return new FollowOverview(frequency, following, waiting);
    }

    public async Task<Outcome<DigestFrequency>> SetFrequencyAsync(DigestFrequency? frequency, CancellationToken ct)
    {
        if (user.Id is not { } me) return Outcome<DigestFrequency>.Forbidden();
        if (frequency is not { } f || !Enum.IsDefined(f)) return Outcome<DigestFrequency>.Invalid("Frequency", "Kies hoe vaak je e-mail wilt krijgen.");
        await SetAsync(me, f, ct);
        return Outcome<DigestFrequency>.Ok(f);
    }

    /// <summary>The one-click link from the mail: no sign-in, the token says who. Null when the link is not valid.</summary>
    public async Task<bool> UnsubscribeAsync(string? token, CancellationToken ct)
    {
        if (await PersonOfAsync(token, ct) is not { } person) return false;
        await SetAsync(person, DigestFrequency.Off, ct);
        return true;
    }

    /// <summary>Whether a link from a mail is valid, for the page that asks before it unsubscribes.</summary>
    public async Task<bool> IsValidLinkAsync(string? token, CancellationToken ct) => await PersonOfAsync(token, ct) is not null;

    /// <summary>The account a link from a mail is for, while that account still exists.</summary>
    private async Task<string?> PersonOfAsync(string? token, CancellationToken ct) =>
        links.UserOf(token) is { } person && await db.Users.AnyAsync(u => u.Id == person, ct) ? person : null;

    private async Task<DigestFrequency> FrequencyOfAsync(string person, CancellationToken ct) =>
        await db.Set<DigestSetting>().AsNoTracking().Where(s => s.UserId == person).Select(s => (DigestFrequency?)s.Frequency).FirstOrDefaultAsync(ct)
        ?? DigestFrequency.Daily;

    private async Task SetAsync(string person, DigestFrequency frequency, CancellationToken ct)
    {
        var changed = await db.Set<DigestSetting>().Where(s => s.UserId == person).ExecuteUpdateAsync(u => u.SetProperty(s => s.Frequency, frequency), ct);
        if (changed > 0) return;
        var row = new DigestSetting { UserId = person, Frequency = frequency };
        db.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Added at the same moment by a second click or the digest job: set it on that row.
            db.Entry(row).State = EntityState.Detached;
            await db.Set<DigestSetting>().Where(s => s.UserId == person).ExecuteUpdateAsync(u => u.SetProperty(s => s.Frequency, frequency), ct);
        }
    }
}
