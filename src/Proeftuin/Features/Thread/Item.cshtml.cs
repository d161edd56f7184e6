using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Proeftuin.Features.Thread;

public sealed class ItemModel(GetItem query, GetItemThread thread) : PageModel
{
    public ItemView Item { get; private set; } = null!;
    public ItemThreadView Thread { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var outcome = await query.RunAsync(id, HttpContext.RequestAborted);
        if (!outcome.IsOk) return NotFound();
        // Stories have their own page, with the consent rules that go with it.
        if (outcome.Value!.Kind == ItemKind.Story) return Redirect($"/verhalen/{id}");
        Item = outcome.Value;
        Thread = (await thread.RunAsync(id, HttpContext.RequestAborted))!;
        return Page();
    }
}
