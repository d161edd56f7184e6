using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Prototypes;

/// <summary>The team adds images and PDFs to a prototype, or removes them. The request size is limited before the form is read.</summary>
[Authorize]
[AttachmentUploadLimit]
public sealed class AttachmentsModel(GetPrototype query, AddAttachment add, RemoveAttachment remove, SaveAssumption rules, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public UploadForm Input { get; set; } = new();
    public PrototypeView Prototype { get; private set; } = null!;
    public string MaxShown => add.MaxShown;

    public sealed class UploadForm
    {
        public IFormFile? File { get; set; }
        public string? AltText { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var allowed = await LoadAsync(id);
        return allowed.IsOk ? Page() : this.Fail(allowed, l);
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var allowed = await LoadAsync(id);
        if (!allowed.IsOk) return this.Fail(allowed, l);
        var outcome = await add.RunAsync(id, Input.File, Input.AltText, HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        this.Flash("De bijlage is toegevoegd.");
        return Redirect($"/prototypes/{id}/bijlagen");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, int attachmentId)
    {
        var outcome = await remove.RunAsync(id, attachmentId, HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l, "");
        this.Flash("De bijlage is weggehaald.");
        return Redirect($"/prototypes/{id}/bijlagen");
    }

    private async Task<Outcome<Prototype>> LoadAsync(int id)
    {
        var allowed = await rules.AllowedAsync(id, HttpContext.RequestAborted);
        if (!allowed.IsOk) return allowed;
        Prototype = (await query.RunAsync(id, HttpContext.RequestAborted)).Value!;
        return allowed;
    }
}
