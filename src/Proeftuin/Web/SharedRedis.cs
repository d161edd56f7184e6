using StackExchange.Redis;

namespace Proeftuin.Web;

/// <summary>
/// The one connection to Redis of this node (ADR 0044), shared by the live-session backplane and the page cache. It never
/// blocks the app on an outage: it connects in the background, reconnects every second, and waits at most a second
/// for an answer, so a Redis that is gone costs a request nothing more than the work without it. Whoever uses Redis
/// asks <see cref="IsConnected"/> first and, while it is false, does the work of one node alone.
/// Not configured (<c>Redis:Configuration</c> empty): one node, nothing to connect, <see cref="IsConfigured"/> false.
/// </summary>
public sealed class SharedRedis : IAsyncDisposable
{
    private readonly Task<IConnectionMultiplexer>? connecting;
    private readonly ILogger<SharedRedis> log;
    private IConnectionMultiplexer? connection;

    public SharedRedis(IConfiguration config, ILogger<SharedRedis> log)
    {
        this.log = log;
        var conf = config["Redis:Configuration"];
        var prefix = config["Redis:ChannelPrefix"];
        Prefix = string.IsNullOrWhiteSpace(prefix) ? "proeftuin" : prefix;
        if (string.IsNullOrWhiteSpace(conf)) return;
        var options = ConfigurationOptions.Parse(conf);
        // Start without Redis rather than not at all; find it again by itself.
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = Math.Min(options.ConnectTimeout, 2000);
        options.SyncTimeout = Math.Min(options.SyncTimeout, 1000);
        options.AsyncTimeout = Math.Min(options.AsyncTimeout, 1000);
        options.ReconnectRetryPolicy = new LinearRetry(1000);
        connecting = ConnectAsync(options);
    }

    /// <summary>The deployment's name in Redis: two apps that share a Redis do not hear or evict each other.</summary>
    public string Prefix { get; }

    public bool IsConfigured => connecting is not null;

    /// <summary>Configured, connected and not (yet) known to have failed.</summary>
    public bool IsConnected => connection is { IsConnected: true };

    /// <summary>The connection once made (connected or reconnecting); null before the first try ended.</summary>
    public IConnectionMultiplexer? Connection => connection;

    /// <summary>Raised when the connection is back after a failure (once per connection type: the subscription's counts).</summary>
    public event Action? Restored;

    /// <summary>The connection (connecting in the background). Only when <see cref="IsConfigured"/>.</summary>
    public Task<IConnectionMultiplexer> ConnectionAsync() =>
        connecting ?? throw new InvalidOperationException("Redis is not configured (Redis:Configuration).");

    private async Task<IConnectionMultiplexer> ConnectAsync(ConfigurationOptions options)
    {
        var multiplexer = await ConnectionMultiplexer.ConnectAsync(options);
        multiplexer.ConnectionFailed += (_, e) =>
        {
            if (e.ConnectionType == ConnectionType.Subscription)
                log.LogWarning("Redis is unreachable ({Failure}): live sessions go on per node, the page cache waits", e.FailureType);
        };
        multiplexer.ConnectionRestored += (_, e) =>
        {
            if (e.ConnectionType != ConnectionType.Subscription) return;
            log.LogWarning("Redis is back: live sessions reach every node again");
            Restored?.Invoke();
        };
        connection = multiplexer;
        return multiplexer;
    }

    public async ValueTask DisposeAsync()
    {
        if (connecting is null) return;
        try
        {
            var multiplexer = await connecting;
            await multiplexer.CloseAsync();
            multiplexer.Dispose();
        }
        catch (RedisException)
        {
            // Closing a connection that never worked: nothing to do.
        }
    }
}

/// <summary>
/// Redis in the health endpoints: on <c>/health</c> a node without Redis is "Degraded" (it serves, alone), on
/// <c>/health/ready</c> it is not ready, so a load balancer sends new live-session connections to a node that still
/// reaches the others. Without Redis configured there is nothing to miss.
/// </summary>
public sealed class RedisHealthCheck(SharedRedis redis) : Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheck
{
    public Task<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult> CheckHealthAsync(
        Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult(!redis.IsConfigured || redis.IsConnected
            ? Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy()
            : new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult(context.Registration.FailureStatus,
                "Redis is unreachable: live sessions reach only the screens on this node"));
    }
}
