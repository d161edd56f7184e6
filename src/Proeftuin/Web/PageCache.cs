using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Primitives;

namespace Proeftuin.Web;

/// <summary>
/// Public pages (home, programme, project, news item, story list, the glossary and privacy pages) are rendered once and
/// then served from the output cache to everyone signed out, until content changes (ADR 0022). Rules:
/// <list type="bullet">
/// <item>Only a GET or HEAD whose request carries no cookie but the language and antiforgery ones (so no sign-in cookie,
/// no guest cookie of a live session, no flash message) and no story key (<c>?sleutel=</c> / <c>?key=</c>). Anyone else
/// is served fresh, never from the cache, and their page is never stored.</item>
/// <item>A page is stored only when it answered 200, set no cookie and did not ask not to be kept (<c>no-store</c>,
/// <c>private</c>: an antiforgery token does that), and only when nobody turned out to be signed in.</item>
/// <item>Kept apart by path, every query value, language, <c>HX-Request</c>, <c>Accept-Encoding</c> (the cache keeps the
/// compressed body) and the build, so a new release never serves an old page from a shared Redis.</item>
/// <item>Evicted after every committed change to data a public page can show (<see cref="PageCacheEviction"/>).</item>
/// </list>
/// Pages opt in with <c>[OutputCache(PolicyName = PageCache.Policy)]</c>. <c>PageCache:Enabled=false</c> switches it off.
/// </summary>
public static class PageCache
{
    public const string Policy = "public-pages";
    /// <summary>
    /// The same rules for an API answer that tells browsers and proxies to keep no copy (<c>no-store</c>, as the stories
    /// API does): this server still keeps it, under the same eviction, because it holds only what anyone signed out
    /// may read anyway and is gone at the next change.
    /// </summary>
    public const string NoStoreApiPolicy = "public-api-no-store";
    /// <summary>Every cached page carries this tag; a change to shown data evicts it.</summary>
    public const string Tag = "public-pages";
    /// <summary>How long a page may be kept at most, whatever happens (a safety net: eviction is what keeps it fresh).</summary>
    public static readonly TimeSpan Expiration = TimeSpan.FromMinutes(5);

    public static bool Enabled(IConfiguration config) => config.GetValue("PageCache:Enabled", true);

    public static WebApplicationBuilder AddPageCache(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOutputCache(o =>
        {
            o.AddPolicy(Policy, new AnonymousPagePolicy(Enabled(builder.Configuration), keepNoStore: false));
            o.AddPolicy(NoStoreApiPolicy, new AnonymousPagePolicy(Enabled(builder.Configuration), keepNoStore: true));
            o.DefaultExpirationTimeSpan = Expiration;
            // Pages of 100 kB and more are not worth keeping; ours are 5-40 kB.
            o.MaximumBodySize = 256 * 1024;
        });
        // With Redis every node reads and evicts the same entries: a change on one node is seen on all.
        // While Redis is gone each node serves fresh pages and keeps none (GuardedPageStore, ADR 0044).
        services.TryAddSingleton<SharedRedis>();
        var redis = builder.Configuration["Redis:Configuration"];
        if (!string.IsNullOrWhiteSpace(redis))
        {
            var prefix = builder.Configuration["Redis:ChannelPrefix"];
            services.AddStackExchangeRedisOutputCache(o =>
            {
                o.InstanceName = (string.IsNullOrWhiteSpace(prefix) ? "proeftuin" : prefix) + ":pages:";
            });
            // One connection per node, with short timeouts, shared with the live sessions (SharedRedis).
            services.AddOptions<Microsoft.AspNetCore.OutputCaching.StackExchangeRedis.RedisOutputCacheOptions>()
                .Configure<SharedRedis>((o, shared) => o.ConnectionMultiplexerFactory = shared.ConnectionAsync);
            var store = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
            services.Remove(store);
            services.AddSingleton<IOutputCacheStore>(sp => new GuardedPageStore(
                (IOutputCacheStore)(store.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, store.ImplementationType!)),
                sp.GetRequiredService<SharedRedis>(), sp.GetRequiredService<ILogger<GuardedPageStore>>()));
        }
        services.AddSingleton<PageCacheEviction>();
        // Counts every reader shares (the knowledge balance), kept and evicted with the pages (ADR 0026).
        services.AddScoped<SharedCounts>();
        // Data/DataSetup.cs hands every registered interceptor to the DbContext.
        services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<PageCacheEviction>());
        return builder;
    }

    /// <summary>The build's identity: part of every key, so pages of an older release are never served.</summary>
    internal static readonly string Build = typeof(PageCache).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    private const string CookieName = ".AspNetCore.Culture";
    private const string AntiforgeryCookiePrefix = ".AspNetCore.Antiforgery.";

    /// <summary>True when the request may be answered from (and stored in) the shared cache of public pages.</summary>
    public static bool IsAnonymousRequest(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
            return false;
        if (!StringValues.IsNullOrEmpty(request.Headers.Authorization))
            return false;
        if (request.Query.ContainsKey(Caller.StoryKeyPageParameter) || request.Query.ContainsKey(Caller.StoryKeyApiParameter))
            return false;
        // An allow-list: any other cookie (sign-in, a session guest's key, a flash message, one we do not know) means a
        // page made for this person.
        foreach (var name in request.Cookies.Keys)
        {
            if (name != CookieName && !name.StartsWith(AntiforgeryCookiePrefix, StringComparison.Ordinal))
                return false;
        }
        return true;
    }

    private sealed class AnonymousPagePolicy(bool enabled, bool keepNoStore) : IOutputCachePolicy
    {
        private static readonly object GenerationKey = new();

        ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
        {
            var http = context.HttpContext;
            var cacheable = enabled && IsAnonymousRequest(http.Request);
            context.EnableOutputCaching = true;
            context.AllowCacheLookup = cacheable;
            context.AllowCacheStorage = cacheable;
            context.AllowLocking = true;
            context.ResponseExpirationTimeSpan = Expiration;
            context.Tags.Add(Tag);
            context.CacheVaryByRules.QueryKeys = "*";
            context.CacheVaryByRules.HeaderNames = new StringValues(["HX-Request", "Accept-Encoding"]);
            // The language as the app resolved it (UseRequestLocalization runs first), and the build.
            context.CacheVaryByRules.VaryByValues["lang"] = System.Globalization.CultureInfo.CurrentUICulture.Name;
            context.CacheVaryByRules.VaryByValues["build"] = Build;
            // Remember which eviction this render started after: a page rendered before a change but finished after its
            // eviction must not be stored (see ServeResponseAsync).
            var eviction = http.RequestServices.GetRequiredService<PageCacheEviction>();
            http.Items[GenerationKey] = eviction.Generation;
            return ValueTask.CompletedTask;
        }

        ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) =>
            ValueTask.CompletedTask;

        ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken)
        {
            var http = context.HttpContext;
            var response = http.Response;
            var eviction = http.RequestServices.GetRequiredService<PageCacheEviction>();
            var cacheControl = response.Headers.CacheControl.ToString();
            if (response.StatusCode != StatusCodes.Status200OK
                || !StringValues.IsNullOrEmpty(response.Headers.SetCookie)
                || (!keepNoStore && cacheControl.Contains("no-store", StringComparison.OrdinalIgnoreCase))
                || cacheControl.Contains("private", StringComparison.OrdinalIgnoreCase)
                || http.User.Identity?.IsAuthenticated == true
                || http.Items[GenerationKey] is not long started || started != eviction.Generation)
                context.AllowCacheStorage = false;
            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>
/// Evicts the cached public pages after a change to data they can show has been committed: tracked changes
/// (<c>SaveChanges</c>), bulk statements (<c>ExecuteUpdate</c>/<c>ExecuteDelete</c>, raw SQL) and both inside an explicit
/// transaction (evicted at its commit, not before: otherwise a request in between could store the old page again).
/// The same for SQLite and PostgreSQL; with Redis the eviction reaches every node's readers. A page this node was still
/// rendering from the old rows is not stored (<see cref="Generation"/>); with Redis a second eviction two seconds later
/// catches one another node was rendering while the change was committed.
/// Tables no public page shows (sign-in links, notifications, the audit log, live-session notes …) evict nothing, so
/// signing in or a busy live session does not empty the cache.
/// </summary>
public sealed class PageCacheEviction(IServiceProvider services, ILogger<PageCacheEviction> log, IHostApplicationLifetime lifetime, IConfiguration config)
    : ISaveChangesInterceptor, IDbTransactionInterceptor, IDbCommandInterceptor
{
    /// <summary>With Redis other nodes share the pages; a render there is not covered by this node's <see cref="Generation"/>.</summary>
    private readonly bool shared = !string.IsNullOrWhiteSpace(config["Redis:Configuration"]);

    /// <summary>Tables (entity types) whose rows no cached public page shows. Anything else evicts.</summary>
    private static readonly HashSet<string> NotShown = new(StringComparer.Ordinal)
    {
        nameof(Features.Audit.AuditEvent), "SignInLink", "PasswordFailure", "Notification", "DataProtectionKey",
        "Invitation", "PersonalDataExport", "AccountErasureRequest",
        // A live session is only ever shown to its participants; the ideas it makes are thread items, which do evict.
        "LiveSession", "SessionQuestion", "Step", "Participant", "Note", "Cluster", "Vote",
        "IdentityUserClaim`1", "IdentityUserLogin`1", "IdentityUserToken`1", "IdentityUserRole`1", "IdentityRoleClaim`1", "IdentityRole",
    };

    /// <summary>
    /// Entity types of which only some properties show: a change to another property evicts nothing, a delete always
    /// does. Of an account public pages show only its name (and that only to signed-in readers today). A live session's
    /// post-its and stippen count in the knowledge balance: they evict when the session starts, moves to another step or
    /// closes, not at every post-it, which would empty the cache all session long — the balance catches up at each step,
    /// and within the entries' five minutes in any case.
    /// </summary>
    private static readonly Dictionary<string, HashSet<string>> ShownProperties = new(StringComparer.Ordinal)
    {
        [nameof(Features.Accounts.AppUser)] = new(StringComparer.Ordinal) { nameof(Features.Accounts.AppUser.DisplayName) },
        [nameof(Features.Sessions.LiveSession)] = new(StringComparer.Ordinal)
        {
            nameof(Features.Sessions.LiveSession.State), nameof(Features.Sessions.LiveSession.CurrentStepId), nameof(Features.Sessions.LiveSession.Phase),
        },
    };

    private readonly ConditionalWeakTable<DbContext, Pending> pending = new();
    private readonly ConditionalWeakTable<Microsoft.EntityFrameworkCore.Metadata.IModel, Dictionary<string, bool>> tablesByModel = new();
    private long generation;

    private sealed class Pending
    {
        public bool Evict;
    }

    /// <summary>Moves on at every eviction; a render that started before it is not stored.</summary>
    public long Generation => Interlocked.Read(ref generation);

    // ---- tracked changes ----

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        FlushIfCommitted(eventData.Context).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await FlushIfCommitted(eventData.Context);
        return result;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => ForgetIfNoTransaction(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ForgetIfNoTransaction(eventData.Context);
        return Task.CompletedTask;
    }

    // ---- bulk statements and raw SQL (ExecuteUpdate, ExecuteDelete, ExecuteSql) ----

    public int NonQueryExecuted(System.Data.Common.DbCommand command, CommandExecutedEventData eventData, int result)
    {
        if (NoteStatement(eventData.Context, command.CommandText))
            FlushIfCommitted(eventData.Context).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public async ValueTask<int> NonQueryExecutedAsync(System.Data.Common.DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (NoteStatement(eventData.Context, command.CommandText))
            await FlushIfCommitted(eventData.Context);
        return result;
    }

    // ---- explicit transactions: evict at commit ----

    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) =>
        Flush(eventData.Context).AsTask().GetAwaiter().GetResult();

    public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Flush(eventData.Context).AsTask();

    public void TransactionRolledBack(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    // ---- the decision ----

    private void Note(DbContext? context)
    {
        if (context is null) return;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
                continue;
            if (Shows(entry))
            {
                pending.GetOrCreateValue(context).Evict = true;
                return;
            }
        }
    }

    private static bool Shows(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry)
    {
        var name = entry.Metadata.ClrType.Name;
        if (ShownProperties.TryGetValue(name, out var shown) && entry.State != EntityState.Added)
            return entry.State == EntityState.Deleted || entry.Properties.Any(p => p.IsModified && shown.Contains(p.Metadata.Name));
        return !NotShown.Contains(name);
    }

    /// <summary>A bulk UPDATE/DELETE/INSERT: which table it writes, read from the statement's head.</summary>
    private bool NoteStatement(DbContext? context, string sql)
    {
        if (context is null) return false;
        var span = sql.AsSpan().TrimStart();
        string? table = null;
        foreach (var verb in (ReadOnlySpan<string>)["UPDATE ", "DELETE FROM ", "INSERT INTO "])
        {
            if (span.StartsWith(verb, StringComparison.OrdinalIgnoreCase))
            {
                var rest = span[verb.Length..].TrimStart();
                var end = rest.IndexOfAny(" (\r\n\t");
                table = (end < 0 ? rest : rest[..end]).Trim("\"`[]").ToString();
                break;
            }
        }
        if (table is null)
            return false; // a SELECT, a PRAGMA, a schema change: nothing shown changes
        var shown = ShownTables(context.Model);
        // A table the model does not know (a migration, a by-hand statement): evict, to be safe.
        if (shown.TryGetValue(table, out var isShown) && !isShown)
            return false;
        pending.GetOrCreateValue(context).Evict = true;
        return true;
    }

    private Dictionary<string, bool> ShownTables(Microsoft.EntityFrameworkCore.Metadata.IModel model) =>
        tablesByModel.GetValue(model, m =>
        {
            var map = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
            foreach (var type in m.GetEntityTypes())
            {
                if (type.GetTableName() is not { } name) continue;
                var shown = !NotShown.Contains(type.ClrType.Name);
                // Several types in one table: shown if any of them is.
                map[name] = map.TryGetValue(name, out var before) ? before || shown : shown;
            }
            return map;
        });

    private ValueTask FlushIfCommitted(DbContext? context) =>
        context?.Database.CurrentTransaction is null ? Flush(context) : ValueTask.CompletedTask;

    private void ForgetIfNoTransaction(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null) Forget(context);
    }

    private void Forget(DbContext? context)
    {
        if (context is not null) pending.Remove(context);
    }

    private async ValueTask Flush(DbContext? context)
    {
        if (context is null || !pending.TryGetValue(context, out var p) || !p.Evict)
            return;
        pending.Remove(context);
        await EvictNowAsync();
        if (!shared)
            return;
        // Another node may have been rendering from the old rows while this commit happened; evict once more after it.
        _ = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(2), lifetime.ApplicationStopping);
                await EvictNowAsync();
            }
            catch (OperationCanceledException) { }
            catch (ObjectDisposedException) { }
        });
    }

    /// <summary>Drops every cached public page now.</summary>
    public async ValueTask EvictNowAsync()
    {
        Interlocked.Increment(ref generation);
        try
        {
            await services.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(PageCache.Tag, CancellationToken.None);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The change itself is saved; pages expire within PageCache.Expiration even so.
            log.LogError(e, "Could not evict the cached public pages.");
        }
    }
}
