using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Proeftuin.Data;

/// <summary>
/// SQLite writes changes to a write-ahead log (WAL) first: text that was just erased can linger there, in the
/// proeftuin.db-wal file, until a checkpoint copies the pages back and empties the log. Call this after removing
/// personal data (retention, withdrawal, account erasure). PostgreSQL needs nothing here: a no-op.
/// </summary>
public static class DatabaseCheckpoint
{
    public static async Task TruncateWalAsync(AppDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsSqlite()) return;
        // TRUNCATE also shrinks the -wal file to zero bytes. A reader that is still busy makes it a partial
        // checkpoint (no error); the next one finishes the job.
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", ct);
    }
}

/// <summary>
/// SQLite keeps deleted and overwritten text in free space inside its pages until that space is reused. With
/// secure_delete on, it writes zeros there instead, so erased stories and names are not left in the file.
/// </summary>
public sealed class SqliteSecureDelete : DbConnectionInterceptor
{
    private const string On = "PRAGMA secure_delete = ON;";

    // The setting lives as long as the physical connection, which the pool hands out again and again: set it once per
    // connection, not on every open (that was one more statement on every query, 7% of a signed-in page).
    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> Set = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsSet(connection)) return;
        using var command = connection.CreateCommand();
        command.CommandText = On;
        command.ExecuteNonQuery();
        Remember(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsSet(connection)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = On;
        await command.ExecuteNonQueryAsync(cancellationToken);
        Remember(connection);
    }

    private static bool IsSet(DbConnection connection) => connection is SqliteConnection { Handle: { } handle } && Set.TryGetValue(handle, out _);

    private static void Remember(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle }) Set.AddOrUpdate(handle, handle);
    }
}
