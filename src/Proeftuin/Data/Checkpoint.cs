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
/// Settings every SQLite connection gets once, when the pool opens it for the first time:
/// <list type="bullet">
/// <item><c>secure_delete</c>: SQLite keeps deleted and overwritten text in free space inside its pages until that space
/// is reused; with it on, it writes zeros there instead, so erased stories and names are not left in the file.</item>
/// <item><c>busy_timeout</c>: a write that meets another one still busy waits inside SQLite, which tries again after
/// 1, 2, 5, 10… ms, for as long as the connection string's <c>Default Timeout</c> (30 s unless set). Without it
/// Microsoft.Data.Sqlite sleeps its thread 150 ms before every new try: two post-its at the same moment made one of
/// them 150 ms late (ADR 0031).</item>
/// </list>
/// </summary>
public sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    // The settings live as long as the physical connection, which the pool hands out again and again: set them once per
    // connection, not on every open (that was one more statement on every query, 7% of a signed-in page).
    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> Set = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsSet(connection)) return;
        using var command = connection.CreateCommand();
        command.CommandText = Settings(connection);
        command.ExecuteNonQuery();
        Remember(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsSet(connection)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = Settings(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        Remember(connection);
    }

    private static string Settings(DbConnection connection) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"PRAGMA secure_delete = ON; PRAGMA busy_timeout = {(connection is SqliteConnection s ? s.DefaultTimeout : 30) * 1000};");

    private static bool IsSet(DbConnection connection) => connection is SqliteConnection { Handle: { } handle } && Set.TryGetValue(handle, out _);

    private static void Remember(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle }) Set.AddOrUpdate(handle, handle);
    }
}
