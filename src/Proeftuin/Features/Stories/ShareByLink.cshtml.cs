using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Stories;

/// <summary>
/// Deel je verhaal through the project's share link: no account needed, also for members-only projects.
/// The private key is handed over once, on the thank-you page, through TempData (not in a URL that could be logged).
/// </summary>
[EnableRateLimiting(RateLimits.Share)]
public sealed class ShareByLinkModel(ShareStory share, IStringLocalizer<SharedResource> l) : StoryFormPageModel
{
    public const string KeyData = nameof(KeyData);
    public const string IdData = nameof(IdData);

    public override StoryFormKind Kind => StoryFormKind.ShareLink;
    public bool LinkBroken { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token)
    {
        var form = await share.FormForLinkAsync(token, HttpContext.RequestAborted);
        if (!form.IsOk) return Broken();
        Form = form.Value!;
        Prefill(Form);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token)
    {
        var form = await share.FormForLinkAsync(token, HttpContext.RequestAborted);
        if (!form.IsOk) return Broken();
        Form = form.Value!;
        if (!ModelState.IsValid) return Page();
        var outcome = await share.ShareByLinkAsync(token, Input.ToInput(), HttpContext.RequestAborted);
        if (outcome.Status == OutcomeStatus.NotFound) return Broken();
        if (!outcome.IsOk) return this.Fail(outcome, l);
        TempData[KeyData] = outcome.Value!.Key;
        TempData[IdData] = outcome.Value.Story.Id;
        return Redirect("/delen/bedankt");
    }

    /// <summary>A wrong, renewed or switched-off link: a friendly page with status 404, not the general error page.</summary>
    private PageResult Broken()
    {
        LinkBroken = true;
        return new PageResult { StatusCode = StatusCodes.Status404NotFound };
    }
}
