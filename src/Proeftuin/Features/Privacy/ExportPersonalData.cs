using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Features.Audit;
using Proeftuin.Web;
using Proeftuin.Web.Mail;

namespace Proeftuin.Features.Privacy;

/// <summary>What the account page shows about the newest download request.</summary>
public sealed record ExportState(int Id, ExportStatus Status, DateTime RequestedAt, DateTime? ExpiresAt)
{
    public bool InProgress => Status is ExportStatus.Queued or ExportStatus.Running;
}

/// <summary>
/// "Download mijn gegevens": ask for it (the worker builds it), see how far it is, and download it with the mailed
/// link — only signed in as the same person, only until it expires.
/// </summary>
public sealed class ExportPersonalData(AppDbContext db, Caller me, TimeProvider clock, ExportQueue queue, AuditLog audit)
{
    public async Task<Outcome<ExportState>> RequestAsync(string linkBase, CancellationToken ct = default)
    {
        if (me.Id is not { } userId) return Outcome<ExportState>.Forbidden();
        // One at a time: asking again while it is being made changes nothing.
        var current = await StateAsync(ct);
        if (current is { InProgress: true }) return Outcome<ExportState>.Ok(current);
        var export = new PersonalDataExport { UserId = userId, Status = ExportStatus.Queued, RequestedAt = clock.GetUtcNow().UtcDateTime, LinkBase = linkBase };
        db.Set<PersonalDataExport>().Add(export);
        await db.SaveChangesAsync(ct);
        queue.Wake();
        return Outcome<ExportState>.Ok(new ExportState(export.Id, export.Status, export.RequestedAt, null));
    }

    public async Task<ExportState?> StateAsync(CancellationToken ct = default)
    {
        if (me.Id is not { } userId) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        var newest = await db.Set<PersonalDataExport>().AsNoTracking().Where(e => e.UserId == userId)
            .OrderByDescending(e => e.RequestedAt).ThenByDescending(e => e.Id)
            .Select(e => new ExportState(e.Id, e.Status, e.RequestedAt, e.ExpiresAt)).FirstOrDefaultAsync(ct);
        // Past its date it is gone, even before the worker deleted the file.
        return newest is { Status: ExportStatus.Done, ExpiresAt: { } expires } && expires <= now ? newest with { Status = ExportStatus.Expired } : newest;
    }

    public const string Expired = "Deze link werkt niet meer: hij was 7 dagen geldig. Vraag op je accountpagina opnieuw je gegevens op.";

    /// <summary>The ZIP for the mailed link. Someone else's link, a wrong token or an unknown id: not found, alike.</summary>
    public async Task<Outcome<byte[]>> DownloadAsync(int id, string? token, CancellationToken ct = default)
    {
        if (me.Id is not { } userId) return Outcome<byte[]>.Forbidden();
        if (!Tokens.LooksValid(token)) return Outcome<byte[]>.NotFound();
        var hash = Tokens.Hash(token!);
        var export = await db.Set<PersonalDataExport>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id && e.UserId == userId && e.TokenHash == hash, ct);
        if (export is null) return Outcome<byte[]>.NotFound();
        if (export.Status != ExportStatus.Done || export.Content is null || export.ExpiresAt <= clock.GetUtcNow().UtcDateTime)
            return Outcome<byte[]>.Invalid("", Expired);
        await audit.RecordAsync(AuditAction.PersonalDataExported, subjectType: "export", subjectId: export.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            subjectUserId: userId, ct: ct);
        return Outcome<byte[]>.Ok(export.Content);
    }
}

/// <summary>Wakes the worker when a request comes in; it also looks by itself every so often (other web nodes, restarts).</summary>
public sealed class ExportQueue
{
    private readonly Channel<bool> signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Wake() => signal.Writer.TryWrite(true);

    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timer.CancelAfter(timeout);
        try { await signal.Reader.ReadAsync(timer.Token); }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested) { }
    }
}

/// <summary>
/// Builds queued exports one by one in the background, mails the link, and deletes files whose link expired.
/// A row claimed by a node that then stopped is taken up again after <see cref="StaleAfter"/>.
/// </summary>
public sealed class ExportWorker(IServiceScopeFactory scopes, ExportQueue queue, TimeProvider clock, ILogger<ExportWorker> logger, IConfiguration config) : BackgroundService
{
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(10);
    private const int MaxAttempts = 3;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(config.GetValue("Privacy:ExportPollSeconds", 30));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RunOnceAsync(stoppingToken)) { }
                await DeleteExpiredAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                logger.LogError(e, "Personal-data export worker failed; trying again later");
            }
            await queue.WaitAsync(interval, stoppingToken);
        }
    }

    /// <summary>Builds one queued export, if any. True when it did something (there may be more).</summary>
    public async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var stale = now - StaleAfter;
        // A build that died on its last attempt would stay "bezig" for ever and block every new request: give it up.
        await db.Set<PersonalDataExport>()
            .Where(e => e.Status == ExportStatus.Running && e.StartedAt < stale && e.Attempts >= MaxAttempts)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.Status, ExportStatus.Failed), ct);
        var candidate = await db.Set<PersonalDataExport>().AsNoTracking()
            .Where(e => (e.Status == ExportStatus.Queued || (e.Status == ExportStatus.Running && e.StartedAt < stale)) && e.Attempts < MaxAttempts)
            .OrderBy(e => e.RequestedAt).Select(e => new { e.Id, e.Status, e.StartedAt }).FirstOrDefaultAsync(ct);
        if (candidate is null) return false;
        // Claim it: only one node wins the update from the state it read.
        var claimed = await db.Set<PersonalDataExport>()
            .Where(e => e.Id == candidate.Id && e.Status == candidate.Status && e.StartedAt == candidate.StartedAt)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.Status, ExportStatus.Running).SetProperty(e => e.StartedAt, now).SetProperty(e => e.Attempts, e => e.Attempts + 1), ct);
        if (claimed == 0) return true;
        var export = await db.Set<PersonalDataExport>().FirstAsync(e => e.Id == candidate.Id, ct);
        try
        {
            await BuildAsync(scope.ServiceProvider, db, export, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Export {Id} failed", export.Id);
            db.ChangeTracker.Clear();
            var failed = export.Attempts >= MaxAttempts ? ExportStatus.Failed : ExportStatus.Queued;
            await db.Set<PersonalDataExport>().Where(x => x.Id == export.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.Status, failed), ct);
        }
        return true;
    }

    private async Task BuildAsync(IServiceProvider services, AppDbContext db, PersonalDataExport export, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == export.UserId, ct);
        if (user is null) return;
        var person = PersonRef.Of(user.Id, user.Email, user.EmailConfirmed, user.DisplayName);
        var sections = new List<PersonalDataSection>();
        foreach (var contributor in services.GetServices<IPersonalDataContributor>().OrderByDescending(c => c.Order))
            sections.Add(await contributor.ExportAsync(person, ct));
        var now = clock.GetUtcNow().UtcDateTime;
        var token = Tokens.New();
        export.Content = PersonalDataFiles.Zip(person, now, sections);
        export.TokenHash = Tokens.Hash(token);
        export.Status = ExportStatus.Done;
        export.FinishedAt = now;
        export.ExpiresAt = now + PersonalDataExport.Lifetime;
        await db.SaveChangesAsync(ct);
        if (!string.IsNullOrEmpty(user.Email))
        {
            var link = $"{export.LinkBase}/account/gegevens/{export.Id}?token={token}";
            var until = PersonalDataFiles.Day(export.ExpiresAt.Value);
            await services.GetRequiredService<IMailer>().SendAsync(new MailMessage(user.Email, "Je gegevens uit Proeftuin staan klaar",
                $"Hallo {user.DisplayName},\n\nJe vroeg om al je gegevens uit Proeftuin. Ze staan klaar in één bestand (ZIP).\n\n" +
                $"Download ze hier:\n{link}\n\nDe link werkt tot {until}, en alleen als je bent ingelogd met je eigen account. Daarna gooien we het bestand weg.\n\n" +
                "In het bestand zit overzicht.html: dat kun je openen in je browser om alles te lezen. gegevens.json is hetzelfde, voor een computer.\n\n" +
                "Vroeg je hier niet om? Log dan in en verander je wachtwoord.\n\n" +
                $"---\nYour data from Proeftuin is ready: {link} (works until {until}, only when you are signed in)."), ct);
        }
    }

    /// <summary>Files whose link expired are deleted; the row stays a little, so the account page can say it expired.</summary>
    public async Task DeleteExpiredAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Set<PersonalDataExport>().Where(e => e.Status == ExportStatus.Done && e.ExpiresAt <= now)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.Status, ExportStatus.Expired).SetProperty(e => e.Content, (byte[]?)null).SetProperty(e => e.TokenHash, (string?)null), ct);
    }
}
