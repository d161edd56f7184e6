using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Proeftuin.FaultTests.Infrastructure;

/// <summary>
/// A PostgreSQL server of the fault tests' own, on a free port in a throwaway folder: never the one the other suites use
/// (55432), because these tests stop and start it. Started by the collection fixture, stopped (and its folder removed)
/// when the last test is done, also when a test failed.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string bin;
    private readonly string dir;

    private PostgresServer(string bin, string dir, int port)
    {
        this.bin = bin;
        this.dir = dir;
        Port = port;
    }

    public int Port { get; }

    public string DataDirectory => Path.Combine(dir, "pg", "data");

    /// <summary>Connection string for a database (created by the app's migrations on its first start).</summary>
    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Timeout=5;Command Timeout=15";

    public static async Task<PostgresServer> StartAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderBy(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin")).LastOrDefault(d => File.Exists(Path.Combine(d, "pg_ctl")))
            : null;
        if (bin is null)
            throw new InvalidOperationException("The fault tests need a PostgreSQL server: apt-get install postgresql (test.sh does this).");
        // Folders the postgres user can traverse: /tmp and a 755 folder below it.
        var dir = Path.Combine(Path.GetTempPath(), "proeftuin-faults-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path.Combine(dir, "pg"));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(dir, (UnixFileMode)0b111_101_101);
            File.SetUnixFileMode(Path.Combine(dir, "pg"), (UnixFileMode)0b111_101_101);
        }
        if (Processes.IsRoot)
            await Processes.RunAsync("chown", ["postgres:postgres", Path.Combine(dir, "pg")], TimeSpan.FromSeconds(10));
        var server = new PostgresServer(bin, dir, Processes.FreePort());
        await Processes.RunAsPostgresAsync(Path.Combine(bin, "initdb"),
            ["-D", server.DataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"], TimeSpan.FromSeconds(90));
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Starts the stopped server again on the same port and data (waits until it accepts connections).</summary>
    public Task StartAgainAsync() =>
        Processes.RunAsPostgresAsync(Path.Combine(bin, "pg_ctl"),
            ["-D", DataDirectory, "-l", Path.Combine(dir, "pg", "log"),
             "-o", $"-p {Port} -k {Path.Combine(dir, "pg")} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300",
             "-w", "-t", "60", "start"], TimeSpan.FromSeconds(90));

    /// <summary>The README's backup of a PostgreSQL database: <c>pg_dump --format=custom</c> to a file.</summary>
    public Task DumpAsync(string database, string file) =>
        Processes.RunAsync(Path.Combine(bin, "pg_dump"), [.. ClientArguments, "--format=custom", "--file", file, database], TimeSpan.FromMinutes(2));

    /// <summary>The README's restore: an empty database of that name, then <c>pg_restore</c> into it, stopping at the first error.</summary>
    public async Task RestoreAsync(string database, string file)
    {
        await ExecuteAsync($"CREATE DATABASE \"{database}\"");
        await Processes.RunAsync(Path.Combine(bin, "pg_restore"), [.. ClientArguments, "--exit-on-error", "--no-owner", "--dbname", database, file],
            TimeSpan.FromMinutes(2));
    }

    /// <summary>Where the client tools find this server, as the superuser.</summary>
    private string[] ClientArguments => ["-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres"];

    /// <summary>Wipes a database: gone, with whatever was connected to it.</summary>
    public async Task DropAsync(string database)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE \"{database}\" WITH (FORCE)");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Stops the server as an operator would for a restart (fast: open sessions are ended).</summary>
    public Task StopAsync() =>
        Processes.RunAsPostgresAsync(Path.Combine(bin, "pg_ctl"), ["-D", DataDirectory, "-m", "fast", "-w", "-t", "30", "stop"], TimeSpan.FromSeconds(45));

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            try { await StopAsync(); }
            catch (Exception) when (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
            {
                try
                {
                    await Processes.RunAsPostgresAsync(Path.Combine(bin, "pg_ctl"), ["-D", DataDirectory, "-m", "immediate", "-w", "-t", "30", "stop"], TimeSpan.FromSeconds(45));
                }
                catch (Exception) { /* reported by the leftover folder; nothing else to do */ }
            }
        }
        try { Directory.Delete(dir, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}

/// <summary>A Redis server of one test's own on a free port, started as a child process so it can be stopped and started.</summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly Processes.Tail log = new(50);
    private Process? process;

    public int Port { get; } = Processes.FreePort();

    public string Configuration => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        var redis = new RedisServer();
        await redis.StartAgainAsync();
        return redis;
    }

    public async Task StartAgainAsync()
    {
        var info = new ProcessStartInfo("redis-server") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "--bind", "127.0.0.1", "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--save", "", "--appendonly", "no", "--daemonize", "no" })
            info.ArgumentList.Add(a);
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException("redis-server did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("The fault tests need redis-server: apt-get install redis-server (test.sh does this).", e);
        }
        process.OutputDataReceived += (_, e) => log.Add(e.Data);
        process.ErrorDataReceived += (_, e) => log.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!await Processes.WaitUntilAsync(() => Task.FromResult(Processes.Listening(Port)), TimeSpan.FromSeconds(15)))
            throw new InvalidOperationException($"redis-server did not listen on {Port} within 15 s:\n{log}");
    }

    /// <summary>Stops Redis at once (SIGKILL): the nodes lose it without a goodbye.</summary>
    public async Task StopAsync()
    {
        if (process is null) return;
        if (!process.HasExited) process.Kill();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await process.WaitForExitAsync(cts.Token);
        process.Dispose();
        process = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}

/// <summary>The services all fault tests share: one PostgreSQL of their own (each test uses its own database in it).</summary>
public sealed class FaultServices : IAsyncLifetime
{
    private PostgresServer? postgres;

    public PostgresServer Postgres => postgres ?? throw new InvalidOperationException("PostgreSQL has not started.");

    public async Task InitializeAsync() => postgres = await PostgresServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (postgres is not null) await postgres.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class FaultCollection : ICollectionFixture<FaultServices>
{
    public const string Name = "Fault tests (one at a time: they stop and start servers)";
}
