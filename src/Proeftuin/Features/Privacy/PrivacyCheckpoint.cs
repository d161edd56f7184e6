using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Proeftuin.Data;
using System.Data.Common;

namespace Proeftuin.Features.Privacy;

// TODO merge with DatabaseCheckpoint (Data/Checkpoint.cs, built at the same time for retention).
/// <summary>
/// After an erasure, SQLite's write-ahead log still holds the old pages: copy them into the database file and
/// empty the log. PostgreSQL needs nothing here (its WAL is not a file a reader of the data folder searches).
/// </summary>
internal static class PrivacyCheckpoint
{
    public static async Task TruncateWalAsync(AppDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite()) return;
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", ct);
    }
}

/// <summary>
/// SQLite keeps deleted and overwritten text in free space inside its pages until that space is reused. With
/// secure_delete on, it writes zeros there instead, so erased stories and names are not left in the file.
/// </summary>
internal sealed class SqliteSecureDelete : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA secure_delete = ON;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA secure_delete = ON;";
        command.ExecuteNonQuery();
    }
}
