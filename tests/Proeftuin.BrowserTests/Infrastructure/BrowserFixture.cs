using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Playwright;
using Proeftuin.Data;

namespace Proeftuin.BrowserTests.Infrastructure;

/// <summary>
/// One running app and one headless Debian Chromium, shared by the tests of a collection.
/// The browser is never downloaded: PROEFTUIN_CHROMIUM (default /usr/lib/chromium/chromium).
/// </summary>
public sealed partial class BrowserFixture : IAsyncLifetime
{
    public const string DemoPassword = "proeftuin-demo";
    public const string Facilitator = "procesbegeleider@proeftuin.demo";
    public const string Resident = "inwoner@proeftuin.demo";
    public const string Admin = "beheerder@proeftuin.demo";
    public const string Observer = "beleid@proeftuin.demo";
    public const string Researcher = "onderzoeker@proeftuin.demo";

    // The network is closed: without these Chromium keeps trying to reach outside hosts.
    private static readonly string[] ChromiumArgs =
    [
        "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> signedInStates = new();
    private IPlaywright? playwright;

    public ProeftuinServer Server { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl => Server.BaseUrl;
    public Mailbox Mailbox => Server.Mailbox;

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var chromium = Environment.GetEnvironmentVariable("PROEFTUIN_CHROMIUM") is { Length: > 0 } configured
            ? configured
            : "/usr/lib/chromium/chromium";
        if (!File.Exists(chromium))
            throw new InvalidOperationException($"Chromium not found at {chromium}. Install it with `apt-get install -y chromium` or set PROEFTUIN_CHROMIUM.");
        Server = new ProeftuinServer();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        playwright?.Dispose();
        if (Server is not null) await Server.DisposeAsync();
    }

    /// <summary>The app's own English text for a Dutch UI string (the resx the app uses), or the Dutch key when it has none.</summary>
    public string English(string dutch)
    {
        var localizer = Server.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            return localizer[dutch].Value;
        }
        finally { CultureInfo.CurrentUICulture = before; }
    }

    /// <summary>
    /// Replaces placeholders in a path with demo ids from the database, so tests do not guess ids:
    /// {item:Title} (the first item with that title; {item:} is the untitled story), {step:Name} (a journey step),
    /// {session:Title} (a live session), {comment:Start of its text} (a reactie), {link} (the first link).
    /// </summary>
    public string DemoPath(string path) => DemoPlaceholder().Replace(path, m =>
    {
        using var scope = Server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var value = m.Groups[2].Value;
        // An account by e-mail address (its id is a string).
        if (m.Groups[1].Value == "user")
            return db.Users.Where(u => u.Email == value).Select(u => u.Id).FirstOrDefault()
                ?? throw new InvalidOperationException($"No demo account for {m.Value}.");
        int? id = m.Groups[1].Value switch
        {
            "item" => db.Items.Where(i => i.Title == value).OrderBy(i => i.Id).Select(i => (int?)i.Id).FirstOrDefault(),
            "step" => db.JourneySteps.Where(s => s.Name == value).OrderBy(s => s.Id).Select(s => (int?)s.Id).FirstOrDefault(),
            "session" => db.Sessions.Where(s => s.Title == value).OrderBy(s => s.Id).Select(s => (int?)s.Id).FirstOrDefault(),
            "comment" => db.Comments.Where(c => c.Text.StartsWith(value)).OrderBy(c => c.Id).Select(c => (int?)c.Id).FirstOrDefault(),
            _ => db.Links.OrderBy(l => l.Id).Select(l => (int?)l.Id).FirstOrDefault(),
        };
        return id?.ToString(CultureInfo.InvariantCulture) ?? throw new InvalidOperationException($"No demo data for {m.Value}.");
    });

    [GeneratedRegex(@"\{(item|step|session|comment|link|user):?([^}]*)\}")]
    private static partial Regex DemoPlaceholder();

    /// <summary>A fresh browser context (own cookies) with one page, at the given viewport width.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, bool javaScript = true, string? storageState = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            JavaScriptEnabled = javaScript,
            StorageState = storageState,
            Locale = "nl-NL",
        });
        context.SetDefaultTimeout(10_000);
        var page = await context.NewPageAsync();
        PageProblems.Watch(page);
        return page;
    }

    /// <summary>A page already signed in as a demo user (password sign-in done once, cookies reused).</summary>
    public async Task<IPage> NewSignedInPageAsync(string email, int width = 1280, bool javaScript = true)
    {
        var state = await signedInStates.GetOrAdd(email, e => new Lazy<Task<string>>(() => SignInOnceAsync(e))).Value;
        return await NewPageAsync(width, javaScript, state);
    }

    private async Task<string> SignInOnceAsync(string email)
    {
        var page = await NewPageAsync();
        await SignInWithPasswordAsync(page, email);
        var state = await page.Context.StorageStateAsync();
        await page.Context.CloseAsync();
        return state;
    }

    /// <summary>Signs in on the sign-in page with e-mail address and password, as a person would.</summary>
    public static async Task SignInWithPasswordAsync(IPage page, string email, string password = DemoPassword, string? returnUrl = null)
    {
        await page.GotoAsync(returnUrl is null ? "/inloggen" : "/inloggen?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        var form = page.Locator("form").Filter(new LocatorFilterOptions { Has = page.GetByLabel("Wachtwoord") });
        await form.GetByLabel("E-mailadres", new LocatorGetByLabelOptions { Exact = true }).FillAsync(email);
        await form.GetByLabel("Wachtwoord").FillAsync(password);
        await form.GetByLabel("Wachtwoord").PressAsync("Enter");
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Uitloggen" })).ToBeVisibleAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
