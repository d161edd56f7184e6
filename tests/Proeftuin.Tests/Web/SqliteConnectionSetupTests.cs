using Microsoft.Extensions.DependencyInjection;
using Proeftuin.Data;

namespace Proeftuin.Tests.Web;

/// <summary>
/// Every pooled SQLite connection gets its settings, also when the pool opens a second one at the same time and when a
/// connection is opened again (Data/Checkpoint.cs, SqliteConnectionSetup): erased text is zeroed, and a write that meets
/// another one waits inside SQLite instead of sleeping 150 ms (ADR 0030). PostgreSQL has neither setting.
/// </summary>
public sealed class SqliteConnectionSetupTests(ProeftuinFactory factory) : IClassFixture<ProeftuinFactory>
{
    [Fact]
    public async Task Every_connection_zeroes_erased_text_and_waits_inside_sqlite_when_busy()
    {
        if (ProeftuinFactory.IsPostgres)
        {
            Assert.True(await factory.WithDbAsync(db => Task.FromResult(db.Database.IsNpgsql())));
            return;
        }
        // Two contexts open at once hold two physical connections; each is asked twice (the second open is the pool's).
        await using var scopeA = factory.Services.CreateAsyncScope();
        await using var scopeB = factory.Services.CreateAsyncScope();
        var a = scopeA.ServiceProvider.GetRequiredService<AppDbContext>();
        var b = scopeB.ServiceProvider.GetRequiredService<AppDbContext>();
        await a.Database.OpenConnectionAsync();
        await b.Database.OpenConnectionAsync();
        try
        {
            foreach (var db in new[] { a, b })
            {
                Assert.Equal(1L, await PragmaAsync(db, "secure_delete"));
                // As long as the connection string's Default Timeout allows (30 s unless set).
                Assert.Equal(30_000L, await PragmaAsync(db, "busy_timeout"));
            }
        }
        finally
        {
            await a.Database.CloseConnectionAsync();
            await b.Database.CloseConnectionAsync();
        }
        Assert.Equal(30_000L, await PragmaAsync(a, "busy_timeout"));
    }

    private static async Task<long> PragmaAsync(AppDbContext db, string name)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA {name};";
            return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            if (opened) await db.Database.CloseConnectionAsync();
        }
    }
}
