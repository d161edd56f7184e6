using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Proeftuin.Data;

namespace Proeftuin.Tests.Infrastructure;

/// <summary>
/// The whole app in memory, on its own database: a SQLite file in a temp folder, or (with
/// PROEFTUIN_TEST_DB=postgres) a throwaway PostgreSQL database that is dropped on dispose.
/// Demo data is seeded; rate limits are generous unless a test class asks for low ones.
/// </summary>
public class ProeftuinFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;
    private readonly string? postgresDatabase;
    private readonly string? postgresAdminConnection;

    public ProeftuinFactory() : this(signInPerMinute: 10_000, mailPerQuarter: 10_000, apiPerMinute: 100_000) { }

    protected ProeftuinFactory(int signInPerMinute, int mailPerQuarter, int apiPerMinute)
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "proeftuin-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        settings = new Dictionary<string, string?>
        {
            ["App:DataDirectory"] = DataDirectory,
            ["Demo:Seed"] = "true",
            ["RateLimits:SignInPerMinute"] = signInPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RateLimits:MailPerQuarter"] = mailPerQuarter.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RateLimits:ApiPerMinute"] = apiPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
            // The retention job would run whenever a test advances the clock; its tests switch it on themselves.
            ["Retention:Enabled"] = "false",
            // Activities (issue 14): the reminder job likewise; its tests run one pass themselves.
            ["Activities:Reminders:Enabled"] = "false",
            ["Follows:Digests:Enabled"] = "false",
        };
        if (IsPostgres)
        {
            var baseConnection = Environment.GetEnvironmentVariable("PROEFTUIN_TEST_PG")
                ?? throw new InvalidOperationException("PROEFTUIN_TEST_DB=postgres needs PROEFTUIN_TEST_PG (e.g. Host=127.0.0.1;Port=55432;Username=postgres).");
            postgresDatabase = "proeftuin_t_" + Guid.NewGuid().ToString("N");
            postgresAdminConnection = baseConnection.TrimEnd(';') + ";Database=postgres;Pooling=false";
            settings["Database:Provider"] = "postgres";
            settings["ConnectionStrings:Proeftuin"] = baseConnection.TrimEnd(';') + ";Database=" + postgresDatabase;
        }
        else
        {
            settings["Database:Provider"] = "sqlite";
        }
    }

    /// <summary>"Testing" unless a test needs to see Development or Production behaviour.</summary>
    public string EnvironmentName { get; init; } = "Testing";

    /// <summary>The app's settings, e.g. to start the app's command line against the same database.</summary>
    public IReadOnlyDictionary<string, string?> Settings => settings;

    /// <summary>One more setting; call before the first request.</summary>
    public ProeftuinFactory WithSetting(string key, string? value)
    {
        settings[key] = value;
        return this;
    }

    public static bool IsPostgres =>
        string.Equals(Environment.GetEnvironmentVariable("PROEFTUIN_TEST_DB"), "postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>The app's clock: advance it to expire links and invitations.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public string DataDirectory { get; }

    public string MailDirectory => Path.Combine(DataDirectory, "mail");

    public Mailbox Mailbox => new(MailDirectory);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        // UseSetting, not ConfigureAppConfiguration: Program.cs reads these before Build().
        foreach (var (key, value) in settings)
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>A browser-like client: cookies kept (and readable, for a hub connection of the same person), redirects not followed.</summary>
    public Browser NewBrowser()
    {
        var cookies = new System.Net.CookieContainer();
        return new Browser(this, CreateDefaultClient(new Uri("http://localhost"), new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(cookies)), cookies);
    }

    /// <summary>Signs in a fresh browser with e-mail and password.</summary>
    public async Task<Browser> SignInAsync(string email, string password = TestData.Password)
    {
        var browser = NewBrowser();
        await browser.SignInAsync(email, password);
        return browser;
    }

    public Task<Browser> SignInDemoAsync(string who) => SignInAsync($"{who}@proeftuin.demo", DemoData.Password);

    /// <summary>Runs work against the app's database in its own scope.</summary>
    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await work(db);
    }

    public async Task WithScopeAsync(Func<IServiceProvider, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider);
    }

    public TestData Data => new(this);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        Cleanup();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Cleanup();
    }

    private bool cleaned;

    private void Cleanup()
    {
        if (cleaned) return;
        cleaned = true;
        if (postgresDatabase is not null && postgresAdminConnection is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(postgresAdminConnection);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS \"{postgresDatabase}\" WITH (FORCE)";
            command.ExecuteNonQuery();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDirectory, recursive: true); }
        catch (IOException) { /* a file still open: the temp folder is cleaned by the OS */ }
        catch (UnauthorizedAccessException) { }
    }
}

/// <summary>Low limits, for the rate-limit tests only.</summary>
public sealed class LowRateLimitFactory : ProeftuinFactory
{
    public const int MailLimit = 3;
    public const int SignInLimit = 4;

    public LowRateLimitFactory() : base(signInPerMinute: SignInLimit, mailPerQuarter: MailLimit, apiPerMinute: 5) { }
}
