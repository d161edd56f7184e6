using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Proeftuin.Web;

public static class PageExtensions
{
    /// <summary>Shows a use case's field errors next to the fields of a form bound under <paramref name="prefix"/>.</summary>
    public static void AddErrors(this ModelStateDictionary modelState, IEnumerable<FieldError> errors, IStringLocalizer l, string prefix = "Input")
    {
        foreach (var e in errors)
            modelState.AddModelError(string.IsNullOrEmpty(prefix) ? e.Field : $"{prefix}.{e.Field}", e.Localize(l));
    }

    /// <summary>Maps a failed outcome to the page result; Invalid re-renders the page with its errors.</summary>
    public static IActionResult Fail<T>(this PageModel page, Outcome<T> outcome, IStringLocalizer l, string prefix = "Input")
    {
        switch (outcome.Status)
        {
            case OutcomeStatus.NotFound:
                return page.NotFound();
            case OutcomeStatus.Forbidden:
                return page.Denied();
            default:
                page.ModelState.AddErrors(outcome.Errors, l, prefix);
                return page.Page();
        }
    }

    /// <summary>Signed out: go and sign in. Signed in without the right: a plain 403 page.</summary>
    public static IActionResult Denied(this PageModel page) =>
        page.User.Identity?.IsAuthenticated == true ? page.StatusCode(StatusCodes.Status403Forbidden) : page.Challenge();

    /// <summary>A local return address only, so a link can never send someone to another site.</summary>
    public static string SafeReturnUrl(this PageModel page, string? returnUrl, string fallback = "/") =>
        !string.IsNullOrEmpty(returnUrl) && page.Url.IsLocalUrl(returnUrl) ? returnUrl : fallback;

    public static void Flash(this PageModel page, string message) => page.TempData["Message"] = message;

    /// <summary>
    /// An export use case's answer as a download: a bad format is a 400 with its Dutch message, a refusal as
    /// <see cref="Fail"/> answers it, and the file is never kept in a shared cache (it holds personal data).
    /// </summary>
    public static IActionResult Download(this PageModel page, Outcome<Features.Signification.ExportFile> outcome, IStringLocalizer l)
    {
        if (outcome.Status == OutcomeStatus.Invalid)
            return page.BadRequest(outcome.Errors[0].Localize(l));
        if (!outcome.IsOk) return page.Fail(outcome, l);
        var file = outcome.Value!;
        page.Response.Headers.CacheControl = "no-store";
        return page.File(file.Content, file.ContentType, file.FileName);
    }
}
