using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Audit;

/// <summary>/beheer/logboek: the whole audit log for platform admins, filtered, paged, and as CSV (formaat=csv).</summary>
[Authorize(Policy = Caller.AdminRole)]
public sealed class LogModel(FindAuditEvents find, IStringLocalizer<SharedResource> l) : PageModel, IAuditLogView
{
    public string Path => "/beheer/logboek";
    public AuditFilter Filter { get; private set; } = new();
    public AuditPage? Result { get; private set; }
    public bool ShowProjectFilter => true;

    public Task<IActionResult> OnGetAsync(string? actie, string? project, string? persoon, string? van, string? tot, string? pagina, string? formaat) =>
        AuditLogPage.ShowAsync(this, find, l, null, new AuditFilter(actie, project, persoon, van, tot, pagina), formaat, r => Result = r, f => Filter = f);
}

/// <summary>The admin and project pages answer the same way: the page, a 400 with Dutch messages, or a CSV file.</summary>
internal static class AuditLogPage
{
    public static async Task<IActionResult> ShowAsync(PageModel page, FindAuditEvents find, IStringLocalizer l, int? projectId, AuditFilter filter,
        string? format, Action<AuditPage> setResult, Action<AuditFilter> setFilter)
    {
        // Shown back in the form as typed, but never more than the field takes.
        setFilter(filter with
        {
            Person = Clip(filter.Person, FindAuditEvents.PersonMax),
            Action = Clip(filter.Action, 40),
            Project = Clip(filter.Project, 12),
            From = Clip(filter.From, 10),
            To = Clip(filter.To, 10),
        });
        var ct = page.HttpContext.RequestAborted;
        if (string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
        {
            var file = await find.CsvAsync(projectId, filter, ct);
            if (file.IsOk)
            {
                // Names of people: never kept in a shared cache.
                page.Response.Headers.CacheControl = "no-store";
                return page.File(file.Value!.Content, file.Value.ContentType, file.Value.FileName);
            }
            if (file.Status != OutcomeStatus.Invalid) return page.Fail(file, l, "");
            page.ModelState.AddErrors(file.Errors, l, "");
            return page.Page();
        }
        var outcome = await find.RunAsync(projectId, filter, ct);
        if (!outcome.IsOk) return page.Fail(outcome, l, "");
        setResult(outcome.Value!);
        return page.Page();
    }

    private static string? Clip(string? text, int max) => text is { Length: > 0 } && text.Length > max ? text[..max] : text;
}
