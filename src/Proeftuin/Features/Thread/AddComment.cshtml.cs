using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Thread;

/// <summary>A reactie from the item page's form (posts here); shown on its own only to correct a mistake.</summary>
[Authorize]
public sealed class AddCommentModel(SaveComment save, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public CommentForm Input { get; set; } = new();
    public int Id { get; private set; }
    public string ReturnUrl { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var denied = await LoadAsync(id);
        if (denied is not null) return denied;
        var outcome = await save.AddAsync(id, Input.Text, HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        this.Flash("Je reactie is geplaatst.");
        return Redirect($"{ReturnUrl}#reactie-{outcome.Value!.Id}");
    }

    private async Task<IActionResult?> LoadAsync(int id)
    {
        Id = id;
        var allowed = await save.CanCommentAsync(id, HttpContext.RequestAborted);
        if (!allowed.IsOk) return this.Fail(allowed, l);
        ReturnUrl = ThreadWords.PageUrl(allowed.Value!.Kind, id);
        return null;
    }
}
