using Microsoft.Extensions.Localization;

namespace Proeftuin.Web;

/// <summary>
/// A create under /api/v1 sent with an Idempotency-Key: the first request runs and its 2xx answer (status, Location,
/// body) is kept; the same key again gets that answer (with Idempotent-Replayed: true) and adds no row. While the first
/// still runs, a retry gets 409 at once rather than waiting: a request holds no connection or lock for another, and a
/// client that retries already knows how to wait and try again (Retry-After). A 4xx or 5xx answer is not kept, so the
/// person may correct the request and send it again with the same key.
/// </summary>
public sealed class IdempotentApi(RequestDelegate next, ILogger<IdempotentApi> logger)
{
    public const string ReplayedHeader = "Idempotent-Replayed";

    public async Task InvokeAsync(HttpContext http, RequestKeyStore store, IStringLocalizer<SharedResource> l)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(store);
        var values = http.Request.Headers[RequestKeys.Header];
        var key = values.Count == 1 ? values[0] : null;
        if (!RequestKeys.LooksValid(key))
        {
            await ProblemAsync(http, StatusCodes.Status400BadRequest, l["Dit verzoek klopt niet"], l[RequestKeys.InvalidMessage]);
            return;
        }
        var scope = store.Scope();
        if (scope is null)
        {
            // Nobody to keep it for (the endpoint decides whether such a caller may create at all).
            await next(http);
            return;
        }
        // The same key with another body is not a retry: 422, as the IETF draft on Idempotency-Key says.
        var target = $"POST {http.Request.Path} {await FingerprintAsync(http.Request)}";
        var claim = await store.ClaimAsync(scope, key!, target, http.RequestAborted);
        switch (claim.Kind)
        {
            case KeyClaimKind.Answered:
                await ReplayAsync(http, claim.Answer!);
                return;
            case KeyClaimKind.Busy:
                http.Response.Headers.RetryAfter = "1";
                await ProblemAsync(http, StatusCodes.Status409Conflict, l["Nog bezig"], l[RequestKeys.BusyMessage]);
                return;
            case KeyClaimKind.OtherTarget:
                await ProblemAsync(http, StatusCodes.Status422UnprocessableEntity, l["Sleutel al gebruikt"], l[RequestKeys.OtherTargetMessage]);
                return;
        }

        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
        }
        catch
        {
            http.Response.Body = original;
            await store.ForgetAsync(scope, key!);
            throw;
        }
        http.Response.Body = original;
        var status = http.Response.StatusCode;
        if (status is >= 200 and < 300)
        {
            var body = buffer.Length == 0 ? null : System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            await store.KeepAsync(scope, key!, status, http.Response.Headers.Location.FirstOrDefault(), body);
        }
        else
        {
            await store.ForgetAsync(scope, key!);
        }
        buffer.Position = 0;
        try
        {
            await buffer.CopyToAsync(original, http.RequestAborted);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client left; the answer is kept for its retry.
            logger.LogDebug("A client left before its answer was sent; the answer is kept for a retry");
        }
    }

    /// <summary>64 bits of a SHA-256 over the first 256 KiB of the body (a create's body is far smaller); the body is read again by the endpoint.</summary>
    private static async Task<string> FingerprintAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        var chunk = new byte[8192];
        var left = 256 * 1024;
        int read;
        while (left > 0 && (read = await request.Body.ReadAsync(chunk.AsMemory(0, Math.Min(chunk.Length, left)), request.HttpContext.RequestAborted)) > 0)
        {
            sha.AppendData(chunk, 0, read);
            left -= read;
        }
        request.Body.Position = 0;
        return Convert.ToHexStringLower(sha.GetHashAndReset())[..16];
    }

    private static async Task ReplayAsync(HttpContext http, RequestKey answer)
    {
        http.Response.StatusCode = answer.Status;
        http.Response.Headers[ReplayedHeader] = "true";
        if (answer.Location is { } location) http.Response.Headers.Location = location;
        if (answer.Body is { } body)
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            await http.Response.WriteAsync(body, http.RequestAborted);
        }
    }

    private static Task ProblemAsync(HttpContext http, int status, string title, string detail) =>
        Results.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(http);
}
