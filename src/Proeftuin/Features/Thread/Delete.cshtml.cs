using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Thread;

[Authorize]
public sealed class DeleteModel(SaveItem save, DeleteItem delete, IStringLocalizer<SharedResource> l) : PageModel
{
    public ThreadItem Item { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var loaded = await save.LoadForEditAsync(id, HttpContext.RequestAborted);
        if (!loaded.IsOk) return this.Fail(loaded, l);
        Item = loaded.Value!;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var outcome = await delete.RunAsync(id, HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        this.Flash("Het onderdeel is verwijderd.");
        return Redirect($"/projecten/{outcome.Value!.ProjectId}/draad");
    }
}
