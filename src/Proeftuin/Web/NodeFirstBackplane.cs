using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Proeftuin.Web;

/// <summary>
/// SignalR between nodes, this node first (ADR 0044). Every message goes at once to this node's own screens (the
/// framework's in-memory manager keeps the connections and groups), and then, while Redis is there, to the other nodes
/// over one Redis channel, where each node hands it to its own screens in turn. Without Redis a node keeps serving its
/// own screens and its writes answer at once; when Redis is back the screens are told to fetch the state, so what
/// crossed no node meanwhile is caught up (<see cref="ICatchUpAfterOutage{THub}"/>).
/// The framework's Redis backplane sends even a node's own messages through Redis, so with Redis gone no screen heard
/// anything and every send waited for Redis's timeout; this one never waits for Redis.
/// Only what Proeftuin uses crosses nodes: sends to everyone, groups, connections and users. Group membership and client
/// results stay with the node that holds the connection.
/// </summary>
public sealed class NodeFirstBackplane<THub> : HubLifetimeManager<THub>, IDisposable where THub : Hub
{
    private readonly DefaultHubLifetimeManager<THub> local;
    private readonly SharedRedis redis;
    private readonly JsonSerializerOptions json;
    private readonly ILogger log;
    private readonly IServiceProvider services;
    private readonly RedisChannel channel;
    private readonly string node = Guid.NewGuid().ToString("N");
    private ChannelMessageQueue? queue;

    public NodeFirstBackplane(ILogger<DefaultHubLifetimeManager<THub>> localLog, SharedRedis redis, IOptions<JsonHubProtocolOptions> protocol,
        ILogger<NodeFirstBackplane<THub>> log, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(protocol);
        local = new DefaultHubLifetimeManager<THub>(localLog);
        this.redis = redis;
        this.log = log;
        this.services = services;
        // The arguments travel as the JSON the screens get, so the receiving node passes them on unchanged.
        json = protocol.Value.PayloadSerializerOptions;
        channel = RedisChannel.Literal($"{redis.Prefix}:hub:{typeof(THub).Name}");
        if (redis.IsConfigured)
        {
            _ = SubscribeAsync();
            redis.Restored += OnRestored;
        }
    }

    /// <summary>What crosses to the other nodes: who sends, to whom (kind and targets), and the call itself.</summary>
    private sealed record Envelope(string Node, Target Kind, string[]? To, string[]? Except, string Method, JsonElement Args);

    private enum Target { All, Connections, Groups, Users }

    // ---- connections and groups: this node's only ----

    public override Task OnConnectedAsync(HubConnectionContext connection) => local.OnConnectedAsync(connection);

    public override Task OnDisconnectedAsync(HubConnectionContext connection) => local.OnDisconnectedAsync(connection);

    public override Task AddToGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default) =>
        local.AddToGroupAsync(connectionId, groupName, cancellationToken);

    public override Task RemoveFromGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default) =>
        local.RemoveFromGroupAsync(connectionId, groupName, cancellationToken);

    public override Task<T> InvokeConnectionAsync<T>(string connectionId, string methodName, object?[] args, CancellationToken cancellationToken) =>
        local.InvokeConnectionAsync<T>(connectionId, methodName, args, cancellationToken);

    public override Task SetConnectionResultAsync(string connectionId, CompletionMessage result) => local.SetConnectionResultAsync(connectionId, result);

    public override bool TryGetReturnType(string invocationId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Type? type) =>
        local.TryGetReturnType(invocationId, out type);

    // ---- sends: here first, then to the other nodes ----

    public override Task SendAllAsync(string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendAsync(local.SendAllAsync(methodName, args, cancellationToken), Target.All, null, null, methodName, args);

    public override Task SendAllExceptAsync(string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default) =>
        SendAsync(local.SendAllExceptAsync(methodName, args, excludedConnectionIds, cancellationToken), Target.All, null, excludedConnectionIds, methodName, args);

    public override Task SendConnectionAsync(string connectionId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendAsync(local.SendConnectionAsync(connectionId, methodName, args, cancellationToken), Target.Connections, [connectionId], null, methodName, args);

    public override Task SendConnectionsAsync(IReadOnlyList<string> connectionIds, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendAsync(local.SendConnectionsAsync(connectionIds, methodName, args, cancellationToken), Target.Connections, connectionIds, null, methodName, args);

    public override Task SendGroupAsync(string groupName, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendAsync(local.SendGroupAsync(groupName, methodName, args, cancellationToken), Target.Groups, [groupName], null, methodName, args);

    public override Task SendGroupsAsync(IReadOnlyList<string> groupNames, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendAsync(local.SendGroupsAsync(groupNames, methodName, args, cancellationToken), Target.Groups, groupNames, null, methodName, args);

    public override Task SendGroupExceptAsync(string groupName, string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default) =>
        SendAsync(local.SendGroupExceptAsync(groupName, methodName, args, excludedConnectionIds, cancellationToken), Target.Groups, [groupName], excludedConnectionIds, methodName, args);

    public override Task SendUserAsync(string userId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendAsync(local.SendUserAsync(userId, methodName, args, cancellationToken), Target.Users, [userId], null, methodName, args);

    public override Task SendUsersAsync(IReadOnlyList<string> userIds, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendAsync(local.SendUsersAsync(userIds, methodName, args, cancellationToken), Target.Users, userIds, null, methodName, args);

    private async Task SendAsync(Task here, Target kind, IReadOnlyList<string>? to, IReadOnlyList<string>? except, string method, object?[] args)
    {
        Publish(kind, to, except, method, args);
        await here;
    }

    /// <summary>
    /// To the other nodes, without waiting: fire and forget while connected, nothing while Redis is gone (the screens
    /// there catch up when it is back). A message lost in the moment Redis goes is caught up the same way.
    /// </summary>
    private void Publish(Target kind, IReadOnlyList<string>? to, IReadOnlyList<string>? except, string method, object?[] args)
    {
        if (!redis.IsConnected || redis.Connection is not { } connection) return;
        try
        {
            var envelope = new Envelope(node, kind, to?.ToArray(), except?.ToArray(), method, JsonSerializer.SerializeToElement(args, json));
            connection.GetSubscriber().Publish(channel, JsonSerializer.SerializeToUtf8Bytes(envelope, json), CommandFlags.FireAndForget);
        }
        catch (Exception e) when (e is RedisException or TimeoutException or JsonException or NotSupportedException)
        {
            log.LogWarning(e, "A live-session message could not go to the other nodes; their screens catch up when Redis is back");
        }
    }

    // ---- from the other nodes ----

    private async Task SubscribeAsync()
    {
        try
        {
            var multiplexer = await redis.ConnectionAsync();
            // The library subscribes again after every reconnect; a first try while Redis is still away is retried.
            while (queue is null)
            {
                try
                {
                    queue = await multiplexer.GetSubscriber().SubscribeAsync(channel);
                }
                catch (Exception e) when (e is RedisException or TimeoutException)
                {
                    log.LogWarning("Waiting for Redis to hear the other nodes: {Failure}", e.Message);
                    await Task.Delay(1000);
                }
            }
            queue.OnMessage(ReceiveAsync);
        }
        catch (ObjectDisposedException)
        {
            // Shutting down.
        }
    }

    private async Task ReceiveAsync(ChannelMessage message)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize<Envelope>((byte[])message.Message!, json);
            if (envelope is null || envelope.Node == node) return;
            // JsonElements are written as they are: the screens here get exactly what the sending node serialised.
            var args = envelope.Args.EnumerateArray().Select(a => (object?)a.Clone()).ToArray();
            var to = envelope.To ?? [];
            var except = envelope.Except ?? [];
            await (envelope.Kind switch
            {
                Target.All when except.Length > 0 => local.SendAllExceptAsync(envelope.Method, args, except),
                Target.All => local.SendAllAsync(envelope.Method, args),
                Target.Connections => local.SendConnectionsAsync(to, envelope.Method, args),
                Target.Groups when except.Length > 0 => Task.WhenAll(to.Select(g => local.SendGroupExceptAsync(g, envelope.Method, args, except))),
                Target.Groups => local.SendGroupsAsync(to, envelope.Method, args),
                Target.Users => local.SendUsersAsync(to, envelope.Method, args),
                _ => Task.CompletedTask,
            });
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or InvalidCastException)
        {
            log.LogWarning(e, "A message from another node could not be read");
        }
    }

    /// <summary>Redis is back: what did not cross meanwhile is fetched by this node's screens.</summary>
    private void OnRestored()
    {
        _ = Task.Run(async () =>
        {
            foreach (var catchUp in services.GetServices<ICatchUpAfterOutage<THub>>())
            {
                try
                {
                    await catchUp.CatchUpAsync(local);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    log.LogWarning(e, "Screens could not be told to catch up after Redis returned");
                }
            }
        });
    }

    public void Dispose()
    {
        redis.Restored -= OnRestored;
        queue?.Unsubscribe();
    }
}

/// <summary>A feature whose screens must fetch their state after Redis was away (the messages of other nodes did not reach them).</summary>
public interface ICatchUpAfterOutage<THub> where THub : Hub
{
    /// <summary>Tell the screens of this node (<paramref name="screensHere"/> reaches no other) to fetch their state.</summary>
    Task CatchUpAsync(HubLifetimeManager<THub> screensHere);
}
