using System.Text.Json;
using Microsoft.AspNetCore.OutputCaching;

namespace Proeftuin.Web;

/// <summary>
/// Reads that are the same for every reader (a project's shared part with its knowledge balance, ADR 0030) kept in the
/// page cache's store under its tag, so they live and die with the cached public pages (ADR 0022, 0026): evicted after
/// every committed change to shown data, on every node when Redis is configured, and a value computed before an
/// eviction is not stored after it. Signed-in readers are never served a cached page, but they do get these: a dozen
/// small queries cost more than the rest of their request otherwise.
/// Nothing that depends on who asks goes in here (the key names what is kept, never who asks); callers filter what
/// they read by the reader's permissions.
/// </summary>
public sealed class SharedCounts(IOutputCacheStore store, PageCacheEviction eviction, IConfiguration config, ILogger<SharedCounts> log)
{
    private readonly bool enabled = PageCache.Enabled(config);

    public async Task<T> GetOrComputeAsync<T>(string key, Func<CancellationToken, Task<T>> compute, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(compute);
        if (!enabled) return await compute(ct);
        // The build is part of the key: a new release never reads an older shape from a shared Redis.
        var fullKey = "counts:" + PageCache.Build + ":" + key;
        try
        {
            if (await store.GetAsync(fullKey, ct) is { } bytes && JsonSerializer.Deserialize<T>(bytes) is { } cached)
                return cached;
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // The store (Redis) is unreachable or the entry unreadable: count afresh, as without a cache, and do not
            // wait for the store a second time to keep it (each try waits for Redis's timeout during an outage).
            log.LogWarning(e, "Could not read the shared count {Key}.", key);
            return await compute(ct);
        }
        var started = eviction.Generation;
        var value = await compute(ct);
        if (started != eviction.Generation) return value; // changed meanwhile: this count may be old already
        try
        {
            await store.SetAsync(fullKey, JsonSerializer.SerializeToUtf8Bytes(value), [PageCache.Tag], PageCache.Expiration, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            log.LogWarning(e, "Could not keep the shared count {Key}.", key);
        }
        return value;
    }
}
