using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Stories;

/// <summary>
/// /verhalen/{id}/briefje: the printable slip for a teller whose story was recorded on their behalf (A6, large type,
/// QR code and short link). The code is shown once, right after recording (TempData, never cached); later the
/// facilitator can make a new slip, which replaces the key.
/// </summary>
[Authorize]
public sealed class SlipModel(RecordStory record, MailStoryLink mail, IStringLocalizer<SharedResource> l) : PageModel
{
    private const string KeyData = nameof(SlipModel) + nameof(KeyData);
    private const string IdData = nameof(SlipModel) + nameof(IdData);
    private const string MailData = nameof(SlipModel) + nameof(MailData);
    private const string MailFailedData = nameof(SlipModel) + nameof(MailFailedData);

    public SlipTarget Target { get; private set; } = null!;
    /// <summary>Only right after recording or making a new slip.</summary>
    public string? Key { get; private set; }
    public string? MailedTo { get; private set; }
    public bool MailFailed { get; private set; }
    public string ShortUrl => mail.UrlFor(Target.StoryId, Key!);

    public static void Hand(ITempDataDictionary tempData, int storyId, string key, string? mailedTo, bool mailFailed)
    {
        tempData[KeyData] = key;
        tempData[IdData] = storyId;
        if (mailedTo is not null) tempData[MailData] = mailedTo;
        if (mailFailed) tempData[MailFailedData] = true;
    }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        Response.Headers.CacheControl = "no-store";
        var outcome = await record.SlipAsync(id, HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        Target = outcome.Value!;
        if (TempData[IdData] is int handed && handed == id && TempData[KeyData] is string key)
        {
            Key = key;
            MailedTo = TempData[MailData] as string;
            MailFailed = TempData[MailFailedData] is true;
        }
        return Page();
    }

    /// <summary>Nieuw briefje maken: a new key; the old slip stops working.</summary>
    public async Task<IActionResult> OnPostAsync(int id)
    {
        var outcome = await record.NewKeyAsync(id, HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        Hand(TempData, id, outcome.Value!, null, false);
        this.Flash("Er is een nieuw briefje gemaakt. Het oude briefje werkt niet meer.");
        return Redirect($"/verhalen/{id}/briefje");
    }
}
