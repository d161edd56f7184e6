using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Proeftuin.Data;

/// <summary>
/// The operator's database commands, run before anything touches the database (docs/configuration.md, README
/// "Running Proeftuin for real"):
/// <list type="bullet">
/// <item><c>migrate</c>: applies the pending migrations and stops, so a deployment with several nodes migrates once,
/// before the new nodes start (with <c>Database:MigrateAtStart=false</c>). A second run changes nothing.</item>
/// <item><c>backup &lt;file&gt;</c> (SQLite): an online copy through SQLite's backup API, consistent while the app runs.
/// A file copy of a live database in WAL mode can miss what is still in the -wal file. The database holds everything a
/// restore needs: the data-protection keys (so cookies stay valid) and the uploaded attachments.</item>
/// <item><c>restore &lt;file&gt;</c> (SQLite, app stopped): writes a backup back over the database through the same API.</item>
/// </list>
/// The database is not migrated first: a backup taken just before an upgrade must be the old database as it was.
/// </summary>
public static class DatabaseCommands
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0) return false;
        switch (args[0])
        {
            case "migrate":
                Environment.ExitCode = await MigrateAsync(app);
                return true;
            case "backup" or "restore":
                Environment.ExitCode = args.Length == 2 ? await CopyAsync(app, args[0] == "backup", args[1]) : Usage(args[0]);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Migrates at start unless <c>Database:MigrateAtStart</c> is false; then refuses to start on an old database.</summary>
    public static async Task<bool> MigrateOrCheckAtStartAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Configuration.GetValue("Database:MigrateAtStart", true))
        {
            await app.MigrateDatabaseAsync();
            return true;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        if (pending.Count == 0) return true;
        // Starting on an old database would fail on the first page that needs a new column: say so once, at start.
        await Console.Error.WriteLineAsync(
            $"De database mist {pending.Count} migratie(s) ({pending[^1]}). Database:MigrateAtStart staat uit: voer eerst 'migrate' uit.");
        Environment.ExitCode = 3;
        return false;
    }

    private static async Task<int> MigrateAsync(WebApplication app)
    {
        var applied = await app.MigrateDatabaseAsync();
        if (applied.Count == 0)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Console.WriteLine($"De database is bij ({(await db.Database.GetAppliedMigrationsAsync()).LastOrDefault()}). Niets te doen.");
            return 0;
        }
        foreach (var name in applied) Console.WriteLine($"Toegepast: {name}");
        Console.WriteLine($"De database is bij ({applied[^1]}).");
        return 0;
    }

    private static async Task<int> CopyAsync(WebApplication app, bool backup, string file)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (!db.Database.IsSqlite())
        {
            await Console.Error.WriteLineAsync(
                "Dit commando is voor SQLite. Maak bij PostgreSQL een back-up met pg_dump en zet hem terug met pg_restore (zie de README).");
            return 2;
        }
        var live = Path.GetFullPath(new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource);
        var path = Path.GetFullPath(file);
        if (string.Equals(path, live, StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync("De back-up en de database kunnen niet hetzelfde bestand zijn.");
            return 2;
        }
        if (backup && File.Exists(path))
        {
            // Never write over an earlier backup by a typo: the operator picks a new name or removes the old one.
            await Console.Error.WriteLineAsync($"{path} bestaat al. Kies een nieuwe naam.");
            return 2;
        }
        if (!backup && !await LooksLikeABackupAsync(path))
        {
            await Console.Error.WriteLineAsync($"{path} is geen back-up van Proeftuin (geen SQLite-database met migraties).");
            return 2;
        }
        var (from, to) = backup ? (live, path) : (path, live);
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        // A -wal file left beside a removed database would be replayed into the restored one: it belongs to neither.
        if (!backup && !File.Exists(live))
            foreach (var leftover in new[] { live + "-wal", live + "-shm" }) File.Delete(leftover);
        await using (var source = await OpenAsync(from, readOnly: true))
        await using (var target = await OpenAsync(to, readOnly: false))
        {
            source.BackupDatabase(target);
            if (!backup)
            {
                await using var checkpoint = target.CreateCommand();
                checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                await checkpoint.ExecuteNonQueryAsync();
            }
        }
        Console.WriteLine(backup ? $"Back-up gemaakt: {path} ({new FileInfo(path).Length / 1024} kB)." : $"Teruggezet uit {path} in {live}.");
        return 0;
    }

    private static async Task<bool> LooksLikeABackupAsync(string path)
    {
        if (!File.Exists(path)) return false;
        try
        {
            await using var connection = await OpenAsync(path, readOnly: true);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM \"__EFMigrationsHistory\";";
            return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    /// <summary>A connection of its own to one file, outside the app's pool, so nothing keeps the file open afterwards.</summary>
    private static async Task<SqliteConnection> OpenAsync(string path, bool readOnly)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        await connection.OpenAsync();
        return connection;
    }

    private static int Usage(string command)
    {
        Console.Error.WriteLine($"Gebruik: {command} <bestand>");
        return 2;
    }
}
