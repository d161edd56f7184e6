using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Thread;

/// <summary>Removes a link (POST from the item page); GET asks first, for whoever arrives by a link.</summary>
[Authorize]
public sealed class RemoveLinkModel(SaveLink save, IStringLocalizer<SharedResource> l) : PageModel
{
    public int Id { get; private set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public IActionResult OnGet(int id)
    {
        Id = id;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        Id = id;
        var outcome = await save.RemoveAsync(id, HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        this.Flash("Het verband is weggehaald.");
        return Redirect(this.SafeReturnUrl(ReturnUrl, $"/draad/{outcome.Value!.FromId}"));
    }
}
