using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Stories;

/// <summary>
/// Shows the teller's private link exactly once: TempData is read and gone, and the page is never cached. Helps the
/// teller keep it: a copy button (script), the link as selectable text, a QR code to photograph, and "mail mij deze
/// link" — a form that carries the key in its body, so whoever posts it must hold the key. Mail is rate-limited.
/// </summary>
[EnableRateLimiting(RateLimits.Mail)]
public sealed class ThanksModel(MailStoryLink mail, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public int? StoryId { get; set; }
    [BindProperty] public string? Key { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public bool WantsUpdates { get; set; }
    public string? MailedTo { get; private set; }
    public string StoryUrl => mail.UrlFor(StoryId!.Value, Key!);
    public string SignifyPath => $"/verhalen/{StoryId}/duiden?sleutel={Key}";

    public void OnGet()
    {
        Response.Headers.CacheControl = "no-store";
        Key = null;
        StoryId = null;
        if (TempData[ShareByLinkModel.KeyData] is string key && TempData[ShareByLinkModel.IdData] is int id)
        {
            Key = key;
            StoryId = id;
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Response.Headers.CacheControl = "no-store";
        if (StoryId is not { } id || !StoryKeys.LooksValid(Key)) return NotFoundPage();
        var outcome = await mail.RunAsync(id, Key, Email, WantsUpdates, HttpContext.RequestAborted);
        if (outcome.Status == OutcomeStatus.NotFound) return NotFoundPage();
        if (!outcome.IsOk) return this.Fail(outcome, l, "");
        MailedTo = outcome.Value;
        Email = null;
        return Page();
    }

    /// <summary>A wrong or erased key: the page as after its one showing, with status 404.</summary>
    private PageResult NotFoundPage()
    {
        Key = null;
        StoryId = null;
        return new PageResult { StatusCode = StatusCodes.Status404NotFound };
    }
}
