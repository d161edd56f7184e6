using System.Diagnostics;
using Proeftuin.Data;

namespace Proeftuin.FaultTests.Infrastructure;

/// <summary>Where an app process keeps its data: a SQLite file, or a database in the fault tests' PostgreSQL.</summary>
public sealed class Database : IDisposable
{
    private Database(string provider, string connectionString, string directory)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Directory = directory;
    }

    public string Provider { get; }
    /// <summary>The PostgreSQL database's name (its own per test); the SQLite file's name otherwise.</summary>
    public string Name => IsPostgres ? new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString).Database! : "proeftuin.db";
    public string ConnectionString { get; }
    /// <summary>The app's data folder (App:DataDirectory): mail pickup, and the SQLite file.</summary>
    public string Directory { get; }

    public bool IsPostgres => Provider == DataSetup.PostgresProvider;

    public static Database Sqlite()
    {
        var dir = NewFolder();
        return new Database("sqlite", $"Data Source={Path.Combine(dir, "proeftuin.db")}", dir);
    }

    public static Database Postgres(PostgresServer server) =>
        new(DataSetup.PostgresProvider, server.ConnectionString("fault_" + Guid.NewGuid().ToString("N")[..16]), NewFolder());

    private static string NewFolder()
    {
        var dir = Path.Combine(Path.GetTempPath(), "proeftuin-faults", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>The app's own DbContext on this database, for seeding a scenario and checking what was stored.</summary>
    public AppDbContext Open() => IsPostgres
        ? new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(ConnectionString + ";Pooling=false").Options)
        : new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(ConnectionString + ";Pooling=false").Options);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}

/// <summary>
/// The app as operators run it: the build output (<c>dotnet Proeftuin.dll</c>) in a process of its own, Kestrel on a
/// free 127.0.0.1 port, settings from environment variables. <see cref="KillAsync"/> is a real kill -9 (SIGKILL): no
/// shutdown code runs. Restarting keeps the port, so clients (and their cookies) carry on.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Dictionary<string, string> environment;
    private readonly Processes.Tail log = new();
    private Process? process;

    public AppProcess(Database database, string? redis = null, string? channelPrefix = null)
    {
        Port = Processes.FreePort();
        BaseUri = new Uri($"http://127.0.0.1:{Port}/");
        environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = BaseUri.ToString().TrimEnd('/'),
            // Not Development (that shows stack traces) and not Production (no demo data there): what tests see.
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["App__DataDirectory"] = database.Directory,
            ["App__PublicUrl"] = BaseUri.ToString().TrimEnd('/'),
            ["Database__Provider"] = database.Provider,
            ["ConnectionStrings__Proeftuin"] = database.ConnectionString,
            ["Demo__Seed"] = "true",
            ["Retention__Enabled"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__Console__FormatterName"] = "simple",
            // Every simulated person comes from 127.0.0.1, so the per-address limits would throttle the crowd as if it
            // were one person; real people come from many addresses. The limits themselves have tests of their own.
            ["RateLimits__SignInPerMinute"] = "100000",
            ["RateLimits__MailPerQuarter"] = "100000",
            ["RateLimits__ApiPerMinute"] = "10000000",
            ["RateLimits__SharePerQuarter"] = "100000",
            ["RateLimits__JoinPerMinute"] = "100000",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        };
        if (redis is not null)
        {
            environment["Redis__Configuration"] = redis;
            environment["Redis__ChannelPrefix"] = channelPrefix ?? "proeftuin-faults";
        }
    }

    public int Port { get; }
    public Uri BaseUri { get; }
    public bool Running => process is { HasExited: false };
    /// <summary>The last lines the app printed (warnings and errors), for failure messages.</summary>
    public string Log => log.ToString();

    /// <summary>src/Proeftuin/bin/&lt;Configuration&gt;/net10.0/Proeftuin.dll, built with the same configuration as these tests.</summary>
    public static string AppPath
    {
        get
        {
            if (Environment.GetEnvironmentVariable("PROEFTUIN_FAULT_APP") is { Length: > 0 } given) return given;
            var here = new DirectoryInfo(AppContext.BaseDirectory);
            var configuration = here.Parent?.Name ?? "Release";       // bin/<Configuration>/net10.0/
            var root = here;
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "Proeftuin.slnx"))) root = root.Parent;
            if (root is null) throw new InvalidOperationException("Proeftuin.slnx not found above " + AppContext.BaseDirectory);
            return Path.Combine(root.FullName, "src", "Proeftuin", "bin", configuration, "net10.0", "Proeftuin.dll");
        }
    }

    /// <summary>Starts the app (migrating and seeding an empty database) and waits until /health answers 200.</summary>
    public async Task StartAsync(TimeSpan? timeout = null)
    {
        if (Running) throw new InvalidOperationException("The app is already running.");
        var app = AppPath;
        if (!File.Exists(app)) throw new InvalidOperationException($"{app} does not exist: build the app first (dotnet build -c Release).");
        var info = StartInfo(app);
        log.Add($"--- start {DateTime.UtcNow:HH:mm:ss.fff}");
        var started = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        process = started;
        started.OutputDataReceived += (_, e) => log.Add(e.Data);
        started.ErrorDataReceived += (_, e) => log.Add(e.Data);
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();

        using var probe = new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(5) };
        var limit = timeout ?? TimeSpan.FromSeconds(120);
        var ready = await Processes.WaitUntilAsync(async () =>
        {
            if (started.HasExited) return true;
            try
            {
                using var health = await probe.GetAsync(new Uri("/health", UriKind.Relative));
                return health.StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException) { return false; }
            catch (TaskCanceledException) { return false; }
        }, limit);
        if (started.HasExited)
            throw new InvalidOperationException($"The app exited with {started.ExitCode} while starting:\n{Log}");
        if (!ready)
            throw new TimeoutException($"The app did not answer /health with 200 within {limit.TotalSeconds:0} s:\n{Log}");
    }

    /// <summary>Sets one more setting (an environment variable) for the next start or command.</summary>
    public AppProcess With(string key, string value)
    {
        environment[key] = value;
        return this;
    }

    /// <summary>
    /// Runs one of the app's commands (<c>dotnet Proeftuin.dll migrate</c>, <c>backup FILE</c>, …) with the same settings
    /// as the app, to its end (at most two minutes), and returns its exit code and everything it printed.
    /// </summary>
    public async Task<(int ExitCode, string Output)> RunCommandAsync(params string[] args)
    {
        using var command = Process.Start(StartInfo(AppPath, args)) ?? throw new InvalidOperationException("dotnet did not start.");
        var stdout = command.StandardOutput.ReadToEndAsync();
        var stderr = command.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await command.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            command.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{string.Join(' ', args)}' did not finish within two minutes.");
        }
        return (command.ExitCode, await stdout + await stderr);
    }

    /// <summary><c>dotnet Proeftuin.dll [args]</c> with this app's settings, its output captured.</summary>
    private ProcessStartInfo StartInfo(string app, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(app)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(app);
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var (k, v) in environment) info.Environment[k] = v;
        return info;
    }

    /// <summary>kill -9: SIGKILL, no shutdown, nothing flushed by the app.</summary>
    public async Task KillAsync()
    {
        if (process is null) return;
        if (!process.HasExited) process.Kill(entireProcessTree: false);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await process.WaitForExitAsync(cts.Token);
        log.Add($"--- killed {DateTime.UtcNow:HH:mm:ss.fff}");
        process.Dispose();
        process = null;
    }

    public async ValueTask DisposeAsync() => await KillAsync();
}
