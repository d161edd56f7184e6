using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Proeftuin.Features.Thread;

public sealed class ItemModel(GetItem query, GetItemThread thread, Sessions.GetIdeaOrigin origin) : PageModel
{
    public ItemView Item { get; private set; } = null!;
    public ItemThreadView Thread { get; private set; } = null!;
    /// <summary>For an idea from a live session: which one (its title only for those who may see the session).</summary>
    public Sessions.IdeaOrigin? Origin { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var outcome = await query.RunAsync(id, HttpContext.RequestAborted);
        if (!outcome.IsOk) return NotFound();
        // Kinds with their own folder (stories) have their own page, with the rules that go with it.
        if (ThreadKinds.For(outcome.Value!.Kind) is { HasOwnPages: true } own) return Redirect(own.PageUrl(id));
        Item = outcome.Value;
        Thread = (await thread.RunAsync(id, HttpContext.RequestAborted))!;
        if (Item.Kind == ItemKind.Idea) Origin = await origin.RunAsync(id, HttpContext.RequestAborted);
        return Page();
    }
}
