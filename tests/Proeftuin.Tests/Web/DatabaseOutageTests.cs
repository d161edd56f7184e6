using System.Data.Common;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Proeftuin.Data;
using Proeftuin.Web;

namespace Proeftuin.Tests.Web;

/// <summary>
/// The database going away is a passing outage: pages answer a Dutch (or English) 503 "probeer het zo nog eens" that
/// renders without asking the database anything, the API answers problem+json 503, and once the database is back the
/// same app serves again. The outage is the provider's own exception, thrown for every command while the switch is
/// off (PostgreSQL: the refused connection Npgsql reports; SQLite: database is locked). The real thing, PostgreSQL
/// restarted under an app process, is in tests/Proeftuin.FaultTests.
/// </summary>
public sealed class DatabaseOutageTests(DatabaseOutageTests.OutageFactory factory) : IClassFixture<DatabaseOutageTests.OutageFactory>
{
    private const string TryAgainDutch = "Probeer het zo nog eens.";
    private const string TryAgainEnglish = "Please try again in a moment.";

    [Theory]
    [InlineData("/")]
    [InlineData("/programmas/1")]
    [InlineData("/mijn")]
    public async Task A_page_is_a_Dutch_503_rendered_without_the_database_and_serves_again_afterwards(string url)
    {
        using var browser = await factory.SignInDemoAsync("inwoner");
        using (factory.Switch.Off())
        {
            using var response = await browser.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{url}: {(int)response.StatusCode} {body}");
            Assert.Contains("text/html", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
            Assert.Contains("Even niet bereikbaar", body, StringComparison.Ordinal);
            Assert.Contains(TryAgainDutch, body, StringComparison.Ordinal);
            // The signed-in layout (menu and all) rendered, though the database refused every command.
            Assert.Contains("href=\"/meldingen\"", body, StringComparison.Ordinal);
            Assert.True(factory.Switch.Refused > 0, "the page did try the database");
            Assert.Equal("5", Assert.Single(response.Headers.RetryAfter?.ToString() is { } r ? [r] : Array.Empty<string>()));
        }
        using var after = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Theory]
    [InlineData("nl", "Even niet bereikbaar", TryAgainDutch)]
    [InlineData("en", "Temporarily unavailable", TryAgainEnglish)]
    public async Task A_sign_in_due_for_its_check_still_gets_the_503_page_not_an_empty_500(string language, string heading, string tryAgain)
    {
        // Every minute a sign-in is checked against the database (its security stamp). During an outage that check
        // failed before the page did, again when the error page ran, and the person got an empty 500.
        using var browser = await factory.SignInDemoAsync("inwoner");
        browser.Cookies.Add(new Uri("http://localhost"), new Cookie(".AspNetCore.Culture", $"c={language}|uic={language}"));
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        using (factory.Switch.Off())
        {
            using var response = await browser.GetAsync("/mijn");
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode} {body}");
            Assert.Contains(heading, body, StringComparison.Ordinal);
            Assert.Contains(tryAgain, body, StringComparison.Ordinal);
            // Still signed in on the error page: the check is skipped while the database is away, not failed.
            Assert.Contains("href=\"/meldingen\"", body, StringComparison.Ordinal);
        }
        // Back: the check runs again and the person is still signed in.
        using var after = await browser.GetAsync("/mijn");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Contains("href=\"/meldingen\"", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_English_the_503_page_says_so_in_English()
    {
        using var browser = await factory.SignInDemoAsync("inwoner");
        browser.Cookies.Add(new Uri("http://localhost"), new Cookie(".AspNetCore.Culture", "c=en|uic=en"));
        using (factory.Switch.Off())
        {
            using var response = await browser.GetAsync("/mijn");
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Contains("Temporarily unavailable", body, StringComparison.Ordinal);
            Assert.Contains(TryAgainEnglish, body, StringComparison.Ordinal);
            Assert.DoesNotContain(TryAgainDutch, body, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/api/v1/projects", "nl", "Even niet bereikbaar", TryAgainDutch)]
    [InlineData("/api/v1/programmes/1", "en", "Temporarily unavailable", TryAgainEnglish)]
    public async Task The_api_answers_problem_json_503(string url, string language, string title, string detail)
    {
        using var browser = factory.NewBrowser();
        browser.Cookies.Add(new Uri("http://localhost"), new Cookie(".AspNetCore.Culture", $"c={language}|uic={language}"));
        using (factory.Switch.Off())
        {
            using var response = await browser.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{url}: {(int)response.StatusCode} {body}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(body);
            Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
            Assert.Equal(title, problem.RootElement.GetProperty("title").GetString());
            Assert.EndsWith(detail, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Equal("5", response.Headers.RetryAfter?.ToString());
        }
        using var after = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Other_database_errors_stay_a_500()
    {
        // A bug (here: a constraint the app did not check) is not an outage and must not hide behind "try again".
        Assert.False(DatabaseOutage.IsUnavailable(new DbUpdateException("x", new SqliteException("UNIQUE constraint failed", 19))));
        Assert.False(DatabaseOutage.IsUnavailable(new DbUpdateException("x", new PostgresException("duplicate key", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation))));
        Assert.False(DatabaseOutage.IsUnavailable(new InvalidOperationException("Sequence contains no elements")));
        Assert.Equal(500, DatabaseOutage.StatusFor(new NullReferenceException()));
        using var browser = factory.NewBrowser();
        using var response = await browser.GetAsync("/bestaat-niet");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void Outages_are_recognised_also_when_EF_wraps_them()
    {
        var refused = new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused));
        Assert.True(DatabaseOutage.IsUnavailable(refused));
        // What the Npgsql execution strategy throws for a transient failure, and what SaveChanges throws.
        Assert.True(DatabaseOutage.IsUnavailable(new InvalidOperationException("An exception has been raised that is likely due to a transient failure.", refused)));
        Assert.True(DatabaseOutage.IsUnavailable(new DbUpdateException("An error occurred while saving the entity changes.", refused)));
        Assert.True(DatabaseOutage.IsUnavailable(new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", PostgresErrorCodes.AdminShutdown)));
        Assert.True(DatabaseOutage.IsUnavailable(new PostgresException("the database system is starting up", "FATAL", "FATAL", PostgresErrorCodes.CannotConnectNow)));
        Assert.True(DatabaseOutage.IsUnavailable(new DbUpdateException("x", new SqliteException("database is locked", 5))));
        Assert.True(DatabaseOutage.IsUnavailable(new SqliteException("database table is locked", 6 | (1 << 8))));
        Assert.True(DatabaseOutage.IsUnavailable(new AggregateException(new InvalidOperationException("x"), refused)));
    }

    /// <summary>The app with a switch in front of its database; dispose what <see cref="DatabaseSwitch.Off"/> returns to switch it on.</summary>
    public sealed class OutageFactory : ProeftuinFactory
    {
        public DatabaseSwitch Switch { get; } = new(IsPostgres);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                if (IsPostgres) services.ConfigureDbContext<PostgresAppDbContext>(o => o.AddInterceptors(Switch));
                else services.ConfigureDbContext<SqliteAppDbContext>(o => o.AddInterceptors(Switch));
            });
        }
    }

    /// <summary>While off, every command fails as the provider fails when its server is gone or its file stays locked.</summary>
    public sealed class DatabaseSwitch(bool postgres) : DbCommandInterceptor
    {
        private int off;
        private int refused;

        public int Refused => Volatile.Read(ref refused);

        public IDisposable Off()
        {
            Interlocked.Exchange(ref refused, 0);
            Volatile.Write(ref off, 1);
            return new On(this);
        }

        private sealed class On(DatabaseSwitch s) : IDisposable
        {
            public void Dispose() => Volatile.Write(ref s.off, 0);
        }

        private void Check()
        {
            if (Volatile.Read(ref off) == 0) return;
            Interlocked.Increment(ref refused);
            throw postgres
                ? new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused))
                : new SqliteException("SQLite Error 5: 'database is locked'.", 5);
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        { Check(); return result; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        { Check(); return ValueTask.FromResult(result); }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        { Check(); return result; }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        { Check(); return ValueTask.FromResult(result); }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        { Check(); return result; }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        { Check(); return ValueTask.FromResult(result); }
    }
}

/// <summary>
/// A real SQLite lock: another connection holds the write lock longer than the app's busy timeout (one second here).
/// The story is refused with problem+json 503, nothing of it is saved, and the same request succeeds once the lock
/// is gone. Always on SQLite (its own file), in the PostgreSQL run too: the lock is SQLite's own failure.
/// </summary>
public sealed class SqliteBusyTests
{
    [Fact]
    public async Task A_write_that_waits_past_the_busy_timeout_is_a_503_and_nothing_is_half_saved()
    {
        await using var factory = new ProeftuinFactory();
        var file = Path.Combine(factory.DataDirectory, "busy.db");
        factory.WithSetting("Database:Provider", "sqlite")
            .WithSetting("ConnectionStrings:Proeftuin", $"Data Source={file};Default Timeout=1");
        var team = await factory.Data.TeamProjectAsync();
        using var member = await factory.SignInAsync(team.Member.Email!);
        var before = await factory.WithDbAsync(db => db.Stories.CountAsync());

        var story = JsonSerializer.Serialize(new { title = "Tijdens het slot", text = "Bewaard of netjes geweigerd.", scope = "Team", mayQuote = false });
        using (var holder = new SqliteConnection($"Data Source={file};Pooling=false"))
        {
            holder.Open();
            using (var begin = holder.CreateCommand())
            {
                begin.CommandText = "BEGIN IMMEDIATE";
                begin.ExecuteNonQuery();
            }
            using var refused = await member.Client.PostAsync(new Uri($"/api/v1/projects/{team.Id}/stories", UriKind.Relative),
                new StringContent(story, Encoding.UTF8, "application/json"));
            var body = await refused.Content.ReadAsStringAsync();
            Assert.True(refused.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)refused.StatusCode} {body}");
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Contains("Probeer het zo nog eens.", body, StringComparison.Ordinal);
            using var rollback = holder.CreateCommand();
            rollback.CommandText = "ROLLBACK";
            rollback.ExecuteNonQuery();
        }
        Assert.Equal(before, await factory.WithDbAsync(db => db.Stories.CountAsync()));

        using var saved = await member.Client.PostAsync(new Uri($"/api/v1/projects/{team.Id}/stories", UriKind.Relative),
            new StringContent(story, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        Assert.Equal(before + 1, await factory.WithDbAsync(db => db.Stories.CountAsync()));
    }
}
