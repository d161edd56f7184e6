using System.Data.Common;
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

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = On;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = On;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
