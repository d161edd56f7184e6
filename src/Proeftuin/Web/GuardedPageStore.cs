using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.OutputCaching;

namespace Proeftuin.Web;

/// <summary>
/// The page cache's Redis store, asked only while Redis is there (ADR 0044). While it is gone a node serves every page
/// fresh and keeps nothing, instead of waiting for Redis's timeout on every request and every eviction. A change saved
/// meanwhile could not evict, so the whole cache is evicted once Redis is back: no node serves a page from before it.
/// A failure of Redis itself (a timeout just as it went) counts as a miss, never as a failed request.
/// </summary>
public sealed class GuardedPageStore : IOutputCacheBufferStore
{
    private readonly IOutputCacheStore inner;
    private readonly SharedRedis redis;
    private readonly ILogger<GuardedPageStore> log;

    public GuardedPageStore(IOutputCacheStore inner, SharedRedis redis, ILogger<GuardedPageStore> log)
    {
        ArgumentNullException.ThrowIfNull(redis);
        this.inner = inner;
        this.redis = redis;
        this.log = log;
        redis.Restored += () => _ = EvictAllAsync();
    }

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        if (!redis.IsConnected) return;
        await Guard(() => inner.EvictByTagAsync(tag, cancellationToken), "evict");
    }

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (!redis.IsConnected) return null;
        byte[]? found = null;
        await Guard(async () => found = await inner.GetAsync(key, cancellationToken), "read");
        return found;
    }

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        if (!redis.IsConnected) return;
        await Guard(() => inner.SetAsync(key, value, tags, validFor, cancellationToken), "keep");
    }

    public async ValueTask<bool> TryGetAsync(string key, PipeWriter destination, CancellationToken cancellationToken)
    {
        if (!redis.IsConnected) return false;
        if (inner is not IOutputCacheBufferStore buffers)
        {
            var bytes = await GetAsync(key, cancellationToken);
            if (bytes is null) return false;
            await destination.WriteAsync(bytes, cancellationToken);
            return true;
        }
        var found = false;
        await Guard(async () => found = await buffers.TryGetAsync(key, destination, cancellationToken), "read");
        return found;
    }

    public async ValueTask SetAsync(string key, ReadOnlySequence<byte> value, ReadOnlyMemory<string> tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        if (!redis.IsConnected) return;
        if (inner is IOutputCacheBufferStore buffers)
            await Guard(() => buffers.SetAsync(key, value, tags, validFor, cancellationToken), "keep");
        else
            await SetAsync(key, value.ToArray(), tags.ToArray(), validFor, cancellationToken);
    }

    private async Task EvictAllAsync()
    {
        // A second reconnect may follow the first at once; one eviction each does no harm.
        await Guard(() => inner.EvictByTagAsync(PageCache.Tag, CancellationToken.None), "evict after Redis returned");
    }

    private async Task Guard(Func<ValueTask> action, string what)
    {
        try
        {
            await action();
        }
        catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
        {
            log.LogWarning("The page cache could not {What} in Redis: {Failure}", what, e.Message);
        }
    }
}
