using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Proeftuin.Web;

namespace Proeftuin.Features.Thread;

[Authorize]
public sealed class EditCommentModel(SaveComment save, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public CommentForm Input { get; set; } = new();
    public int Id { get; private set; }
    public string ReturnUrl { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var loaded = await LoadAsync(id);
        if (!loaded.IsOk) return this.Fail(loaded, l);
        Input.Text = loaded.Value!.Text;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var loaded = await LoadAsync(id);
        if (!loaded.IsOk) return this.Fail(loaded, l);
        var outcome = await save.EditAsync(loaded.Value!, Input.Text, HttpContext.RequestAborted);
        if (!outcome.IsOk) return this.Fail(outcome, l);
        this.Flash("Je reactie is opgeslagen.");
        return Redirect($"{ReturnUrl}#reactie-{id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id)
    {
        var loaded = await LoadAsync(id);
        if (!loaded.IsOk) return this.Fail(loaded, l);
        await save.DeleteAsync(id, HttpContext.RequestAborted);
        this.Flash("De reactie is verwijderd.");
        return Redirect($"{ReturnUrl}#reacties");
    }

    private async Task<Outcome<Comment>> LoadAsync(int id)
    {
        Id = id;
        var loaded = await save.LoadForEditAsync(id, HttpContext.RequestAborted);
        if (loaded.IsOk) ReturnUrl = await save.ItemUrlAsync(loaded.Value!.ItemId, HttpContext.RequestAborted);
        return loaded;
    }
}
