using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Stories;

/// <summary>Verhaal optekenen: a facilitator writes down a resident's story with their consent.</summary>
[Authorize]
public sealed class RecordModel(RecordStory record, IStringLocalizer<SharedResource> l) : StoryFormPageModel
{
    public override StoryFormKind Kind => StoryFormKind.OnBehalf;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var form = await record.FormAsync(id, HttpContext.RequestAborted);
        if (!form.IsOk) return this.Fail(form, l);
        Form = form.Value!;
        Prefill(Form);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var form = await record.FormAsync(id, HttpContext.RequestAborted);
        if (!form.IsOk) return this.Fail(form, l);
        Form = form.Value!;
        if (!ModelState.IsValid) return Page();
        var outcome = await record.RecordAsync(id, Input.ToInput(), Input.ConsentConfirmed, HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        var recorded = outcome.Value!;
        // The short code is shown once, on the slip; like the share link's key it never goes into a URL of ours.
        SlipModel.Hand(TempData, recorded.Story.Id, recorded.Key, recorded.MailedTo, recorded.MailFailed);
        this.Flash("Het verhaal is opgeslagen.");
        return Redirect($"/verhalen/{recorded.Story.Id}/briefje");
    }
}
