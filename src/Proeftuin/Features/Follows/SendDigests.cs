using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Proeftuin.Data;
using Proeftuin.Features.Moderation;
using Proeftuin.Web;
using Proeftuin.Web.Mail;

namespace Proeftuin.Features.Follows;

/// <summary>
/// One pass of the digest mail. For each person with waiting lines whose period has come: leave out what moderation hid
/// (or what was deleted) since the news was made, take the period with a conditional update of LastSentAt (so a second
/// app node sends nothing), mark the lines sent and send one grouped mail with a one-click unsubscribe header.
/// People who chose "nooit per e-mail" get no mail; their lines are dropped (the meldingen in the app stay).
/// </summary>
public sealed class SendDigests(AppDbContext db, TimeProvider clock, IOptions<DigestOptions> options, IEnumerable<IModerationTarget> targets,
    UnsubscribeLinks unsubscribe, PublicUrl publicUrl, IMailer mailer, ILogger<SendDigests> logger)
{
    public static readonly string Subject = "Nieuw in Proeftuin bij wat je volgt";
    private const int PeoplePerPass = 500;
    public static readonly TimeSpan KeepSent = TimeSpan.FromDays(30);

    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Sent lines are only kept a while, for "what was in my digest"; then they go.
        var old = now - KeepSent;
        await db.Set<DigestEntry>().Where(e => e.SentAt != null && e.SentAt < old).ExecuteDeleteAsync(ct);
        var people = await db.Set<DigestEntry>().AsNoTracking().Where(e => e.SentAt == null && e.CreatedAt <= now)
            .Select(e => e.UserId).Distinct().OrderBy(id => id).Take(PeoplePerPass).ToListAsync(ct);
        if (people.Count == 0) return 0;
        var settings = await db.Set<DigestSetting>().AsNoTracking().Where(s => people.Contains(s.UserId)).ToDictionaryAsync(s => s.UserId, ct);
        var sent = 0;
        foreach (var person in people)
        {
            var setting = settings.GetValueOrDefault(person) ?? new DigestSetting { UserId = person };
            if (setting.Frequency == DigestFrequency.Off)
            {
                await db.Set<DigestEntry>().Where(e => e.UserId == person && e.SentAt == null).ExecuteDeleteAsync(ct);
                continue;
            }
            if (!DigestPeriods.IsDue(setting.Frequency, setting.LastSentAt, now, options.Value)) continue;
            try
            {
                if (await SendToAsync(person, setting, now, ct)) sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The digest for one person could not be sent; it is tried again at the next pass");
            }
        }
        return sent;
    }

    private async Task<bool> SendToAsync(string person, DigestSetting setting, DateTime now, CancellationToken ct)
    {
        var lines = await db.Set<DigestEntry>().AsNoTracking().Where(e => e.UserId == person && e.SentAt == null && e.CreatedAt <= now)
            .OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).ToListAsync(ct);
        var gone = await GoneAsync(lines, ct);
        var keep = lines.Where(l => !gone.Contains(l.Id)).ToList();
        if (gone.Count > 0) await db.Set<DigestEntry>().Where(e => gone.Contains(e.Id)).ExecuteDeleteAsync(ct);
        if (keep.Count == 0) return false;
        var to = await db.Users.AsNoTracking().Where(u => u.Id == person).Select(u => u.Email).FirstOrDefaultAsync(ct);
        if (string.IsNullOrWhiteSpace(to)) return false;

        if (!await ClaimAsync(setting, now, ct)) return false;
        var ids = keep.Select(l => l.Id).ToList();
        await db.Set<DigestEntry>().Where(e => ids.Contains(e.Id)).ExecuteUpdateAsync(u => u.SetProperty(e => e.SentAt, now), ct);
        try
        {
            await mailer.SendAsync(Mail(to, setting.Frequency, keep, unsubscribe.TokenFor(person)), ct);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Give the period and the lines back, so the next pass tries again.
            await db.Set<DigestEntry>().Where(x => ids.Contains(x.Id)).ExecuteUpdateAsync(u => u.SetProperty(x => x.SentAt, (DateTime?)null), CancellationToken.None);
            await db.Set<DigestSetting>().Where(s => s.UserId == person && s.LastSentAt == now)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSentAt, setting.LastSentAt), CancellationToken.None);
            logger.LogWarning(e, "A digest could not be mailed; it is tried again at the next pass");
            return false;
        }
    }

    /// <summary>The lines about something moderation hid, or that no longer exists.</summary>
    private async Task<HashSet<long>> GoneAsync(IReadOnlyList<DigestEntry> lines, CancellationToken ct)
    {
        var gone = new HashSet<long>();
        foreach (var byKind in lines.Where(l => l.AboutKind is not null && l.AboutId is not null).GroupBy(l => l.AboutKind!))
        {
            if (targets.FirstOrDefault(t => t.Kind == byKind.Key) is not { } target) continue;
            var ids = byKind.Select(l => l.AboutId!.Value).Distinct().ToList();
            var visible = (await target.FindAsync(ids, ct)).Where(c => c.HiddenAt is null).Select(c => c.Id).ToHashSet();
            foreach (var line in byKind.Where(l => !visible.Contains(l.AboutId!.Value))) gone.Add(line.Id);
        }
        return gone;
    }

    /// <summary>Takes this period for the person; false when another node (or an earlier pass) already did.</summary>
    private async Task<bool> ClaimAsync(DigestSetting setting, DateTime now, CancellationToken ct)
    {
        var start = DigestPeriods.CurrentStart(setting.Frequency, now, options.Value)!.Value;
        var person = setting.UserId;
        var claimed = await db.Set<DigestSetting>().Where(s => s.UserId == person && (s.LastSentAt == null || s.LastSentAt < start))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSentAt, now), ct);
        if (claimed == 1) return true;
        if (await db.Set<DigestSetting>().AnyAsync(s => s.UserId == person, ct)) return false;
        // No row yet: the default (daily). The key is the person, so of two nodes only one can add it.
        var row = new DigestSetting { UserId = person, Frequency = setting.Frequency, LastSentAt = now };
        db.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.Entry(row).State = EntityState.Detached;
            return false;
        }
    }

    private MailMessage Mail(string to, DigestFrequency frequency, List<DigestEntry> lines, string token)
    {
        // Production always has App:PublicUrl (checked at start); Development and tests may not.
        var site = publicUrl.BaseIfKnown ?? "http://localhost";
        var body = new StringBuilder();
        body.Append("Hallo,\n\nDit gebeurde in Proeftuin bij wat je volgt:\n");
        foreach (var group in lines.GroupBy(l => l.Group))
        {
            body.Append('\n').Append(group.Key).Append('\n');
            foreach (var line in group)
                body.Append("- ").Append(line.Text).Append('\n').Append("  ").Append(site).Append(line.Url).Append('\n');
        }
        var leave = site + UnsubscribeLinks.Path(token);
        body.Append($"\nJe krijgt deze samenvatting {frequency.Label()}. Kies hoe vaak, of wat je volgt: {site}/volgen\n");
        body.Append($"Geen e-mail meer over wat je volgt? Meld je af met één klik: {leave}\n");
        var headers = new Dictionary<string, string>
        {
            ["List-Unsubscribe"] = $"<{leave}>",
            ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
        };
        var subject = lines.Count == 1 ? Subject : $"{Subject} ({lines.Count})";
        return new MailMessage(to, subject, body.ToString(), headers);
    }
}

/// <summary>Runs <see cref="SendDigests"/> every few minutes on the app's clock.</summary>
public sealed class DigestJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<DigestOptions> options, ILogger<DigestJob> logger)
    : PeriodicJob<SendDigests>(scopes, clock, logger)
{
    protected override bool Enabled => options.Value.Enabled;

    protected override TimeSpan Interval => TimeSpan.FromMinutes(Math.Max(1, options.Value.IntervalMinutes));

    protected override Task<int> RunPassAsync(SendDigests pass, CancellationToken ct) => pass.RunOnceAsync(ct);
}
