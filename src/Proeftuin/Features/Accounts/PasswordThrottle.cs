using Microsoft.EntityFrameworkCore;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Features.Accounts;

/// <summary>
/// Slows password guessing without letting a stranger lock the owner out, and without telling who has an account:
/// failures are counted per typed address (known or not) and per client. After <see cref="PerClient"/> failures
/// from one client, or <see cref="PerAddress"/> from anywhere, password sign-in for that address pauses for
/// <see cref="Window"/>; the e-mailed link keeps working all the time. Every address gets the same words.
/// Stored in the database, so every app instance counts the same.
/// </summary>
public sealed class PasswordThrottle(AppDbContext db, TimeProvider clock)
{
    public const int PerClient = 5;
    public const int PerAddress = 20;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    public const string Paused = "Te veel mislukte pogingen met dit e-mailadres. Inloggen met een wachtwoord kan over 15 minuten weer. Met een link per e-mail kun je meteen inloggen.";

    public async Task<bool> IsPausedAsync(string address, string? client, CancellationToken ct = default)
    {
        var (addressHash, clientHash) = Keys(address, client);
        var since = clock.GetUtcNow().UtcDateTime - Window;
        // At most PerAddress rows: recording stops for a client once it is paused.
        var clients = await db.PasswordFailures.AsNoTracking()
            .Where(f => f.AddressHash == addressHash && f.At > since)
            .Select(f => f.ClientHash).ToListAsync(ct);
        return clients.Count >= PerAddress || clients.Count(c => c == clientHash) >= PerClient;
    }

    public async Task RecordFailureAsync(string address, string? client, CancellationToken ct = default)
    {
        var (addressHash, clientHash) = Keys(address, client);
        var now = clock.GetUtcNow().UtcDateTime;
        db.PasswordFailures.Add(new PasswordFailure { AddressHash = addressHash, ClientHash = clientHash, At = now });
        await db.SaveChangesAsync(ct);
        // Keep the table small: what lies outside the window counts for nothing.
        var old = now - Window;
        await db.PasswordFailures.Where(f => f.At <= old).ExecuteDeleteAsync(ct);
    }

    /// <summary>After a successful sign-in by link (the mailbox is proven): the address starts afresh.</summary>
    public async Task ClearAsync(string address, CancellationToken ct = default)
    {
        var (addressHash, _) = Keys(address, null);
        await db.PasswordFailures.Where(f => f.AddressHash == addressHash).ExecuteDeleteAsync(ct);
    }

    /// <summary>After a successful password: this client starts afresh for this address.</summary>
    public async Task ClearClientAsync(string address, string? client, CancellationToken ct = default)
    {
        var (addressHash, clientHash) = Keys(address, client);
        await db.PasswordFailures.Where(f => f.AddressHash == addressHash && f.ClientHash == clientHash).ExecuteDeleteAsync(ct);
    }

    private static (string Address, string Client) Keys(string address, string? client) =>
        (AddressHash(address), Tokens.Hash("client:" + (client ?? "local")));

    /// <summary>How an address is stored here; also used to remove its rows when the account is erased.</summary>
    public static string AddressHash(string address) => Tokens.Hash("address:" + address.Trim().ToLowerInvariant());
}
