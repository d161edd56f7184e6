using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Proeftuin.Data;

namespace Proeftuin.Web;

/// <summary>
/// One request key and the answer it got (ADR 0043): a create sent again with the same key gets this answer back
/// instead of making a second row. Kept <see cref="RequestKeys.Keep"/>; Status 0 while the first request still runs.
/// </summary>
public sealed class RequestKey
{
    public long Id { get; set; }
    /// <summary>Who sent it: "u:" and the account, else "b:"/"g:" and the hash of the browser's or guest's key. Nobody replays another's answer.</summary>
    public string Scope { get; set; } = "";
    public string Key { get; set; } = "";
    /// <summary>What the key was used for ("POST /api/v1/…", "hub AddNote", "form /sessies/5"): the same key elsewhere is not a retry.</summary>
    public string Target { get; set; } = "";
    /// <summary>The account that sent it, for "Download mijn gegevens" and erasure; null for guests.</summary>
    public string? UserId { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>0 while running; else the HTTP status of the answer kept (a hub reply keeps 200).</summary>
    public int Status { get; set; }
    /// <summary>The Location header (API) or the redirect (forms).</summary>
    public string? Location { get; set; }
    /// <summary>The answer's JSON body (API) or the hub reply.</summary>
    public string? Body { get; set; }
}

internal sealed class RequestKeyConfiguration : IEntityTypeConfiguration<RequestKey>
{
    public void Configure(EntityTypeBuilder<RequestKey> b)
    {
        b.ToTable("RequestKeys");
        b.Property(k => k.Scope).HasMaxLength(100);
        // Room for a form's key with the fingerprint of what was filled in.
        b.Property(k => k.Key).HasMaxLength(RequestKeys.MaxLength + 20);
        b.Property(k => k.Target).HasMaxLength(300);
        b.Property(k => k.UserId).HasMaxLength(450);
        b.Property(k => k.Location).HasMaxLength(2000);
        b.HasIndex(k => new { k.Scope, k.Key }).IsUnique();
        b.HasIndex(k => k.CreatedAt);
        b.HasIndex(k => k.UserId);
    }
}

/// <summary>The rules of a request key, shared by the API header, the hub argument and the hidden form field.</summary>
public static class RequestKeys
{
    public const string Header = "Idempotency-Key";
    /// <summary>The hidden field every post form carries (<see cref="RequestKeyTagHelper"/>).</summary>
    public const string FormField = "__RequestKey";
    /// <summary>The hub parameter that <see cref="RequestKeyHubFilter"/> recognises.</summary>
    public const string HubParameter = "requestKey";
    public const int MaxLength = 100;
    public static readonly TimeSpan Keep = TimeSpan.FromHours(24);
    /// <summary>A claim this old without an answer belongs to a request that died (a crash): a retry may take it over.</summary>
    public static readonly TimeSpan Abandoned = TimeSpan.FromMinutes(2);
    public const string InvalidMessage = "Een sleutel voor dit verzoek (Idempotency-Key) is 1 tot 100 tekens: letters, cijfers en - _ . : ~ + / =.";
    public const string BusyMessage = "Dit verzoek wordt nog verwerkt. Probeer het over een paar seconden opnieuw met dezelfde sleutel.";
    public const string OtherTargetMessage = "Deze sleutel is al gebruikt voor een ander verzoek. Gebruik voor elk nieuw verzoek een nieuwe sleutel.";

    /// <summary>
    /// UUIDs, ULIDs and base64 all fit; spaces, quotes, angle brackets and control characters do not, so a key is
    /// never HTML and never needs escaping wherever it is logged.
    /// </summary>
    public static bool LooksValid(string? key) =>
        key is { Length: > 0 and <= MaxLength } && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':' or '~' or '+' or '/' or '=');

    /// <summary>A fresh key for a form or a script: 128 random bits.</summary>
    public static string New() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
}

public enum KeyClaimKind
{
    /// <summary>This request holds the key now: run it, then keep or forget the answer.</summary>
    Claimed,
    /// <summary>Answered before: give that answer again.</summary>
    Answered,
    /// <summary>The first request with this key is still running.</summary>
    Busy,
    /// <summary>The key was used for something else.</summary>
    OtherTarget,
}

public sealed record KeyClaim(KeyClaimKind Kind, RequestKey? Answer = null);

/// <summary>
/// Claims, keeps and forgets request keys. The claim is one conditional insert (ON CONFLICT DO NOTHING, which both
/// SQLite and PostgreSQL know), so of two requests with the same key exactly one runs, on any node. Keeping and
/// forgetting happen after the write is saved: they are best effort, logged, and never turn a saved write into a failure.
/// </summary>
public sealed class RequestKeyStore(AppDbContext db, Caller caller, TimeProvider clock, ILogger<RequestKeyStore> logger)
{
    private static long lastCleaned;

    /// <summary>Who is asking, as a scope; null for someone without an account or a browser key (their keys are ignored).</summary>
    public string? Scope()
    {
        if (caller.Id is { } id) return "u:" + id;
        if (caller.BrowserKey is { } browser) return "b:" + Tokens.Hash(browser);
        // The guest key of the lowest session: joining another session later does not change it.
        if (caller.GuestKeys.Count > 0) return "g:" + Tokens.Hash(caller.GuestKeys.MinBy(k => k.Key).Value);
        return null;
    }

    public async Task<KeyClaim> ClaimAsync(string scope, string key, string target, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await CleanAsync(now);
        if (target.Length > 300) target = target[..300];
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var userId = caller.Id;
            var claimed = await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO "RequestKeys" ("Scope", "Key", "Target", "UserId", "CreatedAt", "Status") VALUES ({scope}, {key}, {target}, {userId}, {now}, 0) ON CONFLICT ("Scope", "Key") DO NOTHING""", ct);
            if (claimed == 1) return new KeyClaim(KeyClaimKind.Claimed);
            var row = await db.Set<RequestKey>().AsNoTracking().FirstOrDefaultAsync(k => k.Scope == scope && k.Key == key, ct);
            // Forgotten in between (the first request failed): claim it afresh.
            if (row is null) continue;
            var expired = row.CreatedAt < now - RequestKeys.Keep;
            var abandoned = row.Status == 0 && row.CreatedAt < now - RequestKeys.Abandoned;
            if (expired || abandoned)
            {
                // Taken over only if nobody else took it over meanwhile (same CreatedAt).
                var was = row.CreatedAt;
                var taken = await db.Set<RequestKey>().Where(k => k.Id == row.Id && k.CreatedAt == was)
                    .ExecuteUpdateAsync(u => u.SetProperty(k => k.Status, 0).SetProperty(k => k.CreatedAt, now).SetProperty(k => k.Target, target)
                        .SetProperty(k => k.UserId, userId).SetProperty(k => k.Location, (string?)null).SetProperty(k => k.Body, (string?)null), ct);
                if (taken == 1) return new KeyClaim(KeyClaimKind.Claimed);
                continue;
            }
            if (!string.Equals(row.Target, target, StringComparison.Ordinal)) return new KeyClaim(KeyClaimKind.OtherTarget, row);
            return row.Status == 0 ? new KeyClaim(KeyClaimKind.Busy) : new KeyClaim(KeyClaimKind.Answered, row);
        }
        return new KeyClaim(KeyClaimKind.Busy);
    }

    /// <summary>Reads a key's answer again (a form waiting for a double submit's first request).</summary>
    public Task<RequestKey?> FindAsync(string scope, string key, CancellationToken ct) =>
        db.Set<RequestKey>().AsNoTracking().FirstOrDefaultAsync(k => k.Scope == scope && k.Key == key, ct);

    /// <summary>Keeps a successful answer. The write is saved already: a failure here is logged, not thrown, and not cancelled by a client that left (its retry is what needs the answer).</summary>
    public async Task KeepAsync(string scope, string key, int status, string? location, string? body)
    {
        try
        {
            if (location is { Length: > 2000 }) location = null;
            await db.Set<RequestKey>().Where(k => k.Scope == scope && k.Key == key)
                .ExecuteUpdateAsync(u => u.SetProperty(k => k.Status, status).SetProperty(k => k.Location, location).SetProperty(k => k.Body, body), CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "The answer to a request with a request key could not be kept; a retry with that key may run again");
        }
    }

    /// <summary>Lets go of a key whose request failed or was refused, so the person may correct it and send it again.</summary>
    public async Task ForgetAsync(string scope, string key)
    {
        try
        {
            await db.Set<RequestKey>().Where(k => k.Scope == scope && k.Key == key && k.Status == 0).ExecuteDeleteAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            // The claim then ends by itself after RequestKeys.Abandoned.
            logger.LogWarning(e, "A request key could not be let go after its request failed");
        }
    }

    /// <summary>Old keys go at most once a minute per node, with the insert that needs the room anyway.</summary>
    private async Task CleanAsync(DateTime now)
    {
        var last = Interlocked.Read(ref lastCleaned);
        if (now.Ticks - last < TimeSpan.TicksPerMinute || Interlocked.CompareExchange(ref lastCleaned, now.Ticks, last) != last) return;
        try
        {
            var before = now - RequestKeys.Keep;
            await db.Set<RequestKey>().Where(k => k.CreatedAt < before).ExecuteDeleteAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Old request keys could not be removed; tried again in a minute");
        }
    }
}

public static class IdempotencySetup
{
    /// <summary>The store, the form filter and the hidden field's tag helper; the hub filter is added in RealtimeSetup.</summary>
    public static WebApplicationBuilder AddIdempotency(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var s = builder.Services;
        s.AddScoped<RequestKeyStore>();
        s.AddSingleton<RequestKeyHubFilter>();
        s.AddScoped<RequestKeyFormFilter>();
        s.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.AddService<RequestKeyFormFilter>());
        s.AddScoped<Features.Privacy.IPersonalDataContributor, RequestKeysPersonalData>();
        // Every create under /api/v1 says in the OpenAPI document that it takes the header.
        s.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>("v1", o => o.AddOperationTransformer((operation, context, _) =>
        {
            if (string.Equals(context.Description.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase)
                && context.Description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true)
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new Microsoft.OpenApi.OpenApiParameter
                {
                    Name = RequestKeys.Header,
                    In = Microsoft.OpenApi.ParameterLocation.Header,
                    Required = false,
                    Description = "Eén sleutel per nieuw verzoek (1-100 tekens: letters, cijfers en - _ . : ~ + / =); hetzelfde verzoek met dezelfde sleutel geeft het eerste antwoord terug, zonder tweede rij.",
                    Schema = new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String, MaxLength = RequestKeys.MaxLength },
                });
            }
            return Task.CompletedTask;
        }));
        return builder;
    }

    /// <summary>Creates under /api/v1 with an Idempotency-Key header; after the caller is known and authorized.</summary>
    public static IApplicationBuilder UseIdempotentApi(this IApplicationBuilder app) =>
        app.UseWhen(c => HttpMethods.IsPost(c.Request.Method) && c.Request.Path.StartsWithSegments("/api/v1") && c.Request.Headers.ContainsKey(RequestKeys.Header),
            a => a.UseMiddleware<IdempotentApi>());
}
