using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Proeftuin.Data;

public static class DataSetup
{
    public const string PostgresProvider = "postgres";
    public const int DefaultRetryCount = 6;
    public const double DefaultRetryMaxDelaySeconds = 2;

    // The server going down or coming up (admin shutdown, crash shutdown, cannot connect now): always worth another try.
    private static readonly string[] ShutdownCodes = ["57P01", "57P02", "57P03"];

    /// <summary>SQLite file by default; PostgreSQL with Database:Provider=postgres and ConnectionStrings:Proeftuin.</summary>
    public static WebApplicationBuilder AddData(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var provider = config["Database:Provider"] ?? "sqlite";
        if (string.Equals(provider, PostgresProvider, StringComparison.OrdinalIgnoreCase))
        {
            var cs = config.GetConnectionString("Proeftuin")
                ?? throw new InvalidOperationException("Database:Provider is postgres, but ConnectionStrings:Proeftuin is not set.");
            // A restart of a few seconds is ridden out (ADR 0042): a query, a save or a whole transaction (Data/Transactions.cs)
            // that fails with a passing error is tried again, 6 times with waits of 0, 1, 2, 2, 2 and 2 s: about 9 s in all.
            // Longer would only keep a person waiting for an answer that becomes a 503 anyway.
            var retries = config.GetValue("Database:RetryCount", DefaultRetryCount);
            var maxDelay = TimeSpan.FromSeconds(config.GetValue("Database:RetryMaxDelaySeconds", DefaultRetryMaxDelaySeconds));
            // Interceptors the web layer registers (the page cache's eviction, Web/PageCache.cs) see every save.
            builder.Services.AddDbContextPool<AppDbContext, PostgresAppDbContext>((sp, o) => o
                .UseNpgsql(cs, npgsql => npgsql.EnableRetryOnFailure(retries, maxDelay, ShutdownCodes))
                .AddInterceptors(sp.GetServices<IInterceptor>()));
        }
        else
        {
            var cs = config.GetConnectionString("Proeftuin") ?? $"Data Source={Path.Combine(AppData.Directory(builder), "proeftuin.db")}";
            // secure_delete and busy_timeout on every connection (Data/Checkpoint.cs, ADR 0020 and 0030). No retrying strategy:
            // a local file has no outage to ride out, and the busy timeout already waits for another writer.
            builder.Services.AddDbContextPool<AppDbContext, SqliteAppDbContext>((sp, o) => o.UseSqlite(cs).AddInterceptors(new SqliteConnectionSetup()).AddInterceptors(sp.GetServices<IInterceptor>()));
        }
        return builder;
    }

    /// <summary>
    /// Applies the provider's pending migrations (at start, so a fresh clone runs without a set-up step, or by the
    /// <c>migrate</c> command) and returns their names; none when the database is up to date.
    /// </summary>
    public static async Task<IReadOnlyList<string>> MigrateDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // Asking first is cheap (the history table and the migration list). MigrateAsync itself also compares the
        // model with the last snapshot, which costs a second of cold start on every restart; ./test.sh checks that.
        // While it migrates, EF Core holds a database-wide lock: a second run at the same moment waits, then has nothing to do.
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        if (pending.Count > 0) await db.Database.MigrateAsync();
        return pending;
    }
}

/// <summary>The folder for the SQLite file, e-mail pickup and other local data; always an absolute path.</summary>
public static class AppData
{
    public static string Directory(WebApplicationBuilder builder) => Directory(builder.Configuration, builder.Environment.ContentRootPath);

    public static string Directory(IConfiguration config, string contentRoot)
    {
        var dir = Path.GetFullPath(config["App:DataDirectory"] ?? "App_Data", contentRoot);
        System.IO.Directory.CreateDirectory(dir);
        return dir;
    }
}

// Design-time factories let `dotnet ef` build each provider's model without starting the app.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
