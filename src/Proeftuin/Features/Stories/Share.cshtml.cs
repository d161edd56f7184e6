using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Stories;

/// <summary>Deel je verhaal, signed in: anyone who may read the project, observers too.</summary>
[Authorize]
public sealed class ShareModel(ShareStory share, IStringLocalizer<SharedResource> l) : StoryFormPageModel
{
    public override StoryFormKind Kind => StoryFormKind.SignedIn;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var form = await share.FormAsync(id, HttpContext.RequestAborted);
        if (!form.IsOk) return this.Fail(form, l);
        Form = form.Value!;
        Prefill(Form);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var form = await share.FormAsync(id, HttpContext.RequestAborted);
        if (!form.IsOk) return this.Fail(form, l);
        Form = form.Value!;
        if (!ModelState.IsValid) return Page();
        var outcome = await share.ShareAsync(id, Input.ToInput(), HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        this.Flash("Dank je wel! Je verhaal is opgeslagen.");
        return Redirect($"/verhalen/{outcome.Value!.Id}/duiden");
    }
}
