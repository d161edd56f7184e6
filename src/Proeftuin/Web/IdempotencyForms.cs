using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Proeftuin.Web;

/// <summary>
/// Every <c>&lt;form method="post"&gt;</c> carries a fresh request key, as a hidden field beside the antiforgery token.
/// A double click or a browser's "send again" posts the same key; <see cref="RequestKeyFormFilter"/> answers it with
/// the first post's redirect instead of doing the work twice.
/// </summary>
[HtmlTargetElement("form")]
public sealed class RequestKeyTagHelper : TagHelper
{
    // After the framework's form tag helper, so the field sits after its antiforgery token.
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var method = output.Attributes["method"]?.Value?.ToString();
        if (!string.Equals(method, "post", StringComparison.OrdinalIgnoreCase)) return;
        output.PostContent.AppendHtml($"<input type=\"hidden\" name=\"{RequestKeys.FormField}\" value=\"{RequestKeys.New()}\">");
    }
}

/// <summary>
/// A page post with a request key: the first one runs and its redirect is kept; the same key again is redirected to
/// the same place (a double submit waits a moment for the first). A page shown again with errors is not kept, so the
/// corrected form can go again. A key first used by the live session's script (its plain-form fallback) sends the
/// person back to the page, without a second note. A redirect that carries a story key in its address is not kept.
/// </summary>
public sealed class RequestKeyFormFilter(RequestKeyStore store) : IAsyncPageFilter, IAsyncAlwaysRunResultFilter
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);
    private string? scope;
    private string? key;

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.HttpContext.Request;
        // A hand-made key of the wrong shape is ignored: the form still works, only without the retry guard.
        if (!HttpMethods.IsPost(request.Method) || !request.HasFormContentType)
        {
            await next();
            return;
        }
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(context.HttpContext.RequestAborted);
        }
        catch (InvalidDataException)
        {
            // A form that cannot be read (a NUL, too many fields): model binding says so in the page's own way.
            await next();
            return;
        }
        if (form[RequestKeys.FormField].FirstOrDefault() is not { } raw || !RequestKeys.LooksValid(raw) || store.Scope() is not { } who)
        {
            await next();
            return;
        }
        var ct = context.HttpContext.RequestAborted;
        // The script's plain-form fallback: the hub may have done it already with the same key.
        if (await store.FindAsync(who, raw, ct) is { Status: > 0 } viaHub && viaHub.Target.StartsWith("hub ", StringComparison.Ordinal))
        {
            context.Result = new RedirectResult(request.PathBase + request.Path);
            return;
        }
        // The same form sent again with other contents (back button, edit, send) is a new request, not a retry.
        var sent = raw + "." + Fingerprint(form);
        var target = $"form {request.Path}";
        var claim = await store.ClaimAsync(who, sent, target, ct);
        var deadline = DateTime.UtcNow + Wait;
        while (claim.Kind == KeyClaimKind.Busy && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, ct);
            claim = await store.ClaimAsync(who, sent, target, ct);
        }
        switch (claim.Kind)
        {
            case KeyClaimKind.Answered when claim.Answer!.Location is { } location:
                context.Result = new RedirectResult(location);
                return;
            case KeyClaimKind.Answered or KeyClaimKind.OtherTarget:
                // Done before, by the script or without a redirect to give: the page as it is now.
                context.Result = new RedirectResult(request.PathBase + request.Path);
                return;
            case KeyClaimKind.Busy:
                context.Result = new StatusCodeResult(StatusCodes.Status409Conflict);
                return;
        }
        scope = who;
        key = sent;
        PageHandlerExecutedContext executed;
        try
        {
            executed = await next();
        }
        catch
        {
            await ForgetAsync();
            throw;
        }
        if (executed.Exception is not null && !executed.ExceptionHandled) await ForgetAsync();
    }

    public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var executed = await next();
        if (scope is null || key is null) return;
        var response = context.HttpContext.Response;
        var location = response.Headers.Location.FirstOrDefault();
        if (executed.Exception is null && response.StatusCode is >= 300 and < 400 && location is not null && !CarriesSecret(location))
            await store.KeepAsync(scope, key, response.StatusCode, location, null);
        else
            await ForgetAsync();
        scope = key = null;
    }

    private async Task ForgetAsync()
    {
        if (scope is null || key is null) return;
        await store.ForgetAsync(scope, key);
        scope = key = null;
    }

    /// <summary>What was filled in, without the tokens: 64 bits of a SHA-256 are plenty to tell two posts of one form apart.</summary>
    private static string Fingerprint(IFormCollection form)
    {
        var text = new System.Text.StringBuilder();
        foreach (var (name, values) in form.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (name is RequestKeys.FormField or "__RequestVerificationToken") continue;
            text.Append(name).Append('=').AppendJoin('\u001f', values.Select(v => v ?? "")).Append('\u001e');
        }
        foreach (var file in form.Files)
            text.Append(file.Name).Append(':').Append(file.FileName).Append(':').Append(file.Length).Append('\u001e');
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    /// <summary>A story's key (?sleutel=, ?key=) or a token in an address is not kept in the table for a day.</summary>
    private static bool CarriesSecret(string location)
    {
        var query = location.IndexOf('?', StringComparison.Ordinal);
        if (query < 0) return false;
        var q = location[query..];
        return q.Contains("sleutel=", StringComparison.OrdinalIgnoreCase) || q.Contains("key=", StringComparison.OrdinalIgnoreCase)
            || q.Contains("token=", StringComparison.OrdinalIgnoreCase) || q.Contains("code=", StringComparison.OrdinalIgnoreCase);
    }
}
