using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Proeftuin.BrowserTests.Infrastructure;

/// <summary>
/// The whole app on real Kestrel (loopback, a free port), so a real browser can reach it.
/// Its own data folder per run: a SQLite file with the demo data and the e-mail pickup folder.
/// </summary>
public sealed class ProeftuinServer : WebApplicationFactory<Program>
{
    public ProeftuinServer()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "proeftuin-browser", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reports no address.");
        BaseUrl = addresses.First().TrimEnd('/');
    }

    public string DataDirectory { get; }

    /// <summary>For example http://127.0.0.1:41234 (no trailing slash).</summary>
    public string BaseUrl { get; }

    public Mailbox Mailbox => new(Path.Combine(DataDirectory, "mail"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // UseSetting, not ConfigureAppConfiguration: Program.cs reads these before Build().
        var settings = new Dictionary<string, string>
        {
            ["App:DataDirectory"] = DataDirectory,
            ["Database:Provider"] = "sqlite",
            ["Demo:Seed"] = "true",
            ["RateLimits:SignInPerMinute"] = "10000",
            ["RateLimits:MailPerQuarter"] = "10000",
            ["RateLimits:ApiPerMinute"] = "100000",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
            // The demo digest waits on /volgen for the pages to show; the job would send it five minutes into the run.
            ["Follows:Digests:Enabled"] = "false",
        };
        foreach (var (key, value) in settings)
            builder.UseSetting(key, value);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDirectory, recursive: true); }
        catch (IOException) { /* a file still open: the OS cleans the temp folder */ }
        catch (UnauthorizedAccessException) { }
        GC.SuppressFinalize(this);
    }

    internal static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
